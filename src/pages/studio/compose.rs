//! The compose form: kind, title and text with live counts, images or a video from the device (picker or
//! drag-and-drop), topics, products and a campaign. Every field shows the contract's problems about it as the
//! creator types, tied to the field for screen readers; the same problems are summarised above the preview.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::bench::Bench;
use super::fields::{shown_time, toggle, typed_time, CountedField, TopicChips};
use super::media::{self, files_of, MediaError, Want};
use crate::app::use_ctx;
use crate::i18n::problem_text;
use crate::i18n::studio::S;
use crate::model::compose::{
    field_of, Compose, ComposeKind, CouponDraft, Field, LocalFile, ProductDraft, MAX_IMAGES, MAX_PRODUCTS,
};
use crate::model::item::{MAX_TEXT, MAX_TITLE};

/// The input of a product's row a problem path ends at, so the row's one error line says which input it means.
fn part_label(path: &str) -> Option<S> {
    let (_, tail) = path.rsplit_once("].")?;
    Some(match tail {
        "title" => S::product_title,
        "price" | "price.amount" | "price.currency" => S::product_price,
        "url" => S::product_url,
        "coupon.code" => S::coupon_code,
        "coupon.amount_off" => S::coupon_amount_value,
        "coupon.percent_off" => S::coupon_percent_value,
        "coupon.min_spend" => S::coupon_min,
        "coupon.starts_at" => S::coupon_starts,
        "coupon.ends_at" => S::coupon_ends,
        _ => return None,
    })
}

/// What a problem says in the studio: the contract's words, except where the form knows better (a planned
/// start that is not in the future is "out of range" to the contract).
pub(super) fn problem_line(bench: Bench, p: &crate::model::Problem, l: crate::i18n::Locale) -> String {
    match (field_of(&p.path), &p.kind) {
        (Field::Schedule, crate::model::ProblemKind::OutOfRange) => bench.st.t(S::starts_in_past),
        _ => problem_text(&p.kind, l),
    }
}

/// The problems of one field, as text, for the field's error line; in a product's row each names its input.
fn errors_of(bench: Bench, field: Field) -> Vec<String> {
    let l = bench.ctx.locale.get();
    let st = bench.st;
    bench.checked.with(|c| {
        c.problems
            .iter()
            .filter(|p| field_of(&p.path) == field)
            .map(|p| {
                let text = problem_line(bench, p, l);
                match part_label(&p.path).filter(|_| matches!(field, Field::Product(_))) {
                    Some(label) => st.f(S::labelled_problem, &[("label", &st.t(label)), ("problem", &text)]),
                    None => text,
                }
            })
            .collect()
    })
}

/// A field's error line, announced when it changes and named by the field's `aria-describedby`.
#[component]
pub(super) fn FieldErrors(bench: Bench, field: Field, id: String) -> impl IntoView {
    view! {
        <p class="field-errors" id=id data-testid="field-errors" data-field=format!("{field:?}")>
            {move || errors_of(bench, field).join("；")}
        </p>
    }
}

fn value_of(bench: Bench, get: impl Fn(&Compose) -> String + Send + Sync + 'static) -> impl Fn() -> String {
    move || bench.draft.with(|d| d.as_ref().map(&get).unwrap_or_default())
}

fn input_text(ev: &leptos::ev::Event) -> String {
    event_target_value(ev)
}

/// Says why a picked file was not taken.
pub fn refused(bench: Bench, name: &str, e: MediaError) {
    let st = bench.st;
    let text = match e {
        MediaError::NotAccepted => st.f(S::file_not_accepted, &[("name", &name)]),
        MediaError::TooLarge { bytes, max } => st.f(
            S::file_too_large,
            &[
                ("name", &name),
                ("size", &crate::format::fixed(bytes as f64 / 1_048_576.0, 1)),
                ("max", &(max / 1_048_576)),
            ],
        ),
        MediaError::Full => st.t(S::storage_full),
    };
    bench.status.try_set(text);
}

