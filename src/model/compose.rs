//! The studio's compose form as plain data: what a creator types and picks (title, text, images and a video
//! from the device, topics, products, a campaign), turned into the contract's item document and checked by
//! the same [`validate_draft`] a loaded JSON draft goes through, so the form, a loaded file and the API agree
//! on every rule and message.
//!
//! Files picked from the device are never uploaded while composing: the form keeps their name, type, size and
//! measured size in pixels, and the document names each one by a path relative to the API base
//! (`media/drafts/{draft}/{file}`), which is where a publish puts it and what an exported document refers to.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::draft::{validate_draft, Draft};
use super::item::{CreatorRef, Item, LiveStatus, Media, MAX_CO_CREATORS, MAX_LIST};
use super::problem::{Problem, ProblemKind};
use super::text::is_valid_id;
use super::time::{format_rfc3339, parse_rfc3339};
use super::url::ApiBase;

/// Largest image a draft keeps (10 MiB): a phone photo fits; a 50 MB scan is refused with a message instead
/// of filling the device's storage.
pub const MAX_IMAGE_BYTES: u64 = 10 * 1024 * 1024;
/// Largest video a draft keeps (200 MiB).
pub const MAX_VIDEO_BYTES: u64 = 200 * 1024 * 1024;
/// Most gallery images of a note, as in the contract's lists.
pub const MAX_IMAGES: usize = MAX_LIST;
/// Most products attached to one item, as in the contract's lists.
pub const MAX_PRODUCTS: usize = MAX_LIST;
/// Highest price the contract accepts, in 分 (100,000,000.00 元).
pub const MAX_PRICE: i64 = 10_000_000_000;
/// Where device files live under the API base once published.
pub const MEDIA_DIR: &str = "media/drafts";

/// What a composed item is: the three things a creator publishes before going live or after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ComposeKind {
    /// 图文: a gallery of images; the first is the cover.
    #[default]
    Note,
    /// 短视频: a video file with a poster image as its cover.
    Video,
    /// 直播预告: a live stream announced for a planned time (the contract's `scheduled` live item), with a
    /// cover image.
    Live,
}

/// A file picked from the device, as the form knows it. The bytes stay in the device's draft storage, keyed
/// by the draft and `name`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalFile {
    /// File name in the draft's media folder: a short id plus the extension of its type (`a3.jpg`).
    pub name: String,
    /// MIME type the browser reported.
    pub mime: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Width in pixels, measured by decoding it (0 for a video until measured).
    #[serde(default)]
    pub width: u32,
    /// Height in pixels.
    #[serde(default)]
    pub height: u32,
    /// A video's length in whole seconds (0 for images).
    #[serde(default)]
    pub duration_s: u32,
    /// The creator's description of an image, for screen readers (the title stands in when empty).
    #[serde(default)]
    pub alt: String,
    /// Where the file already is, for a draft loaded from JSON that names it by URL; `None` for a file kept on
    /// this device.
    #[serde(default)]
    pub url: Option<String>,
}

/// A product's coupon as typed: amounts in 元 as text (read by [`parse_price`]), times in the contract's
/// RFC 3339 (the form converts from the device's zone) or, when the input did not read, what was typed, so
/// the document check reports it at its field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponDraft {
    /// What the buyer types at the shop.
    #[serde(default)]
    pub code: String,
    /// A percentage off rather than an amount off.
    #[serde(default)]
    pub percent: bool,
    /// The amount off in 元, or the percentage, as typed.
    #[serde(default)]
    pub off: String,
    /// The least order value in 元 as typed; empty for none.
    #[serde(default)]
    pub min_spend: String,
    /// When it starts; empty for "from publication".
    #[serde(default)]
    pub starts_at: String,
    /// When it ends.
    #[serde(default)]
    pub ends_at: String,
}

