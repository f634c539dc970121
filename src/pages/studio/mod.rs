//! `/creator/:id/preview`: the creator preview studio. A creator loads a draft (a local JSON file, or a URL
//! on this site) of a new item or a profile edit; the draft is validated against the contract with every
//! problem listed by field path, and a valid draft is shown as visitors will see it (feed card, item page,
//! creator page) in a phone, tablet or desktop frame, light or dark, zh or en. A traffic panel shows where
//! the creator's views come from and how the draft would meet current campaigns.

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
use crate::i18n::{problem_text, source_text, Locale, Text};
use crate::model::documents::MAX_DOC_BYTES;
use crate::model::{validate_draft, Creator, Draft, Item, Problem, ProblemKind};
use crate::pages::creator::{use_creator, CreatorHeader};
use crate::pages::item::ItemDetail;
use crate::pages::not_found::{Missing, NotFound};
use crate::pages::Load;
use crate::social::{FanLevel, Source};
use crate::{text, tr};

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
    let draft = RwSignal::new(DraftState::None);
    let busy = RwSignal::new(false);
    let base = ctx.session().base.clone();
    let creator_id = creator.id.clone();
    let accept = {
        let (base, creator_id) = (base.clone(), creator_id.clone());
        move |text: String| draft.set(check(&text, &creator_id, &base))
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
    view! {
        <div class="studio" data-testid="studio">
            <h1 id="page-heading" tabindex="-1">{move || format!("{} · {name}", tr!(ctx.locale.get(), studio))}</h1>
            <p class="muted">{move || tr!(ctx.locale.get(), studio_intro)}</p>
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
                    DraftState::Valid(d) => view! { <Preview draft=d creator=for_preview.clone()/> }.into_any(),
                }}
            </div>
            <TrafficPanel creator=creator.clone() draft/>
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

/// The valid draft in a frame, with the frame, theme and language switches.
#[component]
fn Preview(draft: Arc<Draft>, creator: Arc<Creator>) -> impl IntoView {
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
    let (item, profile): (Option<Arc<Item>>, Arc<Creator>) = match &*draft {
        Draft::Item(i) => (Some(Arc::new(i.clone())), creator),
        Draft::Creator(c) => (None, Arc::new(c.clone())),
    };
    let frame_ctx = ctx.with_locale(frame_locale);
    view! {
        <section class="studio-preview" aria-labelledby="preview-title">
            <h2 id="preview-title" class="section-title" data-testid="draft-valid">{move || tr!(ctx.locale.get(), draft_valid)}</h2>
            <div class="choices">
                <Choice legend=text!(frame_label) name="frame" options=FRAMES value=frame_index/>
                <Choice legend=text!(theme_label) name="theme" options=THEMES value=theme_index/>
                <Choice legend=text!(language_label) name="lang" options=LANGS value=lang_index/>
            </div>
            <div class="frame-scroller">
                <div
                    class="frame"
                    class:theme-dark=move || dark.get()
                    class:theme-light=move || !dark.get()
                    data-testid="preview-frame"
                    data-frame=move || frame.get().id()
                    lang=move || frame_locale.get().tag()
                    prop:style=move || format!("width: {}px; zoom: {:.3}", frame.get().width(), zoom())
                    inert=true
                >
                    <FrameContent ctx=frame_ctx item profile/>
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
fn TrafficPanel(creator: Arc<Creator>, draft: RwSignal<DraftState>) -> impl IntoView {
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
                .map(|(s, v)| format!("{} {:.0}%", source_text(*s)(l), *v as f64 * 100.0 / total as f64))
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
                        let pct = format!("{:.0}%", v as f64 * 100.0 / total as f64);
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
                    .map(|(lv, n)| format!("{} {:.0}%", fan_level_text(*lv)(l), n as f64 * 100.0 / total))
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
            DraftState::Valid(d) => match &*d {
                Draft::Item(i) => (i.campaign.clone(), i.topics.clone()),
                Draft::Creator(c) => (None, c.topics.clone()),
            },
            _ => (None, creator_topics.clone()),
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
