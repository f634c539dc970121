//! The waterfall grid. Column count follows the window width; items go, in order, to the shortest column,
//! using heights known from the data (cover aspect ratio plus the card's fixed text block). Appending a page
//! never moves a card that is already placed, so infinite scroll does not reshuffle what the user has seen.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_use::use_window_size;

use crate::components::card::Card;
use crate::model::Item;

/// Height of a card's text block relative to its width (title lines, meta row, price).
const TEXT_BLOCK: f64 = 0.42;

/// Columns for a window width: two on phones, up to five on wide screens.
pub fn columns_for(width: f64) -> usize {
    match width {
        w if w < 720.0 => 2,
        w if w < 1024.0 => 3,
        w if w < 1360.0 => 4,
        _ => 5,
    }
}

/// Assigns each item to the currently shortest column; pure so the layout rule is easy to reason about.
pub fn assign_columns(ratios: impl IntoIterator<Item = f64>, columns: usize) -> Vec<Vec<usize>> {
    let columns = columns.max(1);
    let mut heights = vec![0.0_f64; columns];
    let mut cols = vec![Vec::new(); columns];
    for (i, r) in ratios.into_iter().enumerate() {
        let (shortest, _) =
            heights
                .iter()
                .enumerate()
                .fold((0, f64::INFINITY), |best, (c, h)| if *h < best.1 - 1e-9 { (c, *h) } else { best });
        cols[shortest].push(i);
        heights[shortest] += r + TEXT_BLOCK;
    }
    cols
}

/// A masonry grid of cards.
#[component]
pub fn Masonry(#[prop(into)] items: Signal<Vec<Arc<Item>>>) -> impl IntoView {
    let size = use_window_size();
    let columns = Memo::new(move |_| columns_for(size.width.get()));
    let layout = Memo::new(move |_| {
        let cols = columns.get();
        items.with(|list| {
            assign_columns(list.iter().map(|i| i.cover.display_ratio()), cols)
                .into_iter()
                .map(|idx| idx.into_iter().map(|i| Arc::clone(&list[i])).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
    });
    let column_ids = move || (0..columns.get()).collect::<Vec<usize>>();
    let column = move |c: usize| {
        let cards = move || layout.with(|l| l.get(c).cloned().unwrap_or_default());
        view! {
            <div class="masonry-col">
                <For each=cards key=|item| item.id.clone() children=|item| view! { <Card item/> }/>
            </div>
        }
    };
    view! {
        <div class="masonry" style=move || format!("--cols: {}", columns.get())>
            <For each=column_ids key=|c| *c children=column/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_never_moves_placed_items() {
        let ratios = [1.33, 1.0, 0.75, 1.4, 1.33, 1.0, 0.9, 1.2];
        let before = assign_columns(ratios[..5].iter().copied(), 2);
        let after = assign_columns(ratios.iter().copied(), 2);
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(&a[..b.len()], &b[..]);
        }
    }

    #[test]
    fn columns_stay_balanced() {
        let cols = assign_columns(std::iter::repeat_n(1.0, 10), 3);
        let lens: Vec<usize> = cols.iter().map(Vec::len).collect();
        assert_eq!(lens, vec![4, 3, 3]);
        assert_eq!(columns_for(412.0), 2);
        assert_eq!(columns_for(1280.0), 4);
    }
}