impl CouponDraft {
    /// The form filled from a coupon in its wire form (a loaded document's, or one carried by an older draft).
    pub fn from_wire(v: &Value) -> Option<Self> {
        let m = v.as_object()?;
        let text = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let yuan = |k: &str| m.get(k).and_then(Value::as_i64).map(fen_text);
        let (percent, off) = match (m.get("percent_off").and_then(Value::as_u64), yuan("amount_off")) {
            (Some(n), _) => (true, n.to_string()),
            (None, off) => (false, off.unwrap_or_default()),
        };
        Some(Self {
            code: text("code"),
            percent,
            off,
            min_spend: yuan("min_spend").filter(|t| t != "0.00").unwrap_or_default(),
            starts_at: text("starts_at"),
            ends_at: text("ends_at"),
        })
    }

    /// The wire form, and the form's own problems (amounts that do not read) with their paths under `path`.
    fn to_wire(&self, path: &str, own: &mut Vec<Problem>) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("code".into(), Value::String(self.code.trim().to_uppercase()));
        let (key, read) = if self.percent {
            let typed = self.off.trim();
            let read = match typed.parse::<u32>() {
                Ok(n) => Ok(i64::from(n)),
                Err(_) if typed.is_empty() => Err(ProblemKind::Empty),
                Err(_) => Err(ProblemKind::WrongType { expected: "a number", found: "a string" }),
            };
            ("percent_off", read)
        } else {
            ("amount_off", parse_price(&self.off))
        };
        // An amount that does not read is the form's to report; the document gets a stand-in so its check
        // does not say "missing" about the same field as well.
        let amount = read.unwrap_or_else(|kind| {
            own_problem(own, path, key, kind);
            1
        });
        m.insert(key.into(), json!(amount));
        if !self.min_spend.trim().is_empty() {
            match parse_price(&self.min_spend) {
                Ok(n) => drop(m.insert("min_spend".into(), json!(n))),
                Err(kind) => own_problem(own, path, "min_spend", kind),
            }
        }
        if !self.starts_at.trim().is_empty() {
            m.insert("starts_at".into(), Value::String(self.starts_at.trim().into()));
        }
        if !self.ends_at.trim().is_empty() {
            m.insert("ends_at".into(), Value::String(self.ends_at.trim().into()));
        }
        Value::Object(m)
    }
}

fn own_problem(own: &mut Vec<Problem>, path: &str, key: &str, kind: ProblemKind) {
    own.push(Problem { path: format!("{path}.{key}"), kind });
}

/// An amount in 分 as 元 text with two decimals (`129.00`), as a price field shows it.
fn fen_text(amount: i64) -> String {
    // Amounts are never negative here (the contract's range is 0 to 10^10); `u64` keeps `i64` formatting out.
    let amount = amount.max(0) as u64;
    format!("{}.{:02}", amount / 100, amount % 100)
}

/// A product as typed: the price is the text in the field, read by [`parse_price`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDraft {
    /// Product title.
    pub title: String,
    /// Price in 元 as typed (`129`, `¥1,299.50`).
    pub price: String,
    /// Link to the product page.
    pub url: String,
    /// The product's id when it came from a loaded document (a new one is named after the draft).
    #[serde(default)]
    pub id: String,
    /// Its coupon, if it offers one.
    #[serde(default)]
    pub coupon: Option<CouponDraft>,
    /// What the form does not edit (a loaded product's image), written back unchanged.
    #[serde(default)]
    pub carried: serde_json::Map<String, Value>,
}

/// Where a publish of this draft stands; kept with the draft, so a reload or a crash mid-publish resumes with
/// the same idempotency key and the server applies it exactly once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum Publish {
    /// Queued or in flight; sent again with the same key and the same body until the server answers.
    Pending {
        /// The idempotency key of this publish.
        key: String,
        /// The document as it was when 发布 was pressed (with `key`), so every retry sends the same body even
        /// if the draft is edited meanwhile; empty in drafts stored before it was kept.
        #[serde(default)]
        body: String,
    },
    /// The server accepted it.
    Done {
        /// Unix seconds of the acceptance.
        at: i64,
    },
    /// The server refused it, with its reason as text (at most 200 characters).
    Rejected {
        /// The server's reason, or empty when it gave none.
        reason: String,
    },
}

