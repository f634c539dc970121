//! The waterfall grid, windowed. Every card's box is computed from the data (cover aspect ratio, plus a
//! text block of fixed height), so the grid knows its full height and each card's position without
//! rendering it. Only the cards within a margin of the viewport are in the DOM; the rest, with their images,
//! are released. Items go, in order, to the shortest column, so appending a page never moves a placed card,
//! and nothing jumps when a card or its image arrives.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use crate::app::restore::Anchor;
use crate::components::card::Card;
use crate::components::viewport::use_window_size;
use crate::model::Item;

/// Height of a card's title block: 8 px above, two 14 px lines at 1.4, 4 px below (`.card-title`).
pub const TITLE_H: f64 = 51.2;
/// Height of the price row when the item has a product (`.card-price`).
pub const PRICE_H: f64 = 20.0;
/// Height of the creator / likes row (`.card-meta`).
pub const META_H: f64 = 42.0;
/// Extra height rendered above and below the viewport, in viewport heights: enough that fast flicks and
/// keyboard paging find cards already there, small enough that the DOM stays bounded.
const OVERSCAN: f64 = 1.0;
/// How far down the grid a card counts as on the first screen (a tall phone's viewport).
const FIRST_SCREEN_PX: f64 = 960.0;
/// How far the viewport moves before the window is recomputed, in pixels.
const SCROLL_STEP: f64 = 120.0;

/// Columns for a width: two on phones, up to five on wide screens.
pub fn columns_for(width: f64) -> usize {
    match width {
        w if w < 720.0 => 2,
        w if w < 1024.0 => 3,
        w if w < 1360.0 => 4,
        _ => 5,
    }
}

/// Assigns each item to the currently shortest column (heights relative to column width); pure so the
/// layout rule is easy to reason about. Used by skeletons and previews.
pub fn assign_columns(ratios: impl IntoIterator<Item = f64>, columns: usize) -> Vec<Vec<usize>> {
    let columns = columns.max(1);
    let mut heights = vec![0.0_f64; columns];
    let mut cols = vec![Vec::new(); columns];
    for (i, r) in ratios.into_iter().enumerate() {
        let c = shortest(&heights);
        cols[c].push(i);
        heights[c] += r + 0.42;
    }
    cols
}

fn shortest(heights: &[f64]) -> usize {
    heights
        .iter()
        .enumerate()
        .fold((0, f64::INFINITY), |best, (c, h)| if *h < best.1 - 1e-9 { (c, *h) } else { best })
        .0
}

/// Where one card goes, in pixels from the grid's top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slot {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Height of the whole card.
    pub h: f64,
}

/// A computed grid: one slot per item, in item order, plus the column width and the total height.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    /// Slots in item order.
    pub slots: Vec<Slot>,
    /// Width of a column (and of every card).
    pub col_w: f64,
    /// Height of the tallest column.
    pub height: f64,
}

/// A card's height at column width `col_w`: the cover's box plus the fixed text block.
pub fn card_height(ratio: f64, has_price: bool, col_w: f64) -> f64 {
    col_w * ratio + TITLE_H + META_H + if has_price { PRICE_H } else { 0.0 }
}

/// Places cards `(cover ratio, has a price row)` into `columns` columns across `width` with `gap` between
/// columns and rows; each goes to the shortest column so far.
pub fn place(cards: impl IntoIterator<Item = (f64, bool)>, columns: usize, width: f64, gap: f64) -> Layout {
    let columns = columns.max(1);
    let col_w = ((width - gap * (columns - 1) as f64) / columns as f64).max(1.0);
    let mut heights = vec![0.0_f64; columns];
    let mut slots = Vec::new();
    for (ratio, has_price) in cards {
        let c = shortest(&heights);
        let h = card_height(ratio, has_price, col_w);
        let y = if heights[c] > 0.0 { heights[c] + gap } else { 0.0 };
        slots.push(Slot { x: c as f64 * (col_w + gap), y, h });
        heights[c] = y + h;
    }
    Layout { slots, col_w, height: heights.iter().copied().fold(0.0, f64::max) }
}

