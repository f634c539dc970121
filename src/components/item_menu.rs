//! The item menu, one modal dialog for the whole app: "why am I seeing this?" with the placement's reasons
//! and score breakdown, "not interested", "less like this topic" and "mute this creator". Uses the native
//! `<dialog>`, which traps focus, closes on Escape and returns focus to the button that opened it.

use leptos::prelude::*;

use crate::app::personalize::config;
use crate::app::use_ctx;
use crate::components::follow::{toggle_follow, FollowSubject};
use crate::components::sheet::sheet;
use crate::i18n::{Locale, Text};
use crate::model::Kind;
use crate::rank::explain::explain;
use crate::rank::{Breakdown, Candidate, Reason, SignalKind};
use crate::social::ShareTarget;
use crate::{text, tr};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Menu,
    Why,
}

/// Renders one reason as a sentence.
fn reason_text(
    r: &Reason,
    l: Locale,
    topic_name: &dyn Fn(&str) -> String,
    campaign_name: &dyn Fn(&str) -> String,
    item_title: &dyn Fn(&str) -> Option<String>,
) -> String {
    match r {
        Reason::OpenedTopicToday { topic, count } => {
            tr!(l, reason_opened_topic, n = count, topic = topic_name(topic))
        }
        Reason::LikesTopic { topic } => tr!(l, reason_likes_topic, topic = topic_name(topic)),
        Reason::FollowsCreator => tr!(l, reason_follows).into(),
        // Named by the caller when the follow list knows the name (see `ItemMenu`).
        Reason::CollabOf { .. } => tr!(l, reason_collab).into(),
        Reason::LikesCreator => tr!(l, reason_likes_creator).into(),
        Reason::PrefersKind { kind } => match kind {
            Kind::Video => tr!(l, reason_prefers_video),
            Kind::Live => tr!(l, reason_prefers_live),
            Kind::Note => tr!(l, reason_prefers_note),
        }
        .into(),
        Reason::CampaignOn { campaign } => tr!(l, reason_campaign, campaign = campaign_name(campaign)),
        Reason::LiveNow => tr!(l, reason_live).into(),
        Reason::Fresh => tr!(l, reason_fresh).into(),
        Reason::Popular => tr!(l, reason_popular).into(),
        Reason::Exploring => tr!(l, reason_exploring).into(),
        Reason::SimilarTo { item } => match item_title(item) {
            Some(title) => tr!(l, reason_similar_to, title = title),
            None => tr!(l, reason_similar).into(),
        },
    }
}

fn terms(b: &Breakdown) -> Vec<(Text, f64)> {
    vec![
        (text!(term_server), b.server),
        (text!(term_topic), b.topic),
        (text!(term_creator), b.creator),
        (text!(term_kind), b.kind),
        (text!(term_campaign), b.campaign),
        (text!(term_price), b.price),
        (text!(term_followed), b.followed),
        (text!(term_collab), b.collab),
        (text!(term_fresh), b.fresh),
        (text!(term_live), b.live_now),
        (text!(term_campaign_active), b.campaign_active),
        (text!(term_seen), b.seen),
        (text!(term_embed), b.embed),
    ]
    .into_iter()
    .filter(|(_, v)| v.abs() >= 0.005)
    .collect()
}

/// One action row of the menu.
#[component]
fn MenuItem(testid: &'static str, label: String, on_click: impl Fn() + 'static) -> impl IntoView {
    view! {
        <li>
            <button type="button" class="menu-item" data-testid=testid on:click=move |_| on_click()>
                {label}
            </button>
        </li>
    }
}

