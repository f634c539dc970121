//! Sharing: the share button, the app-wide share sheet and the "open a share code" dialog.
//!
//! The sheet is always there (the system share dialog is offered in it where the browser has the Web Share
//! API): copy link, a QR code drawn in wasm as SVG, and a short share code in the spirit of 淘口令 that
//! anyone can type into Guang's code box to land on the same item or creator. Links carry `src=share` and the
//! code, so the visit they bring is attributed to the share. In WeChat and WindVane webviews the system
//! share button is not offered (WeChat gets a hint pointing at its own ··· menu), and in embed mode every
//! completed share is also posted to the host (`share` in docs/embed.md).

use leptos::html::{Dialog, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::social::share_link;
use crate::app::{embed, use_ctx, Ctx};
use crate::components::icons::ShareIcon;
use crate::components::sheet::{closed, sheet, sync_dialog};
use crate::embed::{detect_webview, OpenKind, ShareMethod, ToHost};
use crate::i18n::Text;

use crate::rank::SignalKind;
use crate::social::{decode_share_code, encode_share_code, qr_svg, CodeError, FanLevel, ShareTarget, Source};
use crate::{text, tr};

/// Opens the share sheet for an item or a creator.
#[component]
pub fn ShareButton(target: ShareTarget, title: String, #[prop(optional)] labelled: bool) -> impl IntoView {
    let ctx = use_ctx();
    let open = move |_| ctx.social.open_share(target.clone(), title.clone());
    view! {
        <button
            type="button"
            class="btn share-btn"
            class:icon-btn=!labelled
            data-testid="share-button"
            aria-haspopup="dialog"
            aria-label=move || tr!(ctx.locale.get(), share)
            on:click=open
        >
            <ShareIcon/>
            {labelled.then(|| view! { <span aria-hidden="true">{move || tr!(ctx.locale.get(), share)}</span> })}
        </button>
    }
}

/// The browser's `navigator`, if there is one.
fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// `navigator.share`, when the browser has the Web Share API (not in web-sys' stable bindings).
fn web_share() -> Option<js_sys::Function> {
    let nav = navigator()?;
    js_sys::Reflect::get(&nav, &"share".into()).ok()?.dyn_into::<js_sys::Function>().ok()
}

/// Writes `text` to the clipboard; false when the browser has no async clipboard or refuses.
pub(crate) async fn copy_text(text: &str) -> bool {
    let Some(nav) = navigator() else { return false };
    let has_clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(text)).await.is_ok()
}

/// Selects the text of an input so the user can copy it by hand when the clipboard is refused.
fn select_input(input: NodeRef<Input>) {
    if let Some(el) = input.get_untracked() {
        let _ = el.focus();
        el.select();
    }
}

/// A share counts as a signal for items (it says more than an open), and an embedding host is told.
fn record_share(ctx: Ctx, target: &ShareTarget, link: &str, method: ShareMethod) {
    let kind = match target {
        ShareTarget::Creator(_) => OpenKind::Creator,
        ShareTarget::Item(id) | ShareTarget::ItemCoupon { item: id, .. } => {
            if let Some(item) = ctx.cached_item(id) {
                ctx.pers.record(SignalKind::Share, &item);
            }
            OpenKind::Item
        }
    };
    embed::post(ToHost::Share { kind, id: target.id().to_string(), url: link.to_string(), method });
}

