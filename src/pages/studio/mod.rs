//! `/creator/:id/preview`: the creator studio. A creator composes a new item in a form (the compose
//! workbench: drafts kept on the device, a live preview, export and publish), or loads a draft (a local JSON
//! file, or a URL on this site) of a new item, which fills the form, or of a profile edit. Every draft is
//! validated against the contract with every problem listed by field path, and a valid draft is shown as
//! visitors will see it (feed card, item page, creator page) in a phone, tablet or desktop frame, light or
//! dark, zh or en. A traffic panel shows where the creator's views come from and how the draft would meet
//! current campaigns.

mod bench;
mod compose;
mod credits;
mod drafts;
mod fields;
mod js;
mod media;
mod offer;
mod profile;
mod publish;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::api::{fetch_text, paths};
use crate::app::{focus_id, set_title, use_ctx};
use crate::components::card::Card;
use crate::components::choice::Choice;
use crate::components::fan_level::fan_level_text;
use crate::components::states::ErrorState;
use crate::components::viewport::use_window_size;
use crate::i18n::studio::{StudioText, S};
use crate::i18n::{problem_text, source_text, Locale, Text};
use crate::model::compose::{field_of, Compose, Field};
use crate::model::documents::MAX_DOC_BYTES;
use crate::model::{validate_draft, Creator, CreatorRef, Draft, Item, Problem, ProblemKind};
use crate::pages::creator::{use_creator, CreatorHeader};
use crate::pages::item::ItemDetail;
use crate::pages::not_found::{Missing, NotFound};
use crate::pages::Load;
use crate::social::{FanLevel, Source};
use crate::{text, tr};
use bench::Bench;
use profile::Profile;

/// A preview frame's width in CSS pixels.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Phone,
    Tablet,
    Desktop,
}

impl Frame {
    const ALL: [Frame; 3] = [Frame::Phone, Frame::Tablet, Frame::Desktop];

    fn width(self) -> f64 {
        match self {
            Frame::Phone => 390.0,
            Frame::Tablet => 768.0,
            Frame::Desktop => 1280.0,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Frame::Phone => "phone",
            Frame::Tablet => "tablet",
            Frame::Desktop => "desktop",
        }
    }
}

/// What the workbench edits: a new item (作品) or the creator's own profile (资料).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Items,
    Profile,
}

/// What the studio holds: nothing yet, the problems of a broken draft, or a valid draft.
#[derive(Clone)]
enum DraftState {
    None,
    Broken(Vec<Problem>),
    Valid(Arc<Draft>),
}

/// The studio page.
#[component]
pub fn StudioPage() -> impl IntoView {
    let (state, retry) = use_creator(use_params_map());
    view! {
        {move || match state.get() {
            Load::Loading => view! { <div class="creator-skeleton shimmer" role="status" aria-busy="true"></div> }.into_any(),
            Load::Missing => view! { <NotFound what=Missing::Creator/> }.into_any(),
            Load::Failed(e) => view! { <ErrorState error=e on_retry=retry/> }.into_any(),
            Load::Ready(creator) => view! { <Studio creator/> }.into_any(),
        }}
    }
}

/// Checks a draft's text and that it belongs to this creator.
fn check(text: &str, creator: &str, base: &crate::model::ApiBase) -> DraftState {
    match validate_draft(text, base) {
        Err(problems) => DraftState::Broken(problems),
        Ok(draft) => {
            let (path, owner) = match &draft {
                Draft::Item(i) => ("item.creator.id", i.creator.id.as_str()),
                Draft::Creator(c) => ("creator.id", c.id.as_str()),
            };
            if owner == creator {
                DraftState::Valid(Arc::new(draft))
            } else {
                DraftState::Broken(vec![Problem { path: path.into(), kind: ProblemKind::OtherCreator }])
            }
        }
    }
}

/// Adds the studio's own stylesheet (`studio.css`, beside index.html; viewers never load it) and the pages'
/// (`pages.css`, which its previews of item and creator pages use). The returned signal turns true once both
/// have loaded (or failed: the studio then works unstyled rather than not at all), so the workbench never
/// shows unstyled.
fn load_stylesheet() -> RwSignal<bool> {
    use crate::components::stylesheet::{loaded, stylesheet};
    let ready = RwSignal::new(false);
    let (studio, pages) = (stylesheet("studio.css"), stylesheet("pages.css"));
    leptos::task::spawn_local(async move {
        loaded(studio).await;
        loaded(pages).await;
        ready.try_set(true);
    });
    ready
}