/// Takes picked or dropped files into the open draft: images into the gallery (or the poster), a video as the
/// video.
fn take_files(bench: Bench, files: Vec<wasm_bindgen::JsValue>, want: Want, poster: bool) {
    let Some(draft) = bench.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) else { return };
    spawn_local(async move {
        for file in files {
            let name = super::js::string(&file, "name");
            if want == Want::Image && !poster {
                let full = bench.draft.try_with_untracked(|d| d.as_ref().is_some_and(|d| d.images.len() >= MAX_IMAGES));
                if full != Some(false) {
                    bench.status.try_set(bench.st.f(S::images_full, &[("max", &MAX_IMAGES)]));
                    break;
                }
            }
            match media::take(file, &draft, want).await {
                Ok((local, url)) => {
                    let still_open = bench.draft.try_with_untracked(|d| d.as_ref().is_some_and(|d| d.id == draft));
                    if still_open != Some(true) {
                        // Another draft was opened (or the studio closed) while the file was read: it is not kept.
                        let _ = web_sys::Url::revoke_object_url(&url);
                        media::forget(&draft, vec![local.name]).await;
                        continue;
                    }
                    bench.urls.put(local.name.clone(), url);
                    // A replaced video or cover goes from the device.
                    let replaced = bench
                        .draft
                        .try_with_untracked(|d| {
                            d.as_ref().and_then(|d| match (want, poster) {
                                (Want::Video, _) => d.video.clone(),
                                (Want::Image, true) => d.poster.clone(),
                                (Want::Image, false) => None,
                            })
                        })
                        .flatten()
                        .filter(|f| f.url.is_none());
                    bench.edit(|d| match (want, poster) {
                        (Want::Video, _) => d.video = Some(local),
                        (Want::Image, true) => d.poster = Some(local),
                        (Want::Image, false) => d.images.push(local),
                    });
                    bench.files_rev.try_update(|r| *r += 1);
                    bench.status.try_set(bench.st.f(S::file_added, &[("name", &name)]));
                    if let Some(old) = replaced {
                        media::forget(&draft, vec![old.name]).await;
                    }
                }
                Err(e) => refused(bench, &name, e),
            }
            if want == Want::Video || poster {
                break;
            }
        }
    });
}

/// The URL that shows a file: its object URL when it is on the device, its own URL resolved otherwise.
fn shown_url(bench: Bench, file: &LocalFile) -> String {
    bench.files_rev.track();
    match &file.url {
        Some(u) => bench.ctx.session().base.resolve(u).unwrap_or_default(),
        None => bench.urls.get(&file.name).unwrap_or_default(),
    }
}

/// A file input styled as a button, with a drop zone around it; the picked or dropped files go to `on_files`
/// (the item form's gallery, video or poster, or the profile form's avatar).
#[component]
pub fn Picker<F>(
    bench: Bench,
    want: Want,
    /// Whether several files may be picked at once.
    multiple: bool,
    label: S,
    testid: &'static str,
    /// The id of the field's error line, which describes the input.
    errors: &'static str,
    /// Takes the files (`File` objects), in order.
    on_files: F,
) -> impl IntoView
where
    F: Fn(Vec<wasm_bindgen::JsValue>) + Copy + 'static,
{
    let st = bench.st;
    let accept = match want {
        Want::Image => "image/jpeg,image/png,image/webp,image/gif,image/avif",
        Want::Video => "video/mp4,video/webm,video/quicktime",
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        on_files(files_of(&super::js::get(&super::js::get(&ev, "dataTransfer"), "files")));
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let files = files_of(&super::js::get(&input, "files"));
        input.set_value("");
        on_files(files);
    };
    view! {
        <div
            class="dropzone"
            class:is-dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label class="btn">
                <input
                    type="file"
                    class="visually-hidden"
                    accept=accept
                    multiple=multiple
                    aria-describedby=errors
                    data-testid=testid
                    on:change=on_change
                />
                {move || st.t(label)}
            </label>
            <span class="muted">{move || st.t(S::drop_hint)}</span>
        </div>
    }
}

