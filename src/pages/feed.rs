//! `/`: the discovery feed with the 推荐 (for you) and 关注 (following) tabs and topic channels.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::paths;
use crate::app::{set_title, use_ctx};
use crate::components::following::FollowingFeed;
use crate::components::paged_feed::PagedFeed;
use crate::i18n::Key;
use crate::social::Source;

/// The feed page. `?tab=following` selects 关注; `?channel=ID` selects a topic channel under 推荐.
#[component]
pub fn FeedPage() -> impl IntoView {
    let ctx = use_ctx();
    let query = use_query_map();
    let following = Memo::new(move |_| query.with(|q| q.get("tab").as_deref() == Some("following")));
    let channels = ctx.session().index.channels.clone();
    let default_channel = channels.first().map(|c| c.id.clone()).unwrap_or_default();
    let channel = {
        let channels = channels.clone();
        Memo::new(move |_| {
            let wanted = query.with(|q| q.get("channel")).unwrap_or_default();
            if channels.iter().any(|c| c.id == wanted) {
                wanted
            } else {
                default_channel.clone()
            }
        })
    };
    {
        Effect::new(move |_| {
            ctx.social.set_surface(if following.get() { Source::Following } else { Source::Recommend });
            let tab = if following.get() { Key::TabFollowing } else { Key::TabRecommend };
            set_title(&format!("{} · {}", ctx.t(tab), ctx.t(Key::AppName)));
        });
    }
    let tabs = view! {
        <nav class="tabs" aria-label=move || ctx.t(Key::MainNav)>
            <a href="/" class="tab" aria-current=move || (!following.get()).then_some("page")>
                {move || ctx.t(Key::TabRecommend)}
            </a>
            <a href="/?tab=following" class="tab" aria-current=move || following.get().then_some("page")>
                {move || ctx.t(Key::TabFollowing)}
            </a>
        </nav>
    };
    let chips = {
        move || {
            let lang = ctx.locale;
            view! {
                <nav class="chips" aria-label=move || ctx.t(Key::Channels)>
                    {channels
                        .iter()
                        .enumerate()
                        .map(|(i, ch)| {
                            let href = if i == 0 { "/".to_string() } else { format!("/?channel={}", ch.id) };
                            let id = ch.id.clone();
                            let name = ch.name.clone();
                            view! {
                                <a
                                    class="chip"
                                    href=href
                                    data-channel=id.clone()
                                    aria-current=move || (channel.get() == id).then_some("page")
                                >
                                    {move || name.get(lang.get().tag()).to_string()}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
            }
        }
    };

    view! {
        <h1 id="page-heading" class="visually-hidden" tabindex="-1">{move || ctx.t(Key::Feed)}</h1>
        {tabs}
        {move || {
            if following.get() {
                view! { <FollowingFeed/> }.into_any()
            } else {
                let list = ctx.list(&ctx.url(&paths::feed(&channel.get())));
                view! {
                    {chips.clone()}
                    <PagedFeed list empty=Key::EndOfFeed restore=true personalized=true/>
                }
                .into_any()
            }
        }}
    }
}
