//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts from a fixture session, shows its
//! chrome, and turns an unreachable API into an error state with a retry; a card renders its data as text.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use guang::app::Session;
use guang::i18n::Locale;
use guang::model::{parse_config, parse_index, parse_item_doc, ApiBase};
use guang::shell::routes::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const INDEX: &str = r#"{"version":1,"channels":[{"id":"recommend","name":{"zh-CN":"推荐","en":"For you"}},
  {"id":"food","name":{"zh-CN":"美食","en":"Food"}}],
  "campaigns":[{"id":"c1111","name":{"zh-CN":"双11","en":"11.11"},"start":"2026-10-20T20:00:00+08:00","end":"2026-11-12T00:00:00+08:00","boost":0.8}]}"#;

fn session(api: &str) -> Session {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    Session {
        config: parse_config(r#"{"version":1,"api_base":"api/"}"#).unwrap(),
        base: ApiBase::parse(&format!("{origin}{api}")).unwrap(),
        index: parse_index(INDEX).unwrap(),
        now: 1_794_326_400,
    }
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits up to ~5 s for a selector to match inside `root`.
async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Ok(Some(el)) = root.query_selector(selector) {
            return el;
        }
        sleep(50).await;
    }
    panic!("{selector} never appeared; html: {}", root.inner_html());
}

fn fresh_root() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

#[wasm_bindgen_test]
async fn app_mounts_and_an_unreachable_api_shows_retry() {
    let root = fresh_root();
    let s = session("/no-such-api/");
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <App session=s locale=Locale::Zh/> });
    let tabs = wait_for(&root, "nav.tabs").await;
    assert!(tabs.text_content().unwrap().contains("推荐"));
    assert!(tabs.text_content().unwrap().contains("关注"));
    let chips = wait_for(&root, "nav.chips").await;
    assert!(chips.text_content().unwrap().contains("美食"));
    let error = wait_for(&root, "[data-testid=error-state]").await;
    assert!(error.query_selector("[data-testid=retry]").unwrap().is_some());

    // Switching the language re-renders the chrome in English.
    let switch: web_sys::HtmlElement = wait_for(&root, "[data-testid=lang-switch]").await.unchecked_into();
    switch.click();
    sleep(50).await;
    assert!(root.query_selector("nav.tabs").unwrap().unwrap().text_content().unwrap().contains("For you"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_card_renders_hostile_text_as_text() {
    let root = fresh_root();
    let s = session("/api/");
    let item = r#"{"version":1,"item":{"id":"x1","kind":"live","media":{"viewers":12345,"started_at":"2026-11-11T00:00:00Z","status":"live"},
      "title":"<img src=x onerror=\"window.pwned=1\">直播","cover":{"url":"c.svg","width":600,"height":800},
      "creator":{"id":"c1","name":"<b>小鹿</b>","avatar":"a.svg"},"campaign":"c1111",
      "products":[{"id":"p","title":"大衣","price":{"amount":59900,"currency":"CNY"},"url":"https://shop.example.com/p"}],
      "published_at":"2026-11-11T00:00:00Z","stats":{"likes":23456}}}"#;
    let item = Arc::new(parse_item_doc(item, &s.base).unwrap());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(guang::app::Ctx::new(s, Locale::Zh));
        view! { <guang::components::card::Card item/> }
    });
    let card = wait_for(&root, "[data-testid=card]").await;
    let text = card.text_content().unwrap();
    assert!(text.contains("<img src=x onerror=\"window.pwned=1\">直播"), "{text}");
    assert!(text.contains("<b>小鹿</b>"));
    assert!(text.contains("直播中 · 1.2万 人观看"), "{text}");
    assert!(text.contains("¥599.00"));
    assert!(text.contains("双11"));
    assert!(text.contains("2.3万"));
    assert!(card.query_selector("b").unwrap().is_none(), "no markup from data");
    assert_eq!(
        card.query_selector("img").unwrap().unwrap().get_attribute("src").unwrap(),
        format!("{}c.svg", s_base())
    );
    root.remove();
}

fn s_base() -> String {
    format!("{}/api/", web_sys::window().unwrap().location().origin().unwrap())
}
