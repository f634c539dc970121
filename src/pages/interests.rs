//! `/me/interests`: the user's own view of the on-device profile: top topics and creators as bars, recent
//! activity, and the controls that make it theirs (pause, reset, export, import).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{fetch_text, paths};
use crate::app::personalize::config;
use crate::app::{set_title, use_ctx};
use crate::components::fan_level::fan_level_text;
use crate::format;
use crate::i18n::{Locale, Text};
use crate::model::text::is_valid_id;
use crate::model::{parse_creator_doc, parse_item_doc};
use crate::rank::profile::Dim;
use crate::rank::{Profile, SignalKind};
use crate::social::FanLevel;
use crate::{text, tr};

fn signal_text(k: &SignalKind) -> Text {
    match k {
        SignalKind::Impression => text!(sig_impression),
        SignalKind::CardDwell { .. } => text!(sig_dwell),
        SignalKind::Open => text!(sig_open),
        SignalKind::ItemDwell { .. } => text!(sig_item_dwell),
        SignalKind::Like => text!(sig_like),
        SignalKind::Share => text!(sig_share),
        SignalKind::Follow => text!(sig_follow),
        SignalKind::CreatorVisit => text!(sig_creator_visit),
        SignalKind::VideoWatched { .. } => text!(sig_video),
        SignalKind::Hide => text!(sig_hide),
        SignalKind::LessLikeThis { .. } => text!(sig_less),
        SignalKind::MuteCreator => text!(sig_mute),
    }
}