/// The gallery: thumbnails in order with a description each, moved and removed by buttons.
#[component]
fn Gallery(bench: Bench) -> impl IntoView {
    let st = bench.st;
    let names = Memo::new(move |_| {
        bench.draft.with(|d| {
            d.as_ref().map(|d| d.images.iter().map(|i| i.name.clone()).collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    let count = move || names.with(Vec::len);
    let index_of = move |name: &str| names.with(|n| n.iter().position(|x| x == name));
    let shift = move |name: String, by: isize| {
        bench.edit(|d| {
            if let Some(i) = d.images.iter().position(|x| x.name == name) {
                let j = i as isize + by;
                if (0..d.images.len() as isize).contains(&j) {
                    d.images.swap(i, j as usize);
                }
            }
        });
    };
    view! {
        <div class="field" role="group" aria-labelledby="c-images-label">
            <span class="field-label" id="c-images-label">
                {move || st.t(S::images_label)}
                <span class="count">{move || format!("{}/{MAX_IMAGES}", count())}</span>
            </span>
            <ol class="thumbs" data-testid="compose-images">
                <For each=move || names.get() key=|n| n.clone() let:name>
                    {
                        let file = {
                            let name = name.clone();
                            move || bench.draft.with(|d| d.as_ref().and_then(|d| d.images.iter().find(|i| i.name == name).cloned()))
                        };
                        let n = {
                            let name = name.clone();
                            Memo::new(move |_| index_of(&name).map_or(0, |i| i + 1))
                        };
                        let (up, down, remove, alt_name) = (name.clone(), name.clone(), name.clone(), name.clone());
                        view! {
                            <li class="thumb" data-testid="compose-image">
                                <img src={let file = file.clone(); move || file().map(|f| shown_url(bench, &f)).unwrap_or_default()} alt=""/>
                                <span class="thumb-index" aria-hidden="true">{n}</span>
                                <input
                                    type="text"
                                    class="thumb-alt"
                                    maxlength="300"
                                    placeholder=move || st.t(S::image_alt_placeholder)
                                    aria-label=move || st.f(S::image_alt, &[("n", &n.get())])
                                    prop:value=move || file().map(|f| f.alt).unwrap_or_default()
                                    on:input=move |ev| {
                                        let text = input_text(&ev);
                                        let name = alt_name.clone();
                                        bench.edit(|d| {
                                            if let Some(i) = d.images.iter_mut().find(|i| i.name == name) {
                                                i.alt = text;
                                            }
                                        });
                                    }
                                />
                                <div class="thumb-actions">
                                    <button type="button" class="icon-btn" aria-label=move || st.f(S::move_earlier, &[("n", &n.get())]) on:click=move |_| shift(up.clone(), -1)>"←"</button>
                                    <button type="button" class="icon-btn" aria-label=move || st.f(S::move_later, &[("n", &n.get())]) on:click=move |_| shift(down.clone(), 1)>"→"</button>
                                    <button
                                        type="button"
                                        class="icon-btn"
                                        data-testid="remove-image"
                                        aria-label=move || st.f(S::remove_image, &[("n", &n.get())])
                                        on:click=move |_| {
                                            let name = remove.clone();
                                            let id = bench.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())).unwrap_or_default();
                                            bench.edit(|d| d.images.retain(|i| i.name != name));
                                            spawn_local(async move { media::forget(&id, vec![name]).await });
                                        }
                                    >"✕"</button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <Picker bench want=Want::Image multiple=true on_files=move |f| take_files(bench, f, Want::Image, false) label=S::add_images testid="compose-image-input" errors="c-images-err"/>
            <FieldErrors bench field=Field::Images id="c-images-err".into()/>
        </div>
    }
}

/// Takes the video's cover from a frame of the video itself, at a moment the creator picks.
#[component]
fn FrameCapture(bench: Bench) -> impl IntoView {
    let st = bench.st;
    let length =
        Memo::new(move |_| bench.draft.with(|d| d.as_ref().and_then(|d| d.video.as_ref()).map_or(0, |v| v.duration_s)));
    let at = RwSignal::new(1_u32);
    let busy = RwSignal::new(false);
    let capture = move |_| {
        let Some(video) = bench.draft.with_untracked(|d| d.as_ref().and_then(|d| d.video.clone())) else { return };
        let url = shown_url(bench, &video);
        let second = at.get_untracked().min(length.get_untracked());
        busy.set(true);
        spawn_local(async move {
            let frame = media::capture_frame(&url, f64::from(second)).await;
            busy.try_set(false);
            match frame {
                Some(file) => take_files(bench, vec![file], Want::Image, true),
                None => drop(bench.status.try_set(bench.st.t(S::capture_failed))),
            }
        });
    };
    let clock = move || {
        let s = at.get().min(length.get());
        format!("{}:{:02}", s / 60, s % 60)
    };
    view! {
        <Show when=move || { length.get() > 0 }>
            <div class="frame-capture">
                <label for="c-frame">{move || st.f(S::frame_at, &[("time", &clock())])}</label>
                <input
                    id="c-frame"
                    type="range"
                    min="0"
                    step="1"
                    data-testid="frame-at"
                    max=move || length.get().to_string()
                    prop:value=move || at.get().min(length.get()).to_string()
                    aria-valuetext=clock
                    on:input=move |ev| at.set(event_target_value(&ev).parse().unwrap_or(0))
                />
                <button type="button" class="btn btn-small" data-testid="capture-poster" disabled=move || busy.get() on:click=capture>
                    {move || if busy.get() { st.t(S::capturing) } else { st.t(S::capture_poster) }}
                </button>
            </div>
        </Show>
    }
}

/// A video's file and poster.
#[component]
fn VideoFields(bench: Bench) -> impl IntoView {
    let st = bench.st;
    let video = move || bench.draft.with(|d| d.as_ref().and_then(|d| d.video.clone()));
    view! {
        <div class="field" role="group" aria-labelledby="c-video-label">
            <span class="field-label" id="c-video-label">{move || st.t(S::video_label)}</span>
            {move || {
                video()
                    .map(|v| {
                        let secs = v.duration_s;
                        view! {
                            <p class="muted" data-testid="compose-video">
                                {move || st.f(S::video_length, &[("time", &format!("{}:{:02}", secs / 60, secs % 60))])}
                            </p>
                        }
                    })
            }}
            <Picker bench want=Want::Video multiple=false on_files=move |f| take_files(bench, f, Want::Video, false) label=S::choose_video testid="compose-video-input" errors="c-video-err"/>
            <FieldErrors bench field=Field::Video id="c-video-err".into()/>
        </div>
        <PosterField bench capture=true/>
    }
}

/// The cover of a video or a 直播预告: picked (or dropped), or for a video captured from one of its frames.
#[component]
fn PosterField(bench: Bench, capture: bool) -> impl IntoView {
    let st = bench.st;
    let poster = move || bench.draft.with(|d| d.as_ref().and_then(|d| d.poster.clone()));
    view! {
        <div class="field" role="group" aria-labelledby="c-poster-label">
            <span class="field-label" id="c-poster-label">{move || st.t(S::poster_label)}</span>
            {move || {
                poster().map(|p| view! { <img class="thumb-poster" src=move || shown_url(bench, &p) alt=""/> })
            }}
            <Picker bench want=Want::Image multiple=false on_files=move |f| take_files(bench, f, Want::Image, true) label=S::choose_poster testid="compose-poster-input" errors="c-images-err"/>
            {capture.then(|| view! { <FrameCapture bench/> })}
            <FieldErrors bench field=Field::Images id="c-images-err".into()/>
        </div>
    }
}

/// A 直播预告's planned start, typed in the device's zone, and its cover.
#[component]
fn LiveFields(bench: Bench) -> impl IntoView {
    let st = bench.st;
    let offset = super::bench::offset_min();
    view! {
        <div class="field">
            <label for="c-starts" class="field-label">{move || st.t(S::starts_label)}</label>
            <input
                id="c-starts"
                type="datetime-local"
                data-testid="compose-starts"
                aria-describedby="c-starts-err"
                aria-invalid=move || (!errors_of(bench, Field::Schedule).is_empty()).to_string()
                prop:value=move || shown_time(&bench.draft.with(|d| d.as_ref().map(|d| d.starts_at.clone()).unwrap_or_default()), offset)
                on:change=move |ev| {
                    let v = typed_time(input_text(&ev), offset);
                    bench.edit(|d| d.starts_at = v);
                }
            />
            <FieldErrors bench field=Field::Schedule id="c-starts-err".into()/>
        </div>
        <PosterField bench capture=false/>
    }
}

/// One product's row: title, price, link, and buttons to move or remove it.
#[component]
fn ProductRow(bench: Bench, i: usize, count: Memo<usize>) -> impl IntoView {
    let st = bench.st;
    let get = move |f: fn(&ProductDraft) -> String| {
        move || bench.draft.with(|d| d.as_ref().and_then(|d| d.products.get(i)).map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut ProductDraft, String)| {
        move |ev: leptos::ev::Event| {
            let text = input_text(&ev);
            bench.edit(|d| {
                if let Some(p) = d.products.get_mut(i) {
                    f(p, text);
                }
            });
        }
    };
    let swap = move |j: usize| {
        bench.edit(|d| {
            if j < d.products.len() && i < d.products.len() {
                d.products.swap(i, j);
            }
        })
    };
    let id = |what: &str| format!("c-p{i}-{what}");
    // Each input is marked invalid when a problem's path ends at it.
    let invalid = move |end: &'static str| {
        move || {
            bench
                .checked
                .with(|c| c.problems.iter().any(|p| field_of(&p.path) == Field::Product(i) && p.path.contains(end)))
                .to_string()
        }
    };
    let err = format!("c-p{i}-err");
    let described = err.clone();
    // A Memo, so typing in the coupon's fields does not rebuild them (and lose the caret).
    let has_coupon = Memo::new(move |_| {
        bench.draft.with(|d| d.as_ref().and_then(|d| d.products.get(i)).is_some_and(|p| p.coupon.is_some()))
    });
    view! {
        <fieldset class="product-row" data-testid="compose-product" aria-describedby=described>
            <legend>{move || st.f(S::product_n, &[("n", &(i + 1))])}</legend>
            <label for=id("title")>{move || st.t(S::product_title)}</label>
            <input id=id("title") type="text" maxlength="400" aria-describedby=format!("c-p{i}-err") data-testid="product-title" aria-invalid=invalid(".title") prop:value=get(|p| p.title.clone()) on:input=set(|p, v| p.title = v)/>
            <label for=id("price")>{move || st.t(S::product_price)}</label>
            <input id=id("price") type="text" inputmode="decimal" maxlength="24" aria-describedby=format!("c-p{i}-err") data-testid="product-price" aria-invalid=invalid(".price") prop:value=get(|p| p.price.clone()) on:input=set(|p, v| p.price = v)/>
            <label for=id("url")>{move || st.t(S::product_url)}</label>
            <input id=id("url") type="url" maxlength="2100" aria-describedby=format!("c-p{i}-err") data-testid="product-url" aria-invalid=invalid(".url") prop:value=get(|p| p.url.clone()) on:input=set(|p, v| p.url = v)/>
            {move || {
                if has_coupon.get() {
                    view! { <super::offer::CouponFields bench i/> }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="btn btn-small add-coupon"
                            data-testid="coupon-add"
                            on:click=move |_| bench.edit(|d| {
                                if let Some(p) = d.products.get_mut(i) {
                                    p.coupon = Some(CouponDraft::default());
                                }
                            })
                        >
                            {move || st.t(S::coupon_add)}
                        </button>
                    }
                        .into_any()
                }
            }}
            <div class="row-actions">
                <button type="button" class="btn btn-small" disabled=move || i == 0 on:click=move |_| swap(i.wrapping_sub(1))>{move || st.t(S::move_up)}</button>
                <button type="button" class="btn btn-small" disabled={move || i + 1 >= count.get()} on:click=move |_| swap(i + 1)>{move || st.t(S::move_down)}</button>
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid="remove-product"
                    on:click=move |_| bench.edit(|d| {
                        if i < d.products.len() {
                            d.products.remove(i);
                        }
                    })
                >{move || st.t(S::remove)}</button>
            </div>
            <FieldErrors bench field=Field::Product(i) id=err/>
        </fieldset>
    }
}

/// The form for the open draft.
#[component]
pub fn ComposeForm(
    bench: Bench,
    /// The creators this one works with, offered as co-creators.
    candidates: Vec<crate::model::CreatorRef>,
) -> impl IntoView {
    let ctx = use_ctx();
    let st = bench.st;
    let kind = Memo::new(move |_| bench.draft.with(|d| d.as_ref().map(|d| d.kind).unwrap_or_default()));
    let products = Memo::new(move |_| bench.draft.with(|d| d.as_ref().map_or(0, |d| d.products.len())));
    let session = ctx.session();
    let now = session.now;
    let campaigns: Vec<_> = session.index.campaigns.iter().filter(|c| c.end_ts > now).cloned().collect();
    let campaign =
        Memo::new(move |_| bench.draft.with(|d| d.as_ref().and_then(|d| d.campaign.clone()).unwrap_or_default()));
    view! {
        <form class="compose" data-testid="compose" on:submit=|ev| ev.prevent_default()>
            <fieldset class="choice">
                <legend>{move || st.t(S::kind_label)}</legend>
                {[
                    (ComposeKind::Note, S::kind_note, "note"),
                    (ComposeKind::Video, S::kind_video, "video"),
                    (ComposeKind::Live, S::kind_live, "live"),
                ]
                    .into_iter()
                    .map(|(k, label, id)| {
                        view! {
                            <label class="choice-option">
                                <input
                                    type="radio"
                                    name="compose-kind"
                                    data-testid=format!("kind-{id}")
                                    prop:checked=move || kind.get() == k
                                    on:change=move |_| bench.edit(|d| d.kind = k)
                                />
                                <span>{move || st.t(label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <CountedField
                bench
                id="c-title"
                label=S::title_label
                testid="compose-title"
                max=MAX_TITLE
                value=Signal::derive(value_of(bench, |d| d.title.clone()))
                invalid=Signal::derive(move || !errors_of(bench, Field::Title).is_empty())
                on_input=move |v| bench.edit(|d| d.title = v)
            >
                <FieldErrors bench field=Field::Title id="c-title-err".into()/>
            </CountedField>
            <CountedField
                bench
                id="c-text"
                label=S::text_label
                testid="compose-text"
                max=MAX_TEXT
                rows=6
                value=Signal::derive(value_of(bench, |d| d.text.clone()))
                invalid=Signal::derive(move || !errors_of(bench, Field::Text).is_empty())
                on_input=move |v| bench.edit(|d| d.text = v)
            >
                <FieldErrors bench field=Field::Text id="c-text-err".into()/>
            </CountedField>
            {move || match kind.get() {
                ComposeKind::Note => view! { <Gallery bench/> }.into_any(),
                ComposeKind::Video => view! { <VideoFields bench/> }.into_any(),
                ComposeKind::Live => view! { <LiveFields bench/> }.into_any(),
            }}
            <TopicChips
                bench
                testid="topic-"
                errors="c-topics-err"
                chosen=Signal::derive(move || bench.draft.with(|d| d.as_ref().map(|d| d.topics.clone()).unwrap_or_default()))
                on_toggle=move |id| bench.edit(|d| toggle(&mut d.topics, id))
            >
                <FieldErrors bench field=Field::Topics id="c-topics-err".into()/>
            </TopicChips>
            <div class="field" role="group" aria-labelledby="c-products-label">
                <span class="field-label" id="c-products-label">
                    {move || st.t(S::products_label)}
                    <span class="count">{move || format!("{}/{MAX_PRODUCTS}", products.get())}</span>
                </span>
                {move || (0..products.get()).map(|i| view! { <ProductRow bench i count=products/> }).collect_view()}
                <button
                    type="button"
                    class="btn"
                    data-testid="add-product"
                    disabled={move || products.get() >= MAX_PRODUCTS}
                    on:click=move |_| bench.edit(|d| d.products.push(ProductDraft::default()))
                >
                    {move || st.t(S::add_product)}
                </button>
            </div>
            <div class="field">
                <label for="c-campaign" class="field-label">{move || st.t(S::campaign_label)}</label>
                <select
                    id="c-campaign"
                    data-testid="compose-campaign"
                    aria-describedby="c-campaign-err"
                    on:change=move |ev| {
                        let v = input_text(&ev);
                        bench.edit(|d| d.campaign = (!v.is_empty()).then_some(v));
                    }
                >
                    <option value="" selected=move || campaign.with(String::is_empty)>{move || st.t(S::campaign_none)}</option>
                    {campaigns
                        .into_iter()
                        .map(|c| {
                            let id = c.id.clone();
                            let selected = {
                                let id = id.clone();
                                move || campaign.with(|c| *c == id)
                            };
                            view! { <option value=id selected=selected>{move || c.name.get(ctx.locale.get().tag()).to_string()}</option> }
                        })
                        .collect_view()}
                </select>
                <FieldErrors bench field=Field::Campaign id="c-campaign-err".into()/>
            </div>
            <super::credits::CoCreators bench candidates/>
        </form>
    }
}