/// One draft in the compose form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Compose {
    /// Draft id, also the published item's id.
    pub id: String,
    /// Last change, Unix milliseconds.
    pub updated_ms: i64,
    /// Note or video.
    #[serde(default)]
    pub kind: ComposeKind,
    /// Title as typed.
    #[serde(default)]
    pub title: String,
    /// Body text as typed.
    #[serde(default)]
    pub text: String,
    /// A note's images in order (the first is the cover).
    #[serde(default)]
    pub images: Vec<LocalFile>,
    /// A video's file.
    #[serde(default)]
    pub video: Option<LocalFile>,
    /// A video's poster image or a 直播预告's cover.
    #[serde(default)]
    pub poster: Option<LocalFile>,
    /// A 直播预告's planned start: RFC 3339 (the form converts from the device's zone), or what was typed when
    /// it did not read.
    #[serde(default)]
    pub starts_at: String,
    /// Topic ids from the index.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Products in order.
    #[serde(default)]
    pub products: Vec<ProductDraft>,
    /// The campaign joined, if any.
    #[serde(default)]
    pub campaign: Option<String>,
    /// Other creators credited for it (共同创作), at most [`MAX_CO_CREATORS`].
    #[serde(default)]
    pub co_creators: Vec<CreatorRef>,
    /// Publish state, once the creator pressed 发布.
    #[serde(default)]
    pub publish: Option<Publish>,
    /// Fields of a loaded document the form does not edit (its translations), written back
    /// unchanged so filling the form from a file loses nothing.
    #[serde(default)]
    pub carried: serde_json::Map<String, Value>,
}

/// The form's fields, for showing each problem next to the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The body text.
    Text,
    /// The images, cover or poster.
    Images,
    /// The video file.
    Video,
    /// A 直播预告's planned start.
    Schedule,
    /// The topics.
    Topics,
    /// Product `n` (0-based).
    Product(usize),
    /// The campaign.
    Campaign,
    /// The co-creators.
    CoCreators,
    /// Anything else (the creator summary, the id): shown in the summary only.
    Other,
}

/// Which field a problem path of an item document is about.
pub fn field_of(path: &str) -> Field {
    let rest = path.strip_prefix("item.").unwrap_or(path);
    let head = rest.split(['.', '[']).next().unwrap_or("");
    match head {
        "title" => Field::Title,
        "text" => Field::Text,
        "cover" => Field::Images,
        "media" if rest.starts_with("media.images") => Field::Images,
        "media" if rest.starts_with("media.started_at") => Field::Schedule,
        "media" => Field::Video,
        "topics" => Field::Topics,
        "campaign" => Field::Campaign,
        "co_creators" => Field::CoCreators,
        "products" => rest
            .strip_prefix("products[")
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse().ok())
            .map_or(Field::Other, Field::Product),
        _ => Field::Other,
    }
}

/// Reads a price typed in 元 (`129`, `129.5`, `¥1,299.50`, full-width digits and ￥ too) as 分. Refuses more
/// than two decimals, signs, letters and anything above [`MAX_PRICE`].
pub fn parse_price(typed: &str) -> Result<i64, ProblemKind> {
    let normal: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            other => other,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    let digits = normal.trim_start_matches(['¥', '￥']).trim();
    if digits.is_empty() {
        return Err(ProblemKind::Empty);
    }
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(frac) || frac.len() > 2 {
        return Err(ProblemKind::WrongType { expected: "a number", found: "a string" });
    }
    // Longer than the cap's digits is out of range, and must not overflow while being read.
    if whole.len() > 9 {
        return Err(ProblemKind::OutOfRange);
    }
    let yuan: i64 = whole.parse().map_err(|_| ProblemKind::OutOfRange)?;
    let fen: i64 = format!("{frac:0<2}").parse().map_err(|_| ProblemKind::OutOfRange)?;
    let amount = yuan * 100 + fen;
    if amount > MAX_PRICE {
        return Err(ProblemKind::OutOfRange);
    }
    Ok(amount)
}

