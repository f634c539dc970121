//! Inline SVG icons: no icon font or sprite to download, and they follow `currentColor` in both themes.
//! All are decorative (`aria-hidden`); the element around them carries the accessible name.

use leptos::prelude::*;

/// Outline heart (likes).
#[component]
pub fn HeartIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M12 20.5s-7.5-4.6-9.3-9.2C1.5 8.1 3.4 4.5 6.9 4.5c2 0 3.5 1.1 4.3 2.5h1.6c.8-1.4 2.3-2.5 4.3-2.5 3.5 0 5.4 3.6 4.2 6.8-1.8 4.6-9.3 9.2-9.3 9.2z"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linejoin="round"
            ></path>
        </svg>
    }
}

/// Check mark (a pressed follow toggle).
#[component]
pub fn CheckIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M5 12.5l4.5 4.5L19 7.5"
                fill="none"
                stroke="currentColor"
                stroke-width="2.2"
                stroke-linecap="round"
                stroke-linejoin="round"
            ></path>
        </svg>
    }
}

/// Play triangle (video badge).
#[component]
pub fn PlayIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M8 5.5v13l11-6.5z" fill="currentColor"></path>
        </svg>
    }
}

/// Shopping bag (product price).
#[component]
pub fn BagIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M6 8h12l-1 12H7L6 8zm3 0V6.5a3 3 0 016 0V8"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linejoin="round"
            ></path>
        </svg>
    }
}

/// Check in a badge (verified creator).
#[component]
pub fn VerifiedIcon() -> impl IntoView {
    view! {
        <svg class="icon icon-verified" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10" fill="currentColor"></circle>
            <path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round"></path>
        </svg>
    }
}

/// Left chevron (back).
#[component]
pub fn BackIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path>
        </svg>
    }
}

/// Three dots (more actions).
#[component]
pub fn MoreIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="5" cy="12" r="1.8" fill="currentColor"></circle>
            <circle cx="12" cy="12" r="1.8" fill="currentColor"></circle>
            <circle cx="19" cy="12" r="1.8" fill="currentColor"></circle>
        </svg>
    }
}

/// Sliders (my interests).
#[component]
pub fn InterestsIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M4 7h10M18 7h2M4 17h4M12 17h8"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
            ></path>
            <circle cx="16" cy="7" r="2.2" fill="none" stroke="currentColor" stroke-width="1.8"></circle>
            <circle cx="10" cy="17" r="2.2" fill="none" stroke="currentColor" stroke-width="1.8"></circle>
        </svg>
    }
}

/// Gear (settings): eight teeth drawn as dashes of one thick circle.
#[component]
pub fn GearIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <g fill="none" stroke="currentColor">
                <circle cx="12" cy="12" r="8" stroke-width="2.6" stroke-dasharray="3.14 3.14"></circle>
                <circle cx="12" cy="12" r="5.6" stroke-width="1.8"></circle>
                <circle cx="12" cy="12" r="2" stroke-width="1.8"></circle>
            </g>
        </svg>
    }
}

/// Arrow out of a box (share).
#[component]
pub fn ShareIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M12 3.5v11M7.5 8 12 3.5 16.5 8M5 12.5v6a2 2 0 002 2h10a2 2 0 002-2v-6"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
                stroke-linejoin="round"
            ></path>
        </svg>
    }
}

/// Ticket with a hash (open a share code).
#[component]
pub fn CodeIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M4 6.5h16v3.2a2.3 2.3 0 000 4.6v3.2H4v-3.2a2.3 2.3 0 000-4.6zM10.2 9.5l-.9 5M14.7 9.5l-.9 5M8.6 11h6.9M8.2 13.2h6.9"
                fill="none"
                stroke="currentColor"
                stroke-width="1.6"
                stroke-linejoin="round"
            ></path>
        </svg>
    }
}

/// Circular arrow (refresh).
#[component]
pub fn RefreshIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M19.5 12a7.5 7.5 0 11-2.2-5.3M19.5 4.5v4.2h-4.2"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
                stroke-linejoin="round"
            ></path>
        </svg>
    }
}