/// The URL of `reference` resolved against the page, if it is on this site.
fn same_origin_url(reference: &str) -> Option<String> {
    let window = web_sys::window()?;
    let base = window.document()?.base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(reference.trim(), &base).ok()?;
    let origin = window.location().origin().ok()?;
    (url.origin() == origin && matches!(url.protocol().as_str(), "http:" | "https:")).then(|| url.href())
}

#[component]
fn Studio(creator: Arc<Creator>) -> impl IntoView {
    let ctx = use_ctx();
    {
        let name = creator.name.clone();
        Effect::new(move |_| set_title(&format!("{} · {name}", tr!(ctx.locale.get(), studio))));
    }
    focus_id("page-heading");
    let styled = load_stylesheet();
    let st = StudioText::new(ctx.locale.into());
    let me = CreatorRef { collabs: creator.collabs.iter().map(|c| c.id.clone()).collect(), ..CreatorRef::of(&creator) };
    let bench = Bench::new(me, st);
    let profile = Profile::new(creator.clone(), bench);
    let mode = RwSignal::new(Mode::Items);
    // A creator coming back continues where they left off: the newest draft opens.
    if let Some(newest) = bench.shelf.with_untracked(|s| s.drafts.first().map(|d| d.id.clone())) {
        bench.open(&newest);
    }
    for d in bench.shelf.with_untracked(|s| {
        s.drafts
            .iter()
            .filter(|d| matches!(d.publish, Some(crate::model::compose::Publish::Pending { .. })))
            .map(|d| d.id.clone())
            .collect::<Vec<_>>()
    }) {
        publish::run(bench, d);
    }
    let draft = RwSignal::new(DraftState::None);
    let busy = RwSignal::new(false);
    let base = ctx.session().base.clone();
    let creator_id = creator.id.clone();
    let accept = {
        let (base, creator_id) = (base.clone(), creator_id.clone());
        move |text: String| match check(&text, &creator_id, &base) {
            // A new item fills the form, as a new draft on the device.
            DraftState::Valid(d) if matches!(*d, Draft::Item(_)) => {
                if let Draft::Item(item) = &*d {
                    let mut filled = Compose::from_item(item, bench::now_ms());
                    // Loading the same file again starts another draft; it never replaces the one being edited.
                    if bench.shelf.with_untracked(|s| s.get(&filled.id).is_some()) {
                        filled.id = bench::new_id();
                    }
                    bench.start(filled);
                }
                draft.set(DraftState::None);
            }
            // A profile edit fills the 资料 form.
            DraftState::Valid(d) => {
                if let Draft::Creator(loaded) = &*d {
                    profile.fill(loaded);
                    mode.set(Mode::Profile);
                }
                draft.set(DraftState::None);
            }
            other => draft.set(other),
        }
    };
    let on_file = {
        let accept = accept.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            if file.size() > MAX_DOC_BYTES as f64 {
                draft.set(DraftState::Broken(vec![Problem {
                    path: "$".into(),
                    kind: ProblemKind::TooLarge { bytes: file.size() as usize, max: MAX_DOC_BYTES },
                }]));
                return;
            }
            let accept = accept.clone();
            busy.set(true);
            spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
                busy.try_set(false);
                match text {
                    Some(text) => accept(text),
                    None => {
                        draft.try_set(DraftState::Broken(vec![Problem {
                            path: "$".into(),
                            kind: ProblemKind::Unreadable,
                        }]));
                    }
                }
            });
        }
    };
    let url_input = NodeRef::<leptos::html::Input>::new();
    let on_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let raw = url_input.get_untracked().map(|i| i.value()).unwrap_or_default();
        let Some(url) = same_origin_url(&raw) else {
            draft.set(DraftState::Broken(vec![Problem { path: "url".into(), kind: ProblemKind::NotSameOrigin }]));
            return;
        };
        let accept = accept.clone();
        busy.set(true);
        spawn_local(async move {
            let result = fetch_text(&url).await;
            busy.try_set(false);
            match result {
                Ok(text) => accept(text),
                Err(e) => {
                    leptos::logging::warn!("guang: draft {url}: {e}");
                    draft.try_set(DraftState::Broken(vec![Problem {
                        path: "url".into(),
                        kind: ProblemKind::Unreachable,
                    }]));
                }
            }
        });
    };

    let name = creator.name.clone();
    let for_preview = creator.clone();
    let for_bench = creator.clone();
    let shown = Signal::derive(move || match draft.get() {
        DraftState::Valid(d) => Some(d),
        _ if mode.get() == Mode::Profile => profile.preview.get(),
        _ => bench.preview.get(),
    });
    view! {
        <div class="studio" data-testid="studio">
            <h1 id="page-heading" tabindex="-1">{move || format!("{} · {name}", tr!(ctx.locale.get(), studio))}</h1>
            <p class="muted">{move || tr!(ctx.locale.get(), studio_intro)}</p>
            {move || {
                if st.failed.get() {
                    view! { <ErrorState error=crate::api::FetchError::Network("studio strings".into()) on_retry=Callback::new(move |_| st.retry())/> }.into_any()
                } else if st.loaded() && styled.get() {
                    view! { <Workbench bench profile mode creator=for_bench.clone()/> }.into_any()
                } else {
                    view! { <div class="creator-skeleton shimmer" role="status" aria-busy="true"></div> }.into_any()
                }
            }}
            <section class="studio-load" aria-labelledby="load-title">
                <h2 id="load-title" class="section-title">{move || tr!(ctx.locale.get(), load_draft)}</h2>
                <label class="field">
                    <span>{move || tr!(ctx.locale.get(), load_draft_file)}</span>
                    <input type="file" accept=".json,application/json" data-testid="draft-file" on:change=on_file/>
                </label>
                <form class="field-row" on:submit=on_url>
                    <label class="field">
                        <span>{move || tr!(ctx.locale.get(), draft_url_label)}</span>
                        <input node_ref=url_input type="text" placeholder="drafts/new-item.json" data-testid="draft-url"/>
                    </label>
                    <button type="submit" class="btn" data-testid="draft-url-load">{move || tr!(ctx.locale.get(), load_draft_url)}</button>
                </form>
            </section>
            <div aria-live="polite" aria-busy=move || busy.get().to_string()>
                {move || match draft.get() {
                    DraftState::None => view! { <p class="muted" data-testid="no-draft">{move || tr!(ctx.locale.get(), no_draft)}</p> }.into_any(),
                    DraftState::Broken(problems) => view! { <ProblemList problems/> }.into_any(),
                    DraftState::Valid(d) => view! { <Preview draft=Signal::stored(Some(d)) creator=for_preview.clone()/> }.into_any(),
                }}
            </div>
            <TrafficPanel creator=creator.clone() draft=shown/>
        </div>
    }
}