/// The interests page.
#[component]
pub fn InterestsPage() -> impl IntoView {
    let ctx = use_ctx();
    let pers = ctx.pers;
    Effect::new(move |_| {
        set_title(&format!("{} · {}", tr!(ctx.locale.get(), my_interests), tr!(ctx.locale.get(), app_name)))
    });
    let confirm_reset = RwSignal::new(false);
    // Names of creators and titles of items the profile mentions but this page load has not seen yet are
    // fetched once (a few small documents), so the page shows names rather than ids after a reload.
    let labels_loaded = RwSignal::new(0u32);
    Effect::new(move |_| {
        pers.revision.track();
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let (creators, items): (Vec<String>, Vec<String>) = pers.with_profile(|p| {
            let creators = p.top(Dim::Creator, now, &config()).into_iter().take(8).map(|(k, _)| k).collect();
            let items = p.history.iter().rev().take(12).map(|s| s.target.item.clone()).collect();
            (creators, items)
        });
        // Creators with a fan level whose name neither the ledger nor the follow list kept.
        let unnamed = ctx.social.fan_levels().into_iter().filter(|(_, name, _)| name.is_empty()).map(|(id, _, _)| id);
        let mut creators: Vec<String> = creators.into_iter().chain(unnamed).collect();
        creators.sort();
        creators.dedup();
        let base = ctx.session().base.clone();
        for id in creators.into_iter().filter(|c| ctx.cached_creator(c).is_none() && is_valid_id(c)) {
            let url = ctx.url(&paths::creator(&id));
            let base = base.clone();
            leptos::task::spawn_local(async move {
                if let Ok(Ok(c)) = fetch_text(&url).await.map(|t| parse_creator_doc(&t, &base)) {
                    ctx.cache_creator(std::sync::Arc::new(c));
                    labels_loaded.try_update(|n| *n += 1);
                }
            });
        }
        for id in items.into_iter().filter(|i| ctx.cached_item(i).is_none() && is_valid_id(i)) {
            let url = ctx.url(&paths::item(&id));
            let base = base.clone();
            leptos::task::spawn_local(async move {
                if let Ok(Ok(mut item)) = fetch_text(&url).await.map(|t| parse_item_doc(&t, &base)) {
                    crate::app::state::check_embeddings(ctx, std::slice::from_mut(&mut item), &url);
                    ctx.cache_items([&std::sync::Arc::new(item)]);
                    labels_loaded.try_update(|n| *n += 1);
                }
            });
        }
    });
    let import_message = RwSignal::new(None::<Text>);
    let session = ctx.session();

    let bars = move |dim: Dim| {
        let session = session.clone();
        move || {
            pers.revision.track();
            labels_loaded.track();
            let l = ctx.locale.get();
            let now = (js_sys::Date::now() / 1000.0) as i64;
            let top: Vec<(String, f64)> = pers
                .with_profile(|p| p.top(dim, now, &config()))
                .into_iter()
                .filter(|(_, v)| *v > 0.01)
                .take(8)
                .collect();
            if top.is_empty() {
                return view! { <p class="muted">{tr!(l, no_interests_yet)}</p> }.into_any();
            }
            let max = top.first().map_or(1.0, |(_, v)| *v).max(1e-9);
            let name = |key: &str| -> String {
                match dim {
                    Dim::Topic => session
                        .index
                        .channels
                        .iter()
                        .find(|c| c.id == key)
                        .map_or(key.to_string(), |c| c.name.get(l.tag()).to_string()),
                    _ => ctx
                        .cached_creator(key)
                        .map(|c| c.name.clone())
                        .or_else(|| ctx.any_item_by_creator(key).map(|i| i.creator.name.clone()))
                        .unwrap_or_else(|| key.to_string()),
                }
            };
            view! {
                <ul class="bars">
                    {top
                        .into_iter()
                        .map(|(key, v)| {
                            let pct = (v / max * 100.0).clamp(2.0, 100.0);
                            let label = name(&key);
                            view! {
                                <li class="bar-row">
                                    <span class="bar-label">{label}</span>
                                    <span
                                        class="bar"
                                        role="meter"
                                        aria-valuemin="0"
                                        aria-valuemax="100"
                                        aria-valuenow=crate::format::fixed(pct, 0)
                                    >
                                        <span class="bar-fill" prop:style=format!("width: {}%", crate::format::fixed(pct, 1))></span>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    };

    let recent = move || {
        pers.revision.track();
        labels_loaded.track();
        let l: Locale = ctx.locale.get();
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let rows: Vec<_> = pers.with_profile(|p: &Profile| {
            p.history.iter().rev().filter(|s| !matches!(s.kind, SignalKind::Impression)).take(12).cloned().collect()
        });
        if rows.is_empty() {
            return view! { <p class="muted">{tr!(l, no_interests_yet)}</p> }.into_any();
        }
        view! {
            <ul class="recent-signals" data-testid="recent-signals">
                {rows
                    .into_iter()
                    .map(|s| {
                        let what = ctx
                            .cached_item(&s.target.item)
                            .map(|i| i.title_in(l.tag()).to_string())
                            .or_else(|| ctx.cached_creator(&s.target.creator).map(|c| c.name.clone()))
                            .unwrap_or_else(|| s.target.item.clone());
                        view! {
                            <li>
                                <span class="sig-verb">{signal_text(&s.kind)(l)}</span>
                                " "
                                <span class="sig-what">{what}</span>
                                <span class="sig-when">{format::ago(s.at, now, l.tag())}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    // 粉丝等级 with every creator above 路人: a link to their page, the level and the points.
    let fan_levels = move || {
        pers.revision.track();
        labels_loaded.track();
        let l = ctx.locale.get();
        let rows = ctx.social.fan_levels();
        if rows.is_empty() {
            return view! { <p class="muted">{tr!(l, fan_levels_empty)}</p> }.into_any();
        }
        view! {
            <ul class="fan-levels" data-testid="fan-levels">
                {rows
                    .into_iter()
                    .map(|(id, name, s)| {
                        let name = ctx.cached_creator(&id).map(|c| c.name.clone()).filter(|_| name.is_empty()).unwrap_or(name);
                        let name = if name.is_empty() { id.clone() } else { name };
                        view! {
                            <li data-id=id.clone() data-level=s.level.index()>
                                <a href=format!("/creator/{id}")>{name}</a>
                                <span class="fan-level" class:is-super=s.level == FanLevel::Super>{fan_level_text(s.level)(l)}</span>
                                <span class="muted">{tr!(l, fan_points, points = format!("{}", s.points.floor() as u64))}</span>
                                {s.fading.then(|| view! { <span class="muted" data-testid="fan-fading">{tr!(l, fan_fading_short)}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            match text.as_deref().map(|t| (Profile::from_json(t, &config()), t)) {
                Some((Ok(p), t)) => {
                    // Only a file the profile reader accepted (size, JSON, version) is read for fan levels.
                    pers.import(p, imported_fans(t));
                    import_message.set(Some(text!(imported)));
                }
                other => {
                    if let Some((Err(e), _)) = other {
                        leptos::logging::warn!("guang: import refused: {e}");
                    }
                    import_message.set(Some(text!(import_failed)));
                }
            }
        });
    };

    view! {
        <section class="interests" data-testid="interests-page">
            <h1 id="page-heading" tabindex="-1">{move || tr!(ctx.locale.get(), my_interests)}</h1>
            <p class="muted">{move || tr!(ctx.locale.get(), interests_intro)}</p>
            {move || {
                pers.reset_reason
                    .get()
                    .map(|_| view! { <p class="notice" role="status">{tr!(ctx.locale.get(), profile_was_reset)}</p> })
            }}
            <div class="interest-controls">
                <button
                    type="button"
                    class="btn"
                    data-testid="pause"
                    aria-pressed=move || pers.paused.get().to_string()
                    on:click=move |_| pers.set_paused(!pers.paused.get_untracked())
                >
                    {move || {
                        if pers.paused.get() {
                            tr!(ctx.locale.get(), resume_personalization)
                        } else {
                            tr!(ctx.locale.get(), pause_personalization)
                        }
                    }}
                </button>
                <button
                    type="button"
                    class="btn"
                    data-testid="export"
                    on:click=move |_| crate::pages::download_json("guang-interests.json", &pers.export_json())
                >
                    {move || tr!(ctx.locale.get(), export_profile)}
                </button>
                <label class="btn" data-testid="import-label">
                    {move || tr!(ctx.locale.get(), import_profile)}
                    <input
                        type="file"
                        accept="application/json,.json"
                        class="visually-hidden"
                        data-testid="import"
                        on:change=on_import
                    />
                </label>
                <button
                    type="button"
                    class="btn btn-danger"
                    data-testid="reset"
                    on:click=move |_| {
                        if confirm_reset.get_untracked() {
                            pers.reset();
                            confirm_reset.set(false);
                        } else {
                            confirm_reset.set(true);
                        }
                    }
                >
                    {move || if confirm_reset.get() { tr!(ctx.locale.get(), reset_confirm) } else { tr!(ctx.locale.get(), reset_profile) }}
                </button>
            </div>
            <p class="muted" role="status">
                {move || pers.paused.get().then(|| tr!(ctx.locale.get(), paused_note))}
                {move || import_message.get().map(|k| ctx.t(k))}
            </p>
            <h2>{move || tr!(ctx.locale.get(), top_topics)}</h2>
            <div data-testid="top-topics">{bars(Dim::Topic)}</div>
            <h2>{move || tr!(ctx.locale.get(), top_creators)}</h2>
            <div data-testid="top-creators">{bars(Dim::Creator)}</div>
            <h2>{move || tr!(ctx.locale.get(), fan_level_title)}</h2>
            {fan_levels}
            <h2>{move || tr!(ctx.locale.get(), recent_signals)}</h2>
            {recent}
        </section>
    }
}

/// The fan levels of an exported profile file (its `fans` key), read with the stored ledger's own rules; `None`
/// when absent or unreadable, with the reason logged (the profile itself still imports).
fn imported_fans(text: &str) -> Option<crate::social::FanLedger> {
    let doc: serde_json::Value = serde_json::from_str(text).ok()?;
    let fans = doc.get("fans")?;
    crate::social::FanLedger::from_json(&fans.to_string())
        .map_err(|e| leptos::logging::warn!("guang: imported fan levels refused: {e}"))
        .ok()
}
