//! A titled, horizontally scrolling row of creators, each with a follow button: the featured creators of a
//! campaign venue and the 合作达人 on a creator page. Opening one from a strip credits the visit to `via`.

use leptos::prelude::*;

use crate::app::use_ctx;
use crate::components::follow::{FollowButton, FollowSubject};
use crate::components::verified::VerifiedMark;
use crate::i18n::Text;
use crate::social::Source;

/// One creator in a strip: what the tile shows, and an optional tag under the name (合作, 同好).
#[derive(Clone)]
pub struct StripCreator {
    /// Creator id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Avatar URL (already validated).
    pub avatar: String,
    /// Platform-verified account.
    pub verified: bool,
    /// Why they are here, shown as a small tag.
    pub tag: Option<Text>,
}

/// The row. `id` names the section (its heading is `{id}-heading`, its list's test id is `id`); `via` is the
/// traffic source a visit from here counts as, and is added to the links as `src=` so a copied link says it too.
#[component]
pub fn CreatorStrip(id: &'static str, heading: Text, creators: Vec<StripCreator>, via: Source) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="creator-strip-section" aria-labelledby=labelled_by>
            <h2 id=heading_id class="section-title">
                {move || heading(locale.get())}
            </h2>
            <ul class="creator-strip" data-testid=id>
                {creators
                    .into_iter()
                    .map(|c| {
                        let subject = FollowSubject {
                            id: c.id.clone(),
                            name: c.name.clone(),
                            avatar: c.avatar.clone(),
                            topics: Vec::new(),
                        };
                        view! {
                            <li class="creator-tile" data-id=c.id.clone()>
                                <a
                                    class="creator-tile-link"
                                    href=format!("/creator/{}?src={}", c.id, via.as_str())
                                    on:click=move |_| ctx.social.set_surface(via)
                                >
                                    <img class="avatar" src=c.avatar.clone() alt="" width="36" height="36" loading="lazy"/>
                                    <span class="creator-tile-name">{c.name.clone()}</span>
                                    {c.verified.then(|| view! { <VerifiedMark/> })}
                                    {c.tag.map(|t| view! { <span class="creator-tile-tag">{move || t(locale.get())}</span> })}
                                </a>
                                <FollowButton who=subject small=true/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