/// The extension a draft file of `mime` is stored under, or `None` for a type the form does not take.
pub fn extension_of(mime: &str) -> Option<&'static str> {
    Some(match mime {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "image/gif" => "gif",
        "image/avif" => "avif",
        "video/mp4" => "mp4",
        "video/webm" => "webm",
        "video/quicktime" => "mov",
        _ => return None,
    })
}

/// What the form made of a draft: the item when it passes every check (for the preview), and every problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    /// The item as visitors would see it, when there are no problems.
    pub item: Option<Item>,
    /// Every problem, with its path in the item document.
    pub problems: Vec<Problem>,
}

impl Compose {
    /// A new empty draft.
    pub fn new(id: String, now_ms: i64) -> Self {
        Self { id, updated_ms: now_ms, ..Self::default() }
    }

    /// Every file of the draft, in the document's order.
    pub fn files(&self) -> impl Iterator<Item = &LocalFile> {
        self.images.iter().chain(self.video.iter()).chain(self.poster.iter())
    }

    /// Where one of this draft's files is: its URL, or for a device file its path relative to the API base.
    pub fn media_path(&self, file: &LocalFile) -> String {
        file.url.clone().unwrap_or_else(|| format!("{MEDIA_DIR}/{}/{}", self.id, file.name))
    }

    /// The form filled from a valid loaded item (a JSON draft): its files by URL, prices as typed text, and what
    /// the form does not edit carried along.
    pub fn from_item(item: &Item, now_ms: i64) -> Self {
        // Files already online keep their URL; the name only tells them apart in the form.
        let mut n = 0;
        let mut by_url = |img: &super::item::Image| LocalFile {
            name: {
                n += 1;
                format!("u{n}")
            },
            width: img.width,
            height: img.height,
            alt: img.alt.clone(),
            url: Some(img.url.clone()),
            ..LocalFile::default()
        };
        let mut draft =
            Compose { title: item.title.clone(), text: item.text.clone(), ..Compose::new(item.id.clone(), now_ms) };
        match &item.media {
            Media::Note { images } if images.is_empty() => draft.images = vec![by_url(&item.cover)],
            Media::Note { images } => draft.images = images.iter().map(by_url).collect(),
            Media::Video { url, duration_s } => {
                draft.kind = ComposeKind::Video;
                draft.video =
                    Some(LocalFile { duration_s: *duration_s, url: Some(url.clone()), ..LocalFile::default() });
                draft.poster = Some(by_url(&item.cover));
            }
            Media::Live { status: LiveStatus::Scheduled, started_at, .. } => {
                draft.kind = ComposeKind::Live;
                draft.starts_at = started_at.clone();
                draft.poster = Some(by_url(&item.cover));
            }
            // A stream that is on or over is not composed here; its cover keeps the draft previewable as a note.
            Media::Live { .. } => draft.images = vec![by_url(&item.cover)],
        }
        draft.topics = item.topics.clone();
        draft.products = item
            .products
            .iter()
            .map(|p| {
                let mut carried = serde_json::Map::new();
                if let Some(image) = &p.image {
                    carried.insert("image".into(), Value::String(image.clone()));
                }
                let coupon = p.coupon.as_ref().and_then(|c| CouponDraft::from_wire(&serde_json::to_value(c).ok()?));
                ProductDraft {
                    title: p.title.clone(),
                    price: fen_text(p.price.amount),
                    url: p.url.clone(),
                    id: p.id.clone(),
                    coupon,
                    carried,
                }
            })
            .collect();
        draft.campaign = item.campaign.clone();
        if !item.translations.is_empty() {
            if let Ok(v) = serde_json::to_value(&item.translations) {
                draft.carried.insert("translations".into(), v);
            }
        }
        draft.co_creators = item.co_creators.clone();
        draft
    }

