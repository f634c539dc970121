//! `/me/settings`: language, colour scheme and video autoplay. Every choice applies at once and is kept on
//! the device; the reduced-motion note says why videos stay still when the system asks for less motion.

use leptos::prelude::*;

use crate::app::{choose_locale, focus_id, set_title, use_ctx};
use crate::components::choice::Choice;
use crate::i18n::{Locale, Text};
use crate::model::prefs::Theme;
use crate::{text, tr};

/// Languages in the order offered.
const LANGS: &[(Text, &str)] = &[(text!(lang_zh), "zh"), (text!(lang_en), "en")];
/// Colour schemes in [`Theme::ALL`] order.
const THEMES: &[(Text, &str)] =
    &[(text!(theme_system), "system"), (text!(theme_light), "light"), (text!(theme_dark), "dark")];

/// The settings page: where a user pins the colour scheme, turns autoplay off or picks a language, each
/// applied at once and kept on this device.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let ctx = use_ctx();
    let settings = ctx.settings;
    Effect::new(move |_| {
        set_title(&format!("{} · {}", tr!(ctx.locale.get(), settings), tr!(ctx.locale.get(), app_name)))
    });
    focus_id("page-heading");

    let lang = RwSignal::new(usize::from(ctx.locale.get_untracked() == Locale::En));
    // The header's switch changes the language too: keep the radios in step.
    Effect::new(move |_| lang.set(usize::from(ctx.locale.get() == Locale::En)));
    Effect::new(move |prev: Option<usize>| {
        let i = lang.get();
        if prev.is_some_and(|p| p != i) {
            choose_locale(ctx, if i == 1 { Locale::En } else { Locale::Zh });
        }
        i
    });
    let theme_index = |t: Theme| Theme::ALL.iter().position(|x| *x == t).unwrap_or(0);
    let theme = RwSignal::new(theme_index(settings.prefs.get_untracked().theme));
    Effect::new(move |prev: Option<usize>| {
        let i = theme.get();
        if prev.is_some_and(|p| p != i) {
            let chosen = Theme::ALL.get(i).copied().unwrap_or_default();
            settings.update(|p| p.theme = chosen);
        }
        i
    });

    view! {
        <section class="settings" data-testid="settings-page">
            <h1 id="page-heading" tabindex="-1">{move || tr!(ctx.locale.get(), settings)}</h1>
            <Choice legend=text!(language_label) name="lang" options=LANGS value=lang/>
            <Choice legend=text!(theme_label) name="theme" options=THEMES value=theme/>
            <fieldset class="choice">
                <legend>{move || tr!(ctx.locale.get(), video_label)}</legend>
                <label class="choice-option">
                    <input
                        type="checkbox"
                        data-testid="autoplay"
                        aria-describedby="autoplay-note"
                        prop:checked=move || settings.prefs.with(|p| p.autoplay)
                        on:change=move |ev| settings.update(|p| p.autoplay = event_target_checked(&ev))
                    />
                    <span>{move || tr!(ctx.locale.get(), autoplay_label)}</span>
                </label>
            </fieldset>
            <p class="muted" id="autoplay-note" data-testid="autoplay-note">
                {move || {
                    if settings.reduced_motion.get() {
                        tr!(ctx.locale.get(), autoplay_reduced_motion)
                    } else {
                        tr!(ctx.locale.get(), autoplay_note)
                    }
                }}
            </p>
            <p>
                <a class="btn" href="/me/interests" data-testid="settings-interests">{move || tr!(ctx.locale.get(), my_interests)}</a>
            </p>
        </section>
    }
}