/// The app-wide share sheet.
#[component]
pub fn ShareSheet() -> impl IntoView {
    let ctx = use_ctx();
    let close = move || ctx.social.share.set(None);
    let link_input = NodeRef::<Input>::new();
    let code_input = NodeRef::<Input>::new();

    let body = move || {
        let l = ctx.locale.get();
        let req = ctx.social.share.get()?;
        let code = encode_share_code(&req.target);
        // The sharer's fan level with the creator travels in the link; a super fan's share says so.
        let creator = match &req.target {
            ShareTarget::Creator(id) => Some(id.clone()),
            t => ctx.cached_item(t.id()).map(|i| i.creator.id.clone()),
        };
        let level = creator.as_deref().map_or(FanLevel::Passerby, |c| ctx.social.fan_level(c));
        let link = share_link(&req.target, &code, level);
        let fan_rec = (level == FanLevel::Super).then(|| {
            view! { <span class="badge badge-fan" data-testid="share-fan-badge">{tr!(l, fan_rec)}</span> }
        });
        let qr = qr_svg(&link);
        let copy = move |text: String,
                         input: NodeRef<Input>,
                         done: Text,
                         target: ShareTarget,
                         link: String,
                         how: ShareMethod| {
            spawn_local(async move {
                if copy_text(&text).await {
                    record_share(ctx, &target, &link, how);
                    ctx.pers.say(done);
                } else {
                    select_input(input);
                    ctx.pers.say(text!(copy_failed));
                }
            });
        };
        // In WeChat and WindVane webviews the Web Share API is missing or useless and their own share
        // routes are outside a page's reach (see `crate::embed::webview`): copy link, QR and code remain.
        let webview = navigator().and_then(|n| n.user_agent().ok()).as_deref().and_then(detect_webview);
        let menu_hint = webview.filter(|w| w.has_menu_share()).map(|_| {
            view! { <p class="hint share-menu-hint" data-testid="share-menu-hint">{tr!(l, share_via_menu)}</p> }
        });
        let native = webview.is_none().then(web_share).flatten().map(|share| {
            let (title, link, target) = (req.title.clone(), link.clone(), req.target.clone());
            let on_click = move |_| {
                let data = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(&title));
                let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(&link));
                let Some(nav) = navigator() else { return };
                let Ok(promise) = share.call1(&nav, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) else {
                    return;
                };
                let (target, link) = (target.clone(), link.clone());
                spawn_local(async move {
                    // A rejection is usually the user closing the system dialog: nothing to say.
                    if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                        record_share(ctx, &target, &link, ShareMethod::Native);
                        ctx.social.share.try_set(None);
                    }
                });
            };
            view! {
                <button type="button" class="btn btn-primary wide" data-testid="share-native" on:click=on_click>
                    {tr!(l, share_via)}
                </button>
            }
        });
        let qr_view = qr.map(|q| {
            let view_box = format!("0 0 {0} {0}", q.size);
            let label = tr!(l, qr_label, title = &req.title);
            view! {
                <svg class="qr" viewBox=view_box role="img" aria-label=label data-testid="share-qr" shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#fff"></rect>
                    <path d=q.path fill="#000"></path>
                </svg>
            }
        });
        let (link_copy, code_copy, code_link) = (link.clone(), code.clone(), link.clone());
        let (t1, t2) = (req.target.clone(), req.target.clone());
        Some(view! {
            <h2 id="share-title" class="dialog-title">{tr!(l, share_title)}</h2>
            <p class="dialog-sub">{fan_rec}{req.title.clone()}</p>
            {req
                .target
                .coupon()
                .map(|c| view! { <p class="share-coupon" data-testid="share-coupon">{tr!(l, share_with_coupon, code = c)}</p> })}
            {native}
            {menu_hint}
            <div class="share-grid">
                {qr_view}
                <div class="share-fields">
                    <label class="field">
                        <span>{tr!(l, share_link)}</span>
                        <input node_ref=link_input type="text" readonly=true value=link data-testid="share-link"/>
                    </label>
                    <button
                        type="button"
                        class="btn"
                        data-testid="copy-link"
                        on:click=move |_| {
                            let link = link_copy.clone();
                            copy(link.clone(), link_input, text!(link_copied), t1.clone(), link, ShareMethod::CopyLink)
                        }
                    >
                        {tr!(l, copy_link)}
                    </button>
                    <label class="field">
                        <span>{tr!(l, share_code)}</span>
                        <input
                            node_ref=code_input
                            type="text"
                            readonly=true
                            class="code"
                            value=code
                            data-testid="share-code"
                        />
                    </label>
                    <button
                        type="button"
                        class="btn"
                        data-testid="copy-code"
                        on:click=move |_| {
                            let (code, link) = (code_copy.clone(), code_link.clone());
                            copy(code, code_input, text!(code_copied), t2.clone(), link, ShareMethod::CopyCode)
                        }
                    >
                        {tr!(l, copy_code)}
                    </button>
                    <p class="hint">{tr!(l, share_code_hint)}</p>
                </div>
            </div>
        })
    };

    sheet(
        move || ctx.social.share.with(Option::is_some),
        close,
        "share-title",
        "share-sheet",
        Some("share-close"),
        body,
    )
}

/// The "open a share code" dialog: paste a code (or a whole message containing one) and land on its page.
#[component]
pub fn CodeDialog() -> impl IntoView {
    let ctx = use_ctx();
    let dialog = NodeRef::<Dialog>::new();
    sync_dialog(dialog, move || ctx.social.code_open.get());
    let input = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<Text>);
    let navigate = use_navigate();
    let close = move || {
        ctx.social.code_open.set(false);
        error.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        match decode_share_code(&text) {
            Ok(target) => {
                let code = encode_share_code(&target);
                if let Some(i) = input.get_untracked() {
                    i.set_value("");
                }
                close();
                ctx.social.set_surface(Source::Share);
                navigate(&format!("{}?src=share&code={code}", target.path()), Default::default());
            }
            Err(e) => {
                error.set(Some(if e == CodeError::BadChecksum { text!(code_checksum) } else { text!(code_invalid) }))
            }
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="sheet"
            aria-labelledby="code-title"
            data-testid="code-dialog"
            on:close=move |_| if closed(dialog) { close() }
        >
            <form class="sheet-body" on:submit=submit>
                <h2 id="code-title" class="dialog-title">{move || tr!(ctx.locale.get(), open_code)}</h2>
                <label class="field">
                    <span>{move || tr!(ctx.locale.get(), open_code_hint)}</span>
                    <input
                        node_ref=input
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        class="code"
                        data-testid="code-input"
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby="code-error"
                    />
                </label>
                <p id="code-error" class="field-error" role="alert" data-testid="code-error">
                    {move || error.get().map(|k| ctx.t(k))}
                </p>
                <div class="sheet-actions">
                    <button type="button" class="btn" on:click=move |_| close()>
                        {move || tr!(ctx.locale.get(), close)}
                    </button>
                    <button type="submit" class="btn btn-primary" data-testid="code-submit">
                        {move || tr!(ctx.locale.get(), open_code_submit)}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