    /// Moves what drafts stored before the form edited it (co-creators, a product's coupon) out of the carried
    /// fields into the form, so nothing a creator had is lost or written twice.
    pub fn upgrade(&mut self) {
        if let Some(v) = self.carried.remove("co_creators") {
            if self.co_creators.is_empty() {
                self.co_creators = serde_json::from_value(v).unwrap_or_default();
            }
        }
        for p in &mut self.products {
            if let Some(v) = p.carried.remove("coupon") {
                if p.coupon.is_none() {
                    p.coupon = CouponDraft::from_wire(&v);
                }
            }
        }
    }

    /// The item document this draft stands for, as the API would serve it. `published_at` is `now` (Unix
    /// seconds); a price the form cannot read is written as 0 and reported by [`Compose::check`].
    pub fn to_document(&self, creator: &CreatorRef, now: i64) -> Value {
        self.document(creator, now, &mut Vec::new())
    }

    /// [`Compose::to_document`], collecting what only the form can tell (an amount that does not read) in `own`.
    fn document(&self, creator: &CreatorRef, now: i64, own: &mut Vec<Problem>) -> Value {
        let alt = |f: &LocalFile| if f.alt.trim().is_empty() { self.title.clone() } else { f.alt.clone() };
        let image =
            |f: &LocalFile| json!({ "url": self.media_path(f), "width": f.width, "height": f.height, "alt": alt(f) });
        let (media, cover) = match self.kind {
            ComposeKind::Note => {
                (json!({ "images": self.images.iter().map(image).collect::<Vec<_>>() }), self.images.first())
            }
            ComposeKind::Video => {
                let (url, duration) =
                    self.video.as_ref().map_or((String::new(), 0), |v| (self.media_path(v), v.duration_s));
                (json!({ "url": url, "duration_s": duration }), self.poster.as_ref())
            }
            ComposeKind::Live => (
                json!({ "viewers": 0, "started_at": self.starts_at.trim(), "status": "scheduled" }),
                self.poster.as_ref(),
            ),
        };
        let cover = cover.map_or_else(|| json!({ "url": "", "width": 0, "height": 0, "alt": "" }), image);
        let products: Vec<Value> = self
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let id = if p.id.is_empty() { format!("{}-p{}", self.id, i + 1) } else { p.id.clone() };
                let mut product = json!({
                    "id": id,
                    "title": p.title,
                    "price": { "amount": parse_price(&p.price).unwrap_or(0), "currency": "CNY" },
                    "url": p.url.trim(),
                });
                if let Some(c) = &p.coupon {
                    product["coupon"] = c.to_wire(&format!("item.products[{i}].coupon"), own);
                }
                if let Value::Object(fields) = &mut product {
                    for (k, v) in &p.carried {
                        fields.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
                product
            })
            .collect();
        let mut creator_json = json!({ "id": creator.id, "name": creator.name, "avatar": creator.avatar });
        if creator.verified {
            creator_json["verified"] = Value::Bool(true);
        }
        let mut item = json!({
            "id": self.id,
            "kind": match self.kind {
                ComposeKind::Note => "note",
                ComposeKind::Video => "video",
                ComposeKind::Live => "live",
            },
            "media": media,
            "title": self.title,
            "text": self.text,
            "cover": cover,
            "creator": creator_json,
            "topics": self.topics,
            "products": products,
            "published_at": format_rfc3339(now),
        });
        if let Some(c) = &self.campaign {
            item["campaign"] = Value::String(c.clone());
        }
        if !self.co_creators.is_empty() {
            item["co_creators"] = Value::Array(
                self.co_creators
                    .iter()
                    .map(|c| {
                        let mut one = json!({ "id": c.id, "name": c.name, "avatar": c.avatar });
                        if c.verified {
                            one["verified"] = Value::Bool(true);
                        }
                        one
                    })
                    .collect(),
            );
        }
        if let Value::Object(fields) = &mut item {
            for (k, v) in &self.carried {
                fields.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        json!({ "version": 1, "item": item })
    }

    /// Checks the draft with the contract's rules (the ones a loaded JSON draft and the feed apply), plus what
    /// only a form can get wrong: a price that is not a number, a missing image or video, a file too large.
    pub fn check(&self, creator: &CreatorRef, base: &ApiBase, now: i64) -> Checked {
        let mut own = Vec::new();
        let mut add = |path: String, kind| own.push(Problem { path, kind });
        for (i, p) in self.products.iter().enumerate() {
            if let Err(kind) = parse_price(&p.price) {
                add(format!("item.products[{i}].price.amount"), kind);
            }
        }
        let (no_file, no_cover) = match self.kind {
            ComposeKind::Note => (false, self.images.is_empty()),
            ComposeKind::Video => (self.video.is_none(), self.poster.is_none()),
            ComposeKind::Live => (false, self.poster.is_none()),
        };
        if self.kind == ComposeKind::Live {
            match parse_rfc3339(self.starts_at.trim()) {
                _ if self.starts_at.trim().is_empty() => add("item.media.started_at".into(), ProblemKind::Missing),
                // An announcement is of something to come.
                Some(ts) if ts <= now => add("item.media.started_at".into(), ProblemKind::OutOfRange),
                _ => {}
            }
        }
        if no_file {
            add("item.media.url".into(), ProblemKind::Missing);
        }
        if no_cover {
            add("item.cover".into(), ProblemKind::Missing);
        }
        if self.images.len() > MAX_IMAGES {
            add("item.media.images".into(), ProblemKind::TooLong { max: MAX_IMAGES });
        }
        if self.products.len() > MAX_PRODUCTS {
            add("item.products".into(), ProblemKind::TooLong { max: MAX_PRODUCTS });
        }
        if self.co_creators.len() > MAX_CO_CREATORS {
            add("item.co_creators".into(), ProblemKind::TooLong { max: MAX_CO_CREATORS });
        }
        let sized =
            self.images.iter().enumerate().map(|(i, f)| (format!("item.media.images[{i}]"), f, MAX_IMAGE_BYTES));
        let sized = sized
            .chain(self.video.iter().map(|f| ("item.media.url".to_string(), f, MAX_VIDEO_BYTES)))
            .chain(self.poster.iter().map(|f| ("item.cover".to_string(), f, MAX_IMAGE_BYTES)));
        for (path, f, max) in sized {
            if f.bytes > max {
                add(path, ProblemKind::TooLarge { bytes: f.bytes as usize, max: max as usize });
            }
        }
        if !is_valid_id(&self.id) {
            add("item.id".into(), ProblemKind::BadId);
        }
        let doc = self.document(creator, now, &mut own).to_string();
        let mut checked = match validate_draft(&doc, base) {
            Ok(Draft::Item(item)) => Checked { item: Some(item), problems: Vec::new() },
            Ok(Draft::Creator(_)) => {
                Checked { item: None, problems: vec![Problem { path: "$".into(), kind: ProblemKind::NotADraft }] }
            }
            Err(problems) => Checked { item: None, problems },
        };
        // The form's own finding is the clearer one where both speak of a field (a missing cover, not its
        // empty URL and zero size).
        checked.problems.retain(|p| {
            !own.iter()
                .any(|o| o.path == p.path || (field_of(&o.path) == field_of(&p.path) && is_echo(&o.kind, &p.kind)))
        });
        if !own.is_empty() {
            checked.item = None;
            own.append(&mut checked.problems);
            checked.problems = own;
        }
        checked
    }
}

/// Whether the document's problem `found` only repeats the form's own `own` (a missing file shows up in the
/// document as an empty URL and a zero size; an unreadable price as an amount of 0).
fn is_echo(own: &ProblemKind, found: &ProblemKind) -> bool {
    matches!(own, ProblemKind::Missing)
        && matches!(found, ProblemKind::BadUrl(_) | ProblemKind::OutOfRange | ProblemKind::Empty)
}

#[cfg(test)]
#[path = "compose_tests.rs"]
mod tests;