/// Indices of the slots that overlap `[top, bottom]`, in item order.
pub fn visible(slots: &[Slot], top: f64, bottom: f64) -> Vec<usize> {
    slots.iter().enumerate().filter(|(_, s)| s.y < bottom && s.y + s.h > top).map(|(i, _)| i).collect()
}

/// The grid gap in pixels (`--gap`: 10 px on phones, 16 px from 720 px up).
fn gap_for(window_width: f64) -> f64 {
    if window_width >= 720.0 {
        16.0
    } else {
        10.0
    }
}

/// A windowed masonry grid of cards.
#[component]
pub fn Masonry(
    #[prop(into)] items: Signal<Vec<Arc<Item>>>,
    /// A card to scroll to once laid out (a saved place after a reload), with its offset from the top.
    #[prop(default = None)]
    anchor: Option<Anchor>,
) -> impl IntoView {
    let size = use_window_size();
    let grid = NodeRef::<Div>::new();
    // The grid's own width (it may be narrower than the window); the window's until the grid is measured.
    let width = RwSignal::new(0.0_f64);
    Effect::new(move |_| {
        size.width.track();
        if let Some(el) = grid.get() {
            width.set(f64::from(el.client_width()));
        }
    });
    let layout = Memo::new(move |_| {
        let w = if width.get() > 0.0 { width.get() } else { (size.width.get() - 16.0).max(1.0) };
        let cols = columns_for(size.width.get());
        let gap = gap_for(size.width.get());
        items.with(|list| place(list.iter().map(|i| (i.cover.display_ratio(), !i.products.is_empty())), cols, w, gap))
    });

    // The viewport in grid coordinates, updated when it has moved far enough to matter.
    let view_range = RwSignal::new((0.0_f64, 0.0_f64));
    // Runs from animation frames, which may fire after the grid is gone (the user navigated away): every
    // access is a `try_`, so a late frame does nothing instead of touching a disposed signal.
    let measure = move || {
        let Some(el) = grid.try_get_untracked().flatten() else { return };
        let Some(vh) = size.height.try_get_untracked() else { return };
        let Some((old_top, old_bottom)) = view_range.try_get_untracked() else { return };
        let vh = vh.max(1.0);
        let top = -el.get_bounding_client_rect().top();
        // The grid can narrow without the window resizing (a scrollbar appears, a stylesheet changes the
        // page's padding): the layout follows its real width, measured here after the layout read above.
        let w = f64::from(el.client_width());
        if w > 0.0 && width.try_get_untracked().is_some_and(|old| (old - w).abs() >= 1.0) {
            width.try_set(w);
        }
        let wanted = (top - vh * OVERSCAN, top + vh * (1.0 + OVERSCAN));
        if old_bottom == 0.0
            || (wanted.0 - old_top).abs() >= SCROLL_STEP
            || (wanted.1 - old_bottom).abs() >= SCROLL_STEP
        {
            view_range.try_set(wanted);
        }
    };
    let frame_pending = StoredValue::new(false);
    let on_scroll = move |_| {
        if frame_pending.try_get_value().unwrap_or(true) {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            frame_pending.try_set_value(false);
            measure();
        });
    };
    let scroll = window_event_listener(leptos::ev::scroll, on_scroll);
    on_cleanup(move || scroll.remove());
    Effect::new(move |_| {
        // Re-measure when the grid mounts, the window resizes or the layout changes: at once, because a
        // browser runs no animation frames for a hidden tab or an off-screen cross-origin embed (and may
        // keep one throttled after it scrolls into view), and again in the next frame, once layout settles.
        grid.track();
        size.height.track();
        layout.track();
        measure();
        request_animation_frame(measure);
    });

    // Scroll to the saved card once the grid has its real width; its position comes from the layout, so it
    // need not be rendered yet.
    let pending_anchor = StoredValue::new(anchor);
    Effect::new(move |_| {
        if width.get() <= 0.0 {
            return;
        }
        let Some(a) = pending_anchor.get_value() else { return };
        pending_anchor.set_value(None);
        let index = items.with_untracked(|l| l.iter().position(|i| i.id == a.id));
        let y = index.and_then(|i| layout.with_untracked(|l| l.slots.get(i).map(|s| s.y)));
        if let (Some(y), Some(el)) = (y, grid.get_untracked()) {
            let top = el.get_bounding_client_rect().top() + crate::app::scroll_y();
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, (top + y - a.offset).max(0.0));
            }
        }
    });
    let cards = Memo::new(move |_| {
        let (top, bottom) = view_range.get();
        layout.with(|l| {
            items.with(|list| {
                visible(&l.slots, top, bottom)
                    .into_iter()
                    .filter_map(|i| Some((Arc::clone(list.get(i)?), *l.slots.get(i)?, l.col_w)))
                    .collect::<Vec<_>>()
            })
        })
    });
    // Keyed by id: a card that moves (a card above it was hidden, the window was resized) keeps its element,
    // so keyboard focus and a screen reader's place survive; only its position changes.
    let key = |(item, _, _): &(Arc<Item>, Slot, f64)| item.id.clone();
    view! {
        <div
            class="masonry"
            node_ref=grid
            prop:style=move || format!("height: {}px", crate::format::fixed(layout.with(|l| l.height), 0))
            data-testid="masonry"
        >
            <For
                each=move || cards.get()
                key=key
                children=move |(item, slot, _)| {
                    // Cards laid out in the first screen load their covers at once, the top row first: they are
                    // the largest paint, and a lazy image there waits for layout (first-screen.js preloads them).
                    let (eager, top) = (slot.y < FIRST_SCREEN_PX, slot.y < 1.0);
                    let id = item.id.clone();
                    let style = move || {
                        cards.with(|c| {
                            c.iter().find(|(i, _, _)| i.id == id).map(|(_, slot, w)| {
                                use crate::format::fixed;
                                format!(
                                    "transform: translate({}px, {}px); width: {}px; height: {}px",
                                    fixed(slot.x, 2),
                                    fixed(slot.y, 2),
                                    fixed(*w, 2),
                                    fixed(slot.h, 2),
                                )
                            })
                        })
                        .unwrap_or_default()
                    };
                    view! {
                        <div class="masonry-slot" prop:style=style>
                            <Card item eager top/>
                        </div>
                    }
                }
            />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_never_moves_placed_items() {
        let cards: Vec<(f64, bool)> =
            [1.33, 1.0, 0.75, 1.4, 1.33, 1.0, 0.9, 1.2].iter().enumerate().map(|(i, r)| (*r, i % 3 == 0)).collect();
        let before = place(cards[..5].iter().copied(), 2, 400.0, 10.0);
        let after = place(cards.iter().copied(), 2, 400.0, 10.0);
        assert_eq!(&after.slots[..5], &before.slots[..]);
    }

    #[test]
    fn columns_stay_balanced_and_never_overlap() {
        let l = place(std::iter::repeat_n((1.0, false), 10), 3, 620.0, 10.0);
        assert_eq!(l.col_w, 200.0);
        let per_col = |x: f64| l.slots.iter().filter(|s| s.x == x).count();
        assert_eq!([per_col(0.0), per_col(210.0), per_col(420.0)], [4, 3, 3]);
        for a in &l.slots {
            for b in &l.slots {
                if a != b && a.x == b.x {
                    assert!(a.y + a.h + 10.0 <= b.y + 1e-9 || b.y + b.h + 10.0 <= a.y + 1e-9, "{a:?} {b:?}");
                }
            }
        }
        let h = card_height(1.0, false, 200.0);
        assert!((l.height - (4.0 * h + 3.0 * 10.0)).abs() < 1e-9);
        assert_eq!(columns_for(412.0), 2);
        assert_eq!(columns_for(1280.0), 4);
    }

    #[test]
    fn the_window_holds_only_cards_near_the_viewport() {
        let l = place(std::iter::repeat_n((1.0, true), 10_000), 2, 392.0, 10.0);
        let shown = visible(&l.slots, 50_000.0, 52_000.0);
        assert!(!shown.is_empty() && shown.len() < 20, "{}", shown.len());
        for i in shown {
            let s = l.slots[i];
            assert!(s.y < 52_000.0 && s.y + s.h > 50_000.0);
        }
        assert_eq!(assign_columns([1.0, 1.0, 1.0], 2), vec![vec![0, 2], vec![1]]);
    }
}
