//! Files from the device for the compose form: checked (type, size), measured (pixels, seconds), kept in the
//! device's draft storage and shown through object URLs. Nothing is uploaded here; a publish sends them.
//!
//! The bytes live in the Cache API (`guang-draft-media`), one entry per draft and file under a synthetic
//! same-origin URL that is never fetched, because it holds blobs of any size without a schema and survives
//! reloads and crashes like local storage does. The draft's text stays in local storage.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::js;

use crate::model::compose::{extension_of, LocalFile, MAX_IMAGE_BYTES, MAX_VIDEO_BYTES};

/// The Cache API store of draft files.
const CACHE: &str = "guang-draft-media";

/// Why a file was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum MediaError {
    /// Not an image (or not a video where a video belongs), by its type or because it does not decode.
    NotAccepted,
    /// Larger than the draft's limit for its kind.
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// The device refused to store it (full, or storage is off).
    Full,
}

/// Which kind of file a picker takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A photo (gallery image or poster).
    Image,
    /// A video.
    Video,
}

/// The storage URL of one draft file.
fn key(draft: &str, name: &str) -> JsValue {
    JsValue::from_str(&format!("__drafts/{draft}/{name}"))
}

async fn cache() -> Option<JsValue> {
    let storage = js::get(&js::global(), "caches");
    js::call_async(&storage, "open", &[&JsValue::from_str(CACHE)]).await.ok()
}

/// A short id for a new file name, unique within a draft.
fn file_id() -> String {
    let mut v = (js_sys::Math::random() * 2_176_782_336.0) as u64;
    let mut s = String::new();
    for _ in 0..6 {
        s.push(char::from(b"0123456789abcdefghijklmnopqrstuvwxyz"[(v % 36) as usize]));
        v /= 36;
    }
    s
}

fn object_url(blob: &JsValue) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob.unchecked_ref()).ok()
}

/// Checks, measures and stores a picked file (a `File`) for `draft`; returns its description and an object
/// URL to show it.
pub async fn take(file: JsValue, draft: &str, want: Want) -> Result<(LocalFile, String), MediaError> {
    let mime = js::string(&file, "type");
    let prefix = match want {
        Want::Image => "image/",
        Want::Video => "video/",
    };
    let ext = extension_of(&mime).filter(|_| mime.starts_with(prefix)).ok_or(MediaError::NotAccepted)?;
    let max = if want == Want::Video { MAX_VIDEO_BYTES } else { MAX_IMAGE_BYTES };
    let bytes = js::number(&file, "size") as u64;
    if bytes > max {
        return Err(MediaError::TooLarge { bytes, max });
    }
    let url = object_url(&file).ok_or(MediaError::NotAccepted)?;
    let measured = match want {
        Want::Image => measure_image(&url).await,
        Want::Video => measure_video(&url).await,
    };
    let Some((width, height, duration_s)) = measured else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return Err(MediaError::NotAccepted);
    };
    let name = format!("{}.{ext}", file_id());
    if !store(draft, &name, &file).await {
        let _ = web_sys::Url::revoke_object_url(&url);
        return Err(MediaError::Full);
    }
    Ok((LocalFile { name, mime, bytes, width, height, duration_s, ..LocalFile::default() }, url))
}

/// Decodes an image to read its size; a file that is not really an image fails here.
async fn measure_image(url: &str) -> Option<(u32, u32, u32)> {
    let img = js::construct("Image", &[]).ok()?;
    js::set(&img, "src", &JsValue::from_str(url));
    js::call_async(&img, "decode", &[]).await.ok()?;
    let (w, h) = (js::number(&img, "naturalWidth") as u32, js::number(&img, "naturalHeight") as u32);
    (w > 0 && h > 0).then_some((w, h, 0))
}

/// Loads a video's metadata to read its length and size.
async fn measure_video(url: &str) -> Option<(u32, u32, u32)> {
    let video = web_sys::window()?.document()?.create_element("video").ok()?;
    js::set(&video, "preload", &JsValue::from_str("metadata"));
    js::set(&video, "muted", &JsValue::TRUE);
    let loaded = js::first_event(&video, &["loadedmetadata", "error"]);
    js::set(&video, "src", &JsValue::from_str(url));
    if loaded.await != Some("loadedmetadata") {
        return None;
    }
    let d = js::number(&video, "duration");
    let secs = if d.is_finite() && d > 0.0 { d.round().clamp(1.0, 86_400.0) as u32 } else { return None };
    Some((js::number(&video, "videoWidth") as u32, js::number(&video, "videoHeight") as u32, secs))
}