/// The app-wide item menu dialog.
#[component]
pub fn ItemMenu() -> impl IntoView {
    let ctx = use_ctx();
    let mode = RwSignal::new(Mode::Menu);
    Effect::new(move |_| {
        if ctx.menu_item.with(Option::is_some) {
            mode.set(Mode::Menu);
        }
    });
    let close = move || ctx.menu_item.set(None);
    let session = ctx.session();
    let topic_name = {
        let session = session.clone();
        move |id: &str, l: Locale| {
            session
                .index
                .channels
                .iter()
                .find(|c| c.id == id)
                .map_or(id.to_string(), |c| c.name.get(l.tag()).to_string())
        }
    };
    let campaign_name =
        move |id: &str, l: Locale| session.campaign(id).map_or(id.to_string(), |c| c.name.get(l.tag()).to_string());

    let act = move |kind: SignalKind, notice: Text| {
        if let Some(item) = ctx.menu_item.get_untracked().and_then(|id| ctx.cached_item(&id)) {
            ctx.pers.record(kind, &item);
            ctx.pers.drop_blocked(ctx);
            ctx.pers.say(notice);
        }
        close();
    };

    let body = move || {
        let l = ctx.locale.get();
        let item = ctx.menu_item.get().and_then(|id| ctx.cached_item(&id))?;
        let title = item.title_in(l.tag()).to_string();
        let topic = item.topics.first().cloned();
        let tn = topic_name.clone();
        let cn = campaign_name.clone();
        Some(match mode.get() {
            Mode::Menu => view! {
                <h2 id="item-menu-title" class="dialog-title">{title}</h2>
                <ul class="menu-list">
                    <MenuItem testid="menu-why" label=tr!(l, why_this).into() on_click=move || mode.set(Mode::Why)/>
                    <MenuItem
                        testid="menu-hide"
                        label=tr!(l, not_interested).into()
                        on_click=move || act(SignalKind::Hide, text!(hidden_notice))
                    />
                    {topic
                        .map(|topic| {
                            let label = tr!(l, less_like_this, topic = tn(&topic, l));
                            view! {
                                <MenuItem
                                    testid="menu-less"
                                    label
                                    on_click=move || {
                                        act(SignalKind::LessLikeThis { topic: topic.clone() }, text!(less_notice))
                                    }
                                />
                            }
                        })}
                    {
                        let item = item.clone();
                        let subject = FollowSubject {
                            id: item.creator.id.clone(),
                            name: item.creator.name.clone(),
                            avatar: item.creator.avatar.clone(),
                            topics: item.topics.clone(),
                        };
                        let followed = ctx.social.is_followed(&subject.id);
                        let label = if followed {
                            tr!(l, unfollow_name, name = &subject.name)
                        } else {
                            tr!(l, follow_name, name = &subject.name)
                        };
                        view! {
                            <MenuItem
                                testid="menu-follow"
                                label
                                on_click=move || {
                                    toggle_follow(ctx, &subject);
                                    close();
                                }
                            />
                            <MenuItem
                                testid="menu-share"
                                label=tr!(l, share).into()
                                on_click=move || {
                                    close();
                                    ctx.social.open_share(
                                        ShareTarget::Item(item.id.clone()),
                                        item.title_in(ctx.locale.get_untracked().tag()).to_string(),
                                    );
                                }
                            />
                        }
                    }
                    <MenuItem
                        testid="menu-mute"
                        label=tr!(l, mute_creator).into()
                        on_click=move || act(SignalKind::MuteCreator, text!(muted_notice))
                    />
                </ul>
            }
            .into_any(),
            Mode::Why => {
                let cand = Candidate::from_item(&item);
                let explained = ctx.pers.placement(&item.id).map(|p| {
                    ctx.pers.with_profile(|profile| explain(&cand, &p, profile, &ctx.pers.context(), &config()))
                });
                view! {
                    <h2 id="item-menu-title" class="dialog-title">{tr!(l, why_this)}</h2>
                    <p class="dialog-sub">{title}</p>
                    {match explained {
                        None => view! { <p data-testid="why-server">{tr!(l, why_server_order)}</p> }.into_any(),
                        Some((reasons, b)) => {
                            let tn = tn.clone();
                            view! {
                                <ul class="why-reasons" data-testid="why-reasons">
                                    {reasons
                                        .iter()
                                        .map(|r| {
                                            let title = |id: &str| {
                                                ctx.cached_item(id).map(|i| i.title_in(l.tag()).to_string())
                                            };
                                            let line = match r {
                                                Reason::CollabOf { creator } => match ctx.social.followed_name(creator) {
                                                    Some(name) => tr!(l, reason_collab_of, name = name),
                                                    None => tr!(l, reason_collab).into(),
                                                },
                                                _ => reason_text(r, l, &|id| tn(id, l), &|id| cn(id, l), &title),
                                            };
                                            view! { <li>{line}</li> }
                                        })
                                        .collect_view()}
                                </ul>
                                <details class="why-details">
                                    <summary>{tr!(l, score_details)}</summary>
                                    <table>
                                        <tbody>
                                            {terms(&b)
                                                .into_iter()
                                                .map(|(k, v)| {
                                                    view! {
                                                        <tr>
                                                            <th scope="row">{k(l)}</th>
                                                            <td>{format!("{v:+.2}")}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                            <tr class="why-total">
                                                <th scope="row">{tr!(l, term_total)}</th>
                                                <td>{crate::format::fixed(b.total, 2)}</td>
                                            </tr>
                                        </tbody>
                                    </table>
                                </details>
                            }
                            .into_any()
                        }
                    }}
                }
                .into_any()
            }
        })
    };

    view! { {sheet(move || ctx.menu_item.with(Option::is_some), close, "item-menu-title", "item-menu", Some("menu-close"), body)} }
}
