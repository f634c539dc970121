//! The follow button used on item pages, creator pages and suggestion lists. The button flips in the same
//! frame it is pressed (the follow is saved on the device before anything is sent) and announces the result.

use leptos::prelude::*;

use crate::app::{use_ctx, Ctx};

use crate::components::icons::CheckIcon;
use crate::model::Kind;
use crate::rank::{SignalKind, Target};
use crate::social::Followed;
use crate::{text, tr};

/// Who a follow is about: enough to list them on the 关注 tab without fetching their profile.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowSubject {
    /// Creator id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Avatar URL (already validated).
    pub avatar: String,
    /// Topics the creator posts in, so the ranker learns from the follow.
    pub topics: Vec<String>,
}

/// Follows or unfollows `who`, teaching the ranker and saying what happened.
pub fn toggle_follow(ctx: Ctx, who: &FollowSubject) {
    let follow = !ctx.social.is_followed_untracked(&who.id);
    let record = Followed {
        id: who.id.clone(),
        name: who.name.clone(),
        avatar: who.avatar.clone(),
        since: (js_sys::Date::now() / 1000.0) as i64,
    };
    if !ctx.social.set_follow(record, follow) {
        return;
    }
    crate::app::embed::post(crate::embed::ToHost::Follow { creator: who.id.clone(), following: follow });
    ctx.pers.set_followed(ctx.social.followed_ids());
    if follow {
        ctx.pers.record_target(
            SignalKind::Follow,
            Target {
                item: who.id.clone(),
                creator: who.id.clone(),
                topics: who.topics.clone(),
                kind: Kind::Note,
                campaign: None,
                price_band: None,
                embedding: None,
            },
        );
    }
    ctx.social.message.set(None);
    ctx.pers.say(if follow { text!(followed_notice) } else { text!(unfollowed_notice) });
}

/// The follow toggle for one creator: one name ("关注 小美") and one visible word ("关注") whatever the state,
/// which `aria-pressed` carries, and a check mark and a quieter look show: a toggle whose label changed
/// with its state would be announced as "已关注, pressed", and a visible word missing from the name fails
/// speech users (WCAG 2.5.3, label in name). The toast after a click says "已关注" in words.
#[component]
pub fn FollowButton(who: FollowSubject, #[prop(optional)] small: bool) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let id = who.id.clone();
    let followed = Memo::new(move |_| ctx.social.is_followed(&id));
    let name = who.name.clone();
    let label = move || tr!(locale.get(), follow_name, name = &name);
    view! {
        <button
            type="button"
            class="btn follow-btn"
            class:btn-small=small
            class:btn-primary=move || !followed.get()
            class:is-following=move || followed.get()
            aria-pressed=move || followed.get().to_string()
            aria-label=label
            data-testid="follow-button"
            data-creator=who.id.clone()
            on:click=move |_| toggle_follow(ctx, &who)
        >
            {move || followed.get().then(|| view! { <CheckIcon/> })}
            <span>{move || tr!(locale.get(), follow_action)}</span>
        </button>
    }
}