/// A frame of the video at `url`, `at_s` seconds in, as a JPEG `File` to take as its cover; `None` when the
/// browser cannot decode it in time or may not read its pixels (a video from another site).
pub async fn capture_frame(url: &str, at_s: f64) -> Option<JsValue> {
    let document = web_sys::window()?.document()?;
    let video = document.create_element("video").ok()?;
    js::set(&video, "preload", &JsValue::from_str("auto"));
    js::set(&video, "muted", &JsValue::TRUE);
    js::set(&video, "crossOrigin", &JsValue::from_str("anonymous"));
    let loaded = js::first_event(&video, &["loadeddata", "error"]);
    js::set(&video, "src", &JsValue::from_str(url));
    if js::within(15_000, loaded).await.flatten() != Some("loadeddata") {
        return None;
    }
    let length = js::number(&video, "duration");
    let at = if length.is_finite() { at_s.clamp(0.0, (length - 0.05).max(0.0)) } else { 0.0 };
    let seeked = js::first_event(&video, &["seeked", "error"]);
    js::set(&video, "currentTime", &JsValue::from_f64(at));
    if js::within(15_000, seeked).await.flatten() != Some("seeked") {
        return None;
    }
    let (w, h) = (js::number(&video, "videoWidth"), js::number(&video, "videoHeight"));
    if w < 1.0 || h < 1.0 {
        return None;
    }
    let canvas = document.create_element("canvas").ok()?;
    js::set(&canvas, "width", &JsValue::from_f64(w));
    js::set(&canvas, "height", &JsValue::from_f64(h));
    let context = js::call(&canvas, "getContext", &[&JsValue::from_str("2d")]).ok()?;
    let zero = JsValue::from_f64(0.0);
    js::call(&context, "drawImage", &[&video, &zero, &zero]).ok()?;
    // `toBlob` throws for a canvas tainted by another site's pixels and passes null when encoding fails.
    let encoded = js_sys::Promise::new(&mut |resolve, reject| {
        let args = [&resolve as &JsValue, &JsValue::from_str("image/jpeg"), &JsValue::from_f64(0.88)];
        if let Err(e) = js::call(&canvas, "toBlob", &args) {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let blob = wasm_bindgen_futures::JsFuture::from(encoded).await.ok().filter(JsValue::is_object)?;
    let options = js_sys::Object::new();
    js::set(&options, "type", &JsValue::from_str("image/jpeg"));
    js::construct("File", &[&js_sys::Array::of1(&blob), &JsValue::from_str("poster.jpg"), &options]).ok()
}

async fn put(draft: &str, name: &str, blob: &JsValue) -> bool {
    let Some(cache) = cache().await else { return false };
    let Ok(resp) = js::construct("Response", &[blob]) else { return false };
    js::call_async(&cache, "put", &[&key(draft, name), &resp]).await.is_ok()
}

async fn store(draft: &str, name: &str, file: &JsValue) -> bool {
    put(draft, name, file).await
}

/// The stored bytes of a draft file (a `Blob`), if the device still has them.
pub async fn load(draft: &str, name: &str) -> Option<JsValue> {
    let cache = cache().await?;
    let found = js::call_async(&cache, "match", &[&key(draft, name)]).await.ok()?;
    if found.is_undefined() {
        return None;
    }
    js::call_async(&found, "blob", &[]).await.ok()
}

/// Copies a file to another draft (a duplicated draft owns its own files, so deleting one keeps the other's).
pub async fn copy(from: &str, to: &str, name: &str) -> bool {
    let Some(blob) = load(from, name).await else { return false };
    put(to, name, &blob).await
}

/// Deletes the stored bytes of a draft's files.
pub async fn forget(draft: &str, names: Vec<String>) {
    let Some(cache) = cache().await else { return };
    for name in names {
        let _ = js::call_async(&cache, "delete", &[&key(draft, &name)]).await;
    }
}

/// How long a draft's files are kept without any stored draft naming it: a new draft of another tab is saved
/// within a second, so a day is only ever waited out by files nothing will show again.
const SWEEP_GRACE_MS: i64 = 86_400_000;

/// When a draft made by [`super::bench::new_id`] was started (its id is `d`, the time in hex, a random part).
fn started_ms(draft: &str) -> Option<i64> {
    // By hand: `from_str_radix` would be shared with the viewer's number parsing and move into the first load.
    draft.strip_prefix('d')?.get(..11)?.chars().try_fold(0_i64, |n, c| Some(n * 16 + i64::from(c.to_digit(16)?)))
}

/// Deletes the stored files of drafts nothing on this device names any more (a tab closed while a delete's undo
/// was offered, a crash mid-copy), so Cache Storage does not fill with files no draft shows. A draft is named
/// when any stored draft list, profile draft or set-aside text of any creator mentions its id; a draft started
/// less than a day ago is left alone, since another tab may not have saved it yet. Returns how many went.
pub async fn sweep(now_ms: i64) -> usize {
    let Some(cache) = cache().await else { return 0 };
    let Ok(requests) = js::call_async(&cache, "keys", &[]).await else { return 0 };
    let storage = js::get(&js::global(), "localStorage");
    let mut named = String::new();
    for i in 0..js::number(&storage, "length") as u32 {
        let Ok(key) = js::call(&storage, "key", &[&JsValue::from(i)]) else { continue };
        let key = key.as_string().unwrap_or_default();
        if key.starts_with("guang.drafts") || key.starts_with("guang.profile-draft") {
            if let Ok(v) = js::call(&storage, "getItem", &[&JsValue::from_str(&key)]) {
                named.push_str(&v.as_string().unwrap_or_default());
            }
        }
    }
    let mut gone = 0;
    for request in files_of(&requests) {
        let url = js::string(&request, "url");
        let Some((draft, _)) = url.split_once("/__drafts/").and_then(|(_, rest)| rest.split_once('/')) else {
            continue;
        };
        let recent = started_ms(draft).is_some_and(|t| now_ms - t < SWEEP_GRACE_MS);
        if draft.is_empty() || recent || named.contains(draft) {
            continue;
        }
        if js::call_async(&cache, "delete", &[&request]).await.ok().and_then(|v| v.as_bool()) == Some(true) {
            gone += 1;
        }
    }
    gone
}

/// Object URLs of the open draft's files by name; revoked when replaced or when the studio closes.
#[derive(Clone, Copy)]
pub struct ObjectUrls(StoredValue<HashMap<String, String>>);

impl ObjectUrls {
    /// An empty set that revokes its URLs when the owner is cleaned up.
    pub fn new() -> Self {
        let urls = StoredValue::new(HashMap::<String, String>::new());
        on_cleanup(move || {
            urls.try_with_value(|m| m.values().for_each(|u| drop(web_sys::Url::revoke_object_url(u))));
        });
        Self(urls)
    }

    /// The URL to show file `name`.
    pub fn get(self, name: &str) -> Option<String> {
        self.0.try_with_value(|m| m.get(name).cloned()).flatten()
    }

    /// Keeps `url` for `name`.
    pub fn put(self, name: String, url: String) {
        let kept = self.0.try_update_value(|m| {
            if let Some(old) = m.insert(name, url.clone()) {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
        });
        // The studio closed while the file was read: nothing will show it.
        if kept.is_none() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// Makes URLs for the stored files of `draft` that have none yet; returns the names the device lost.
    pub async fn open(self, draft: &str, names: Vec<String>) -> Vec<String> {
        let mut lost = Vec::new();
        for name in names {
            if self.get(&name).is_some() {
                continue;
            }
            match load(draft, &name).await.and_then(|b| object_url(&b)) {
                Some(url) => self.put(name, url),
                None => lost.push(name),
            }
        }
        lost
    }
}

/// The files of a `FileList` (a drop's or a picker's), in order.
pub fn files_of(list: &JsValue) -> Vec<JsValue> {
    (0..js::number(list, "length") as u32).map(|i| js::at(list, i)).filter(|f| f.is_object()).collect()
}