/// Every problem of a broken draft, by field path.
#[component]
fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let ctx = use_ctx();
    let n = problems.len();
    view! {
        <section class="problems" role="alert" data-testid="draft-problems">
            <h2 class="section-title">{move || tr!(ctx.locale.get(), draft_problems, n = n)}</h2>
            <ul>
                {problems
                    .into_iter()
                    .map(|p| {
                        let kind = p.kind.clone();
                        view! {
                            <li data-testid="draft-problem" data-path=p.path.clone()>
                                <code>{p.path.clone()}</code>
                                " "
                                <span>{move || problem_text(&kind, ctx.locale.get())}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

thread_local! {
    /// Previews made so far, to give each its own heading id.
    static PREVIEWS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The valid draft in a frame, with the frame, theme and language switches.
#[component]
fn Preview(
    draft: Signal<Option<Arc<Draft>>>,
    creator: Arc<Creator>,
    /// Replaces the heading (the compose form's preview says when it shows the last valid state).
    #[prop(default = None)]
    heading: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    // Choices are indices into these lists (one radio-group component for all three).
    const FRAMES: &[(Text, &str)] =
        &[(text!(frame_phone), "phone"), (text!(frame_tablet), "tablet"), (text!(frame_desktop), "desktop")];
    const THEMES: &[(Text, &str)] = &[(text!(theme_light), "light"), (text!(theme_dark), "dark")];
    const LANGS: &[(Text, &str)] = &[(text!(lang_zh), "zh"), (text!(lang_en), "en")];
    let frame_index = RwSignal::new(0_usize);
    let frame = Memo::new(move |_| Frame::ALL.get(frame_index.get()).copied().unwrap_or(Frame::Phone));
    let theme_index = RwSignal::new(0_usize);
    let dark = Memo::new(move |_| theme_index.get() == 1);
    let lang_index = RwSignal::new(usize::from(ctx.locale.get_untracked() == Locale::En));
    let frame_locale = RwSignal::new(ctx.locale.get_untracked());
    Effect::new(move |_| frame_locale.set(if lang_index.get() == 1 { Locale::En } else { Locale::Zh }));
    let window = use_window_size();
    let zoom = move || {
        let available = (window.width.get() - 40.0).clamp(280.0, 1240.0);
        (available / frame.get().width()).min(1.0)
    };
    let frame_ctx = ctx.with_locale(frame_locale);
    // The studio can show two previews at once (the compose form's and a loaded JSON draft's): each has its own
    // heading id, and its switches sit in a form of their own, which keeps same-named radio groups apart.
    let title_id = PREVIEWS.with(|n| {
        n.set(n.get() + 1);
        format!("preview-title-{}", n.get())
    });
    let labelled_by = title_id.clone();
    let content = move || {
        let d = draft.get()?;
        let (item, profile): (Option<Arc<Item>>, Arc<Creator>) = match &*d {
            Draft::Item(i) => (Some(Arc::new(i.clone())), creator.clone()),
            Draft::Creator(c) => (None, Arc::new(c.clone())),
        };
        Some(view! { <FrameContent ctx=frame_ctx item profile/> })
    };
    view! {
        <section class="studio-preview" aria-labelledby=labelled_by>
            <h2 id=title_id class="section-title" data-testid="draft-valid">
                {move || heading.map(|h| h.get()).unwrap_or_else(|| tr!(ctx.locale.get(), draft_valid).to_string())}
            </h2>
            <form class="choices" on:submit=|ev| ev.prevent_default()>
                <Choice legend=text!(frame_label) name="frame" options=FRAMES value=frame_index/>
                <Choice legend=text!(theme_label) name="theme" options=THEMES value=theme_index/>
                <Choice legend=text!(language_label) name="lang" options=LANGS value=lang_index/>
            </form>
            <div class="frame-scroller">
                <div
                    class="frame"
                    class:theme-dark=move || dark.get()
                    class:theme-light=move || !dark.get()
                    data-testid="preview-frame"
                    data-frame=move || frame.get().id()
                    lang=move || frame_locale.get().tag()
                    prop:style=move || format!("width: {}px; zoom: {}", frame.get().width(), crate::format::fixed(zoom(), 3))
                    inert=true
                >
                    {content}
                </div>
            </div>
        </section>
    }
}

/// The draft rendered with the frame's own language.
#[component]
fn FrameContent(ctx: crate::app::Ctx, item: Option<Arc<Item>>, profile: Arc<Creator>) -> impl IntoView {
    provide_context(ctx);
    let list = ctx.list(&ctx.url(&paths::creator_items(&profile.id)));
    if list.state.with_untracked(|s| s.items.is_empty()) {
        list.load_more(ctx);
    }
    let state = list.state.clone();
    let draft_item = item.clone();
    let grid_items = move || {
        let mut items: Vec<Arc<Item>> = draft_item.iter().cloned().collect();
        state.with(|s| items.extend(s.items.iter().take(5).cloned()));
        items
    };
    view! {
        {item
            .clone()
            .map(|item| {
                view! {
                    <h3 class="frame-title">{move || tr!(ctx.locale.get(), preview_card)}</h3>
                    <div class="col-grid" prop:style="--cols: 2" data-testid="preview-card">
                        <div class="masonry-col">
                            <Card item=item.clone()/>
                        </div>
                        <div class="masonry-col"></div>
                    </div>
                    <h3 class="frame-title">{move || tr!(ctx.locale.get(), preview_item)}</h3>
                    <div data-testid="preview-item">
                        <ItemDetail item preview=true/>
                    </div>
                }
            })}
        <h3 class="frame-title">{move || tr!(ctx.locale.get(), preview_creator)}</h3>
        <div data-testid="preview-creator">
            <CreatorHeader creator=profile preview=true/>
            <div class="col-grid" prop:style="--cols: 2">
                {move || {
                    let items = grid_items();
                    let cols = crate::components::masonry::assign_columns(
                        items.iter().map(|i| i.cover.display_ratio()),
                        2,
                    );
                    cols.into_iter()
                        .map(|col| {
                            let cards = col.into_iter().map(|i| view! { <Card item=items[i].clone()/> }).collect_view();
                            view! { <div class="masonry-col">{cards}</div> }
                        })
                        .collect_view()
                }}
            </div>
        </div>
    }
}

/// Where the creator's views come from (the content pack's 30-day counts, and visits counted on this
/// device), and how the draft meets the campaigns that are on or coming.
#[component]
fn TrafficPanel(creator: Arc<Creator>, draft: Signal<Option<Arc<Draft>>>) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let entries: Vec<(Source, u64)> = creator
        .traffic
        .as_ref()
        .map(|t| t.entries().iter().filter_map(|(k, v)| Source::from_str_opt(k).map(|s| (s, *v))).collect())
        .unwrap_or_default();
    let total: u64 = entries.iter().map(|(_, v)| v).sum();
    let max = entries.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let device: Vec<(Source, u64)> =
        ctx.social.creator_counts(&creator.id).into_iter().filter(|(_, n)| *n > 0).collect();
    let row_h = 28.0;
    let height = row_h * entries.len() as f64;
    let chart = (total > 0).then(|| {
        let entries = entries.clone();
        let summary = entries.clone();
        let label = move || {
            let l = locale.get();
            let parts: Vec<String> = summary
                .iter()
                .map(|(s, v)| format!("{} {}%", source_text(*s)(l), crate::format::fixed(*v as f64 * 100.0 / total as f64, 0)))
                .collect();
            format!("{}: {}", tr!(l, traffic), parts.join(", "))
        };
        view! {
            <svg
                class="traffic-chart"
                viewBox=format!("0 0 360 {height}")
                role="img"
                aria-label=label
                data-testid="traffic-chart"
            >
                {entries
                    .into_iter()
                    .enumerate()
                    .map(|(i, (source, v))| {
                        let y = i as f64 * row_h;
                        let w = (v as f64 / max as f64 * 180.0).max(1.0);
                        let pct = format!("{}%", crate::format::fixed(v as f64 * 100.0 / total as f64, 0));
                        view! {
                            <g data-source=source.as_str()>
                                <text x="0" y=y + 18.0 class="chart-label">{move || source_text(source)(locale.get())}</text>
                                <rect x="110" y=y + 6.0 width=w height="16" rx="3" class="chart-bar"></rect>
                                <text x=116.0 + w y=y + 18.0 class="chart-value">{pct}</text>
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
        }
    });
    let device_view = (!device.is_empty()).then(|| {
        view! {
            <p class="muted" data-testid="traffic-device">
                {move || {
                    let l = locale.get();
                    let parts: Vec<String> = device.iter().map(|(s, n)| format!("{} {n}", source_text(*s)(l))).collect();
                    format!("{}: {}", tr!(l, traffic_device), parts.join(" · "))
                }}
            </p>
        }
    });
    // How much of the share traffic the creator's fans bring: the pack's 30-day split by the sharer's fan
    // level, and the share visits this device counted by the level their links carried.
    let by_level = creator.share_by_level.clone().filter(|s| s.total() > 0);
    let device_levels = ctx.social.creator_share_levels(&creator.id);
    let share_levels = (by_level.is_some() || !device_levels.is_empty()).then(|| {
        let line = move || {
            let l = locale.get();
            let pack = by_level.as_ref().map(|s| {
                let total = s.total() as f64;
                // The headline is the super fans' part; the other levels follow, highest first.
                let parts: Vec<String> = FanLevel::ALL[..3]
                    .iter()
                    .zip(s.entries())
                    .rev()
                    .map(|(lv, n)| {
                        format!("{} {}%", fan_level_text(*lv)(l), crate::format::fixed(n as f64 * 100.0 / total, 0))
                    })
                    .collect();
                format!("{} ({})", tr!(l, traffic_share_super, pct = s.super_percent()), parts.join(" · "))
            });
            let device = (!device_levels.is_empty()).then(|| {
                let parts: Vec<String> =
                    device_levels.iter().rev().map(|(lv, n)| format!("{} {n}", fan_level_text(*lv)(l))).collect();
                format!("{}: {}", tr!(l, traffic_device), parts.join(" · "))
            });
            [pack, device].into_iter().flatten().collect::<Vec<_>>().join("; ")
        };
        view! {
            <p class="muted" data-testid="traffic-share-levels">
                <strong>{move || tr!(locale.get(), traffic_share_levels)}</strong>
                ": "
                {line}
            </p>
        }
    });
    let session = ctx.session();
    let now = session.now;
    let campaigns: Vec<_> = session.index.campaigns.iter().filter(|c| c.end_ts > now).cloned().collect();
    let creator_topics = creator.topics.clone();
    let matches = move || {
        let l = locale.get();
        let (draft_campaign, topics) = match draft.get() {
            Some(d) => match &*d {
                Draft::Item(i) => (i.campaign.clone(), i.topics.clone()),
                Draft::Creator(c) => (None, c.topics.clone()),
            },
            None => (None, creator_topics.clone()),
        };
        campaigns
            .iter()
            .map(|c| {
                let joins = draft_campaign.as_deref() == Some(c.id.as_str());
                let overlap = c.topics.iter().filter(|t| topics.contains(t)).count();
                let status = if c.is_active(now) { text!(campaign_active) } else { text!(campaign_upcoming) };
                let verdict = if joins {
                    tr!(l, campaign_joins).to_string()
                } else if overlap > 0 {
                    tr!(l, topic_overlap, n = overlap)
                } else {
                    tr!(l, campaign_no_match).to_string()
                };
                let is_match = joins || overlap > 0;
                view! {
                    <li class="campaign-row" class:is-match=is_match data-testid="campaign-match" data-id=c.id.clone()>
                        <span class="badge badge-campaign">{c.name.get(l.tag()).to_string()}</span>
                        <span class="muted">{status(l)}</span>
                        <span>{verdict}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="traffic" aria-labelledby="traffic-title" data-testid="traffic-panel">
            <h2 id="traffic-title" class="section-title">
                {move || format!("{} · {}", tr!(ctx.locale.get(), traffic), tr!(ctx.locale.get(), traffic_note))}
            </h2>
            {chart}
            {device_view}
            {share_levels}
            <h3 class="section-title">{move || tr!(ctx.locale.get(), campaign_match)}</h3>
            <ul class="campaign-list">{matches}</ul>
        </section>
    }
}

/// The compose workbench, for a new item (作品: the drafts on this device, the open draft's form) or the
/// creator's profile (资料: its form), and beside it (below it on a phone) what is left to fix, the live
/// preview, and export and publish.
#[component]
fn Workbench(bench: Bench, profile: Profile, mode: RwSignal<Mode>, creator: Arc<Creator>) -> impl IntoView {
    let st = bench.st;
    let open = Memo::new(move |_| bench.draft.with(|d| d.as_ref().map(|d| d.id.clone())));
    let has_preview = Memo::new(move |_| bench.preview.with(Option::is_some));
    let preview = Signal::derive(move || bench.preview.get());
    let locale = bench.ctx.locale;
    let heading = Signal::derive(move || {
        if bench.checked.with(|c| c.problems.is_empty()) {
            tr!(locale.get(), draft_valid).to_string()
        } else {
            st.t(S::preview_stale)
        }
    });
    let profile_heading = Signal::derive(move || {
        if profile.checked.with(|c| c.problems.is_empty()) {
            tr!(locale.get(), draft_valid).to_string()
        } else {
            st.t(S::preview_stale)
        }
    });
    let profile_preview = Signal::derive(move || profile.preview.get());
    // The creators this one works with, offered as co-creators.
    let candidates: Vec<CreatorRef> = creator.collabs.iter().map(CreatorRef::from).collect();
    let items = {
        let creator = creator.clone();
        move || {
            let creator = creator.clone();
            let candidates = candidates.clone();
            view! {
                <drafts::DraftList bench/>
                {move || {
                    open.get()
                        .map(|_| {
                            let creator = creator.clone();
                            let candidates = candidates.clone();
                            view! {
                                <div class="compose-layout">
                                    <compose::ComposeForm bench candidates/>
                                    <div class="compose-side">
                                        <Summary bench/>
                                        {move || {
                                            if has_preview.get() {
                                                view! { <Preview draft=preview creator=creator.clone() heading=Some(heading)/> }.into_any()
                                            } else {
                                                view! { <p class="muted preview-empty" data-testid="preview-empty">{move || st.t(S::preview_empty)}</p> }.into_any()
                                            }
                                        }}
                                        <publish::Ready bench/>
                                    </div>
                                </div>
                            }
                        })
                }}
            }
        }
    };
    let profile_view = move || {
        let creator = creator.clone();
        view! {
            <div class="compose-layout">
                <profile::ProfileForm profile/>
                <div class="compose-side">
                    <profile::ProfileSummary profile/>
                    <Preview draft=profile_preview creator heading=Some(profile_heading)/>
                    <profile::ProfileReady profile/>
                </div>
            </div>
        }
    };
    let modes = [(Mode::Items, S::mode_items, "items"), (Mode::Profile, S::mode_profile, "profile")];
    view! {
        <section class="bench" aria-labelledby="bench-title" data-testid="bench">
            <h2 id="bench-title" class="visually-hidden">{move || st.t(S::compose_title)}</h2>
            <fieldset class="choice studio-mode">
                <legend>{move || st.t(S::mode_label)}</legend>
                {modes
                    .into_iter()
                    .map(|(m, label, id)| {
                        view! {
                            <label class="choice-option">
                                <input
                                    type="radio"
                                    name="studio-mode"
                                    data-testid=format!("mode-{id}")
                                    prop:checked=move || mode.get() == m
                                    on:change=move |_| mode.set(m)
                                />
                                <span>{move || st.t(label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {move || match mode.get() {
                Mode::Items => items.clone()().into_any(),
                Mode::Profile => profile_view.clone()().into_any(),
            }}
            <p class="studio-status" role="status" data-testid="studio-status">{move || bench.status.get()}</p>
        </section>
    }
}

/// What is left to fix before the draft can be published, each linked to its field.
#[component]
fn Summary(bench: Bench) -> impl IntoView {
    let st = bench.st;
    let locale = bench.ctx.locale;
    let target = |f: Field| match f {
        Field::Title => "c-title".to_string(),
        Field::Text => "c-text".to_string(),
        Field::Images => "c-images-err".to_string(),
        Field::Video => "c-video-err".to_string(),
        Field::Topics => "c-topics-err".to_string(),
        Field::Product(i) => format!("c-p{i}-title"),
        Field::Campaign => "c-campaign".to_string(),
        Field::CoCreators => "c-co-err".to_string(),
        Field::Schedule => "c-starts".to_string(),
        Field::Other => "c-title".to_string(),
    };
    view! {
        <div class="compose-summary" data-testid="compose-summary">
            {move || {
                let problems = bench.checked.with(|c| c.problems.clone());
                if problems.is_empty() {
                    return view! { <p class="ok" role="status" data-testid="compose-ok">{move || st.t(S::no_problems)}</p> }.into_any();
                }
                let n = problems.len();
                view! {
                    <p class="section-title" role="status">{move || st.f(S::problems_left, &[("n", &n)])}</p>
                    <ul class="problems-list">
                        {problems
                            .into_iter()
                            .map(|p| {
                                let id = target(field_of(&p.path));
                                let problem = p.clone();
                                view! {
                                    <li data-testid="compose-problem" data-path=p.path.clone()>
                                        <a href=format!("#{id}")>
                                            <code>{p.path.clone()}</code>
                                            " "
                                            {move || compose::problem_line(bench, &problem, locale.get())}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}
