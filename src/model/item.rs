//! The content item of contract v1: a note (图文), a video (短视频) or a live stream (直播), with products
//! attached. The same structs are the wire format and the in-app model; `validate` turns a freshly
//! deserialised item into one the app may render (URLs resolved and checked, text cleaned, sizes bounded).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::coupon::Coupon;
use super::draft::type_name;
use super::embedding::Embedding;
use super::problem::{ProblemKind, Problems};
use super::text::{clean_text, is_valid_id};
use super::time::parse_rfc3339;
use super::url::ApiBase;

/// Longest title, in characters. Longer titles mean a broken or hostile source, so the item is refused.
pub const MAX_TITLE: usize = 200;
/// Longest body text, in characters.
pub const MAX_TEXT: usize = 10_000;
/// Longest alt text, creator name or product title, in characters.
pub const MAX_SHORT: usize = 300;
/// Most products, images or topics on one item.
pub const MAX_LIST: usize = 20;
/// Most co-creators credited on one item.
pub const MAX_CO_CREATORS: usize = 5;
/// Locales that translations may be given for.
pub const LOCALES: [&str; 2] = ["zh-CN", "en"];

/// An image with its intrinsic size, so the feed can reserve its box before it loads (no layout shift).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// http(s) or API-relative URL; absolute after validation.
    pub url: String,
    /// Intrinsic width in pixels.
    pub width: u32,
    /// Intrinsic height in pixels.
    pub height: u32,
    /// Text alternative for screen readers.
    #[serde(default)]
    pub alt: String,
}

impl Image {
    /// Height over width, clamped to the range the feed shows (3:4 landscape to 4:3 portrait... and a bit),
    /// so one extreme image cannot make a card absurdly tall or flat.
    pub fn display_ratio(&self) -> f64 {
        (f64::from(self.height) / f64::from(self.width.max(1))).clamp(0.75, 1.4)
    }

    fn validate(&mut self, base: &ApiBase, path: &str, p: &mut Problems) {
        resolve_into(&mut self.url, base, &format!("{path}.url"), p);
        if !(1..=20_000).contains(&self.width) {
            p.add(format!("{path}.width"), ProblemKind::OutOfRange);
        }
        if !(1..=20_000).contains(&self.height) {
            p.add(format!("{path}.height"), ProblemKind::OutOfRange);
        }
        bounded_text(&mut self.alt, MAX_SHORT, false, &format!("{path}.alt"), p);
    }
}

/// Enough of the creator to draw a card without another request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatorRef {
    /// Creator id; `creators/{id}.json` is the creator document.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Avatar image URL.
    pub avatar: String,
    /// Platform-verified account.
    #[serde(default)]
    pub verified: bool,
    /// Ids of the creators this one works with (the `collabs` of their creator document), so the ranker can
    /// tell "a collaborator of someone you follow" without fetching creator documents. Bad ids are dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collabs: Vec<String>,
}

impl CreatorRef {
    /// The summary of `creator` that an item carries as a co-creator: who they are, not whom they work with.
    /// One place, so the studio and the demo pack cannot drift apart on which fields a credit keeps.
    pub fn of(creator: &super::creator::Creator) -> Self {
        Self {
            id: creator.id.clone(),
            name: creator.name.clone(),
            avatar: creator.avatar.clone(),
            verified: creator.verified,
            collabs: Vec::new(),
        }
    }

    pub(crate) fn validate(&mut self, base: &ApiBase, path: &str, p: &mut Problems) {
        check_id(&self.id, &format!("{path}.id"), p);
        bounded_text(&mut self.name, MAX_SHORT, true, &format!("{path}.name"), p);
        resolve_into(&mut self.avatar, base, &format!("{path}.avatar"), p);
        let own = self.id.clone();
        cut_to(&mut self.collabs, super::creator::MAX_COLLABS, &format!("{path}.collabs"), p);
        let mut i = 0;
        self.collabs.retain(|id| {
            let keep = *id != own && is_valid_id(id);
            if !keep {
                p.note(format!("{path}.collabs[{i}]"), ProblemKind::BadId);
            }
            i += 1;
            keep
        });
    }
}

/// A price in minor units (分 for CNY) so no float ever rounds a price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// Amount in the currency's minor unit.
    pub amount: i64,
    /// ISO 4217 code, e.g. `CNY`.
    pub currency: String,
}

/// A product attached to an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// Product id.
    pub id: String,
    /// Product name.
    pub title: String,
    /// Current price.
    pub price: Price,
    /// Shop page; http(s) only.
    pub url: String,
    /// Product image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// A coupon for this product, as sent; `None` when absent or dropped. Read only by
    /// [`Item::from_value`], by hand ([`Coupon::read`]): a bad coupon costs only itself, never the item.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub coupon: Option<Coupon>,
}

/// Public engagement counters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Likes.
    #[serde(default)]
    pub likes: u64,
    /// Comments.
    #[serde(default)]
    pub comments: u64,
    /// Shares.
    #[serde(default)]
    pub shares: u64,
    /// Views.
    #[serde(default)]
    pub views: u64,
}

/// Title and text in another locale, provided by the creator or the platform.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Translation {
    /// Translated title; empty means "use the original".
    #[serde(default)]
    pub title: String,
    /// Translated body text.
    #[serde(default)]
    pub text: String,
}

/// Where a live stream is in its life: announced, on now, or over. Only [`LiveStatus::Live`] counts as "on
/// now" ([`Item::is_live_now`]), so an announcement never gets a live stream's badge or ranking boost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LiveStatus {
    /// 直播预告: announced for later. `started_at` is the planned start and `viewers` the number of people
    /// who booked a reminder (0 when the server does not count them). A document may still say scheduled
    /// after the planned time (the stream has not gone on air yet): the app then says it is about to start.
    Scheduled,
    /// Broadcasting now.
    Live,
    /// Finished.
    Ended,
}

/// The kind-specific part of an item, tagged by the item's `kind` field with its details in `media`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "media", rename_all = "lowercase")]
pub enum Media {
    /// 图文: a gallery of images (the cover is shown when the list is empty).
    Note {
        /// Gallery images in order.
        #[serde(default)]
        images: Vec<Image>,
    },
    /// 短视频: a playable clip.
    Video {
        /// Video file URL.
        url: String,
        /// Length in seconds.
        duration_s: u32,
    },
    /// 直播: a live stream, or one announced for later (直播预告).
    Live {
        /// Current (or final) viewer count; for a scheduled stream, how many booked a reminder.
        viewers: u64,
        /// When the stream started (RFC 3339); for a scheduled stream, when it is planned to start.
        started_at: String,
        /// Scheduled, on now, or ended.
        status: LiveStatus,
    },
}

/// The three kinds, for ranking and badges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 图文.
    Note,
    /// 短视频.
    Video,
    /// 直播.
    Live,
}

/// One content item, valid once [`Item::validate`] returned no problems.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Item id; `items/{id}.json` is its document.
    pub id: String,
    /// Kind and kind-specific details.
    #[serde(flatten)]
    pub media: Media,
    /// Title in the creator's language.
    pub title: String,
    /// Body text; plain text with newlines.
    #[serde(default)]
    pub text: String,
    /// Translations keyed by locale (`en`, `zh-CN`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
    /// Feed cover with its intrinsic size.
    pub cover: Image,
    /// Who made it.
    pub creator: CreatorRef,
    /// Other creators credited for it (共同创作), shown on the item page; visits through a credit count as
    /// `collab` traffic. A bad credit is dropped with a note, never the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_creators: Vec<CreatorRef>,
    /// Topic ids (channel ids of the index document).
    #[serde(default)]
    pub topics: Vec<String>,
    /// Products attached, first one shown on the card.
    #[serde(default)]
    pub products: Vec<Product>,
    /// Campaign id from `campaigns.json`, when the item takes part in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// Publication time (RFC 3339).
    pub published_at: String,
    /// Engagement counters.
    #[serde(default)]
    pub stats: Stats,
    /// The server's own ranking score, if it has one (higher is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The server's embedding of the item (learned from its logs), as sent; `None` when absent or dropped.
    /// Written by serde but read only by [`Item::from_value`], by hand: an embedding of the wrong shape must
    /// cost only itself, never the item, and serde would refuse the whole item for it.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub embedding: Option<Embedding>,
    /// `embedding` decoded, filled in by validation (16 to 32 components); shared with every candidate the
    /// ranker builds from the item, so re-ranking copies no vectors.
    #[serde(skip)]
    pub vector: Option<Arc<[f32]>>,
    /// `published_at` as Unix seconds, filled in by validation.
    #[serde(skip)]
    pub published_ts: i64,
    /// Hashes of the item's ids for the ranker, filled in by validation ([`super::keys`]).
    #[serde(skip)]
    pub keys: Option<super::keys::Keys>,
}

impl Item {
    /// Reads an item from its JSON. The `embedding` is taken out and read by hand, so one of the wrong shape
    /// (a number, a `q` that is not a string, ...) is dropped with a note under `{path}.embedding` and the
    /// item is read without it. Every document, draft and saved item is read through here.
    pub fn from_value(mut value: Value, path: &str, p: &mut Problems) -> Result<Item, serde_json::Error> {
        let raw = value.as_object_mut().and_then(|m| m.remove("embedding"));
        // Coupons likewise: taken out of their products, read by hand, and dropped with notes when bad.
        let coupons: Vec<(usize, Value)> = match value.get_mut("products").and_then(Value::as_array_mut) {
            Some(products) => products
                .iter_mut()
                .enumerate()
                .filter_map(|(i, prod)| Some((i, prod.as_object_mut()?.remove("coupon")?)))
                .filter(|(_, c)| !c.is_null())
                .collect(),
            None => Vec::new(),
        };
        let mut item = Item::deserialize(value)?;
        for (i, raw) in coupons {
            let mut found = Problems::default();
            let coupon = Coupon::read(&raw, &format!("{path}.products[{i}].coupon"), &mut found);
            for problem in found.into_vec() {
                p.note(problem.path, problem.kind);
            }
            if let Some(prod) = item.products.get_mut(i) {
                prod.coupon = coupon;
            }
        }
        if let Some(raw) = raw {
            match wire_embedding(raw) {
                Ok(e) => item.embedding = e,
                Err((at, kind)) => p.note(format!("{path}.embedding{at}"), kind),
            }
        }
        Ok(item)
    }

    /// The item's kind.
    pub fn kind(&self) -> Kind {
        match self.media {
            Media::Note { .. } => Kind::Note,
            Media::Video { .. } => Kind::Video,
            Media::Live { .. } => Kind::Live,
        }
    }

    /// Title in `locale`, falling back to the original.
    pub fn title_in(&self, locale: &str) -> &str {
        match self.translations.get(locale) {
            Some(t) if !t.title.is_empty() => &t.title,
            _ => &self.title,
        }
    }

    /// Body text in `locale`, falling back to the original.
    pub fn text_in(&self, locale: &str) -> &str {
        match self.translations.get(locale) {
            Some(t) if !t.text.is_empty() => &t.text,
            _ => &self.text,
        }
    }

    /// Whether this is a stream that is on air now: neither a scheduled one (even past its planned start)
    /// nor an ended one, so neither is badged or boosted as live.
    pub fn is_live_now(&self) -> bool {
        matches!(self.media, Media::Live { status: LiveStatus::Live, .. })
    }

    /// Checks and normalises the item in place: resolves every URL against `base`, cleans text, and records
    /// every problem under `path`. The item may be rendered only if nothing was recorded. Idempotent, so an
    /// item read back from local storage can be validated again.
    pub fn validate(&mut self, base: &ApiBase, path: &str, p: &mut Problems) {
        check_id(&self.id, &format!("{path}.id"), p);
        bounded_text(&mut self.title, MAX_TITLE, true, &format!("{path}.title"), p);
        bounded_text(&mut self.text, MAX_TEXT, false, &format!("{path}.text"), p);
        self.translations.retain(|k, _| LOCALES.contains(&k.as_str()));
        for (locale, t) in self.translations.iter_mut() {
            bounded_text(&mut t.title, MAX_TITLE, false, &format!("{path}.translations.{locale}.title"), p);
            bounded_text(&mut t.text, MAX_TEXT, false, &format!("{path}.translations.{locale}.text"), p);
        }
        self.cover.validate(base, &format!("{path}.cover"), p);
        self.creator.validate(base, &format!("{path}.creator"), p);
        let mut credited = vec![self.creator.id.clone()];
        keep_valid(&mut self.co_creators, MAX_CO_CREATORS, &format!("{path}.co_creators"), p, |c, at, found| {
            c.collabs.clear();
            c.validate(base, at, found);
            if credited.contains(&c.id) {
                found.add(format!("{at}.id"), ProblemKind::OutOfRange);
            }
            if found.is_empty() {
                credited.push(c.id.clone());
            }
        });
        bounded_list(&self.topics, &format!("{path}.topics"), p);
        for (i, t) in self.topics.iter().enumerate() {
            check_id(t, &format!("{path}.topics[{i}]"), p);
        }
        bounded_list(&self.products, &format!("{path}.products"), p);
        for (i, prod) in self.products.iter_mut().enumerate() {
            let pp = format!("{path}.products[{i}]");
            check_id(&prod.id, &format!("{pp}.id"), p);
            bounded_text(&mut prod.title, MAX_SHORT, true, &format!("{pp}.title"), p);
            if !(0..=10_000_000_000).contains(&prod.price.amount) {
                p.add(format!("{pp}.price.amount"), ProblemKind::OutOfRange);
            }
            if prod.price.currency.len() != 3 || !prod.price.currency.bytes().all(|b| b.is_ascii_uppercase()) {
                p.add(format!("{pp}.price.currency"), ProblemKind::OutOfRange);
            }
            resolve_into(&mut prod.url, base, &format!("{pp}.url"), p);
            if let Some(img) = prod.image.as_mut() {
                resolve_into(img, base, &format!("{pp}.image"), p);
            }
        }
        if let Some(c) = &self.campaign {
            check_id(c, &format!("{path}.campaign"), p);
        }
        match parse_rfc3339(&self.published_at) {
            Some(ts) => self.published_ts = ts,
            None => p.add(format!("{path}.published_at"), ProblemKind::BadTime),
        }
        if self.score.is_some_and(|s| !s.is_finite()) {
            p.add(format!("{path}.score"), ProblemKind::OutOfRange);
        }
        self.keys = Some(super::keys::Keys::of(&self.id, &self.creator.id, &self.topics, self.campaign.as_deref()));
        // An embedding is optional: a bad one is dropped (both fields, so validating again changes nothing)
        // with a note, and the item stays.
        self.vector = None;
        if let Some(e) = &self.embedding {
            match e.decode(None) {
                Ok(v) => self.vector = Some(v.into()),
                Err(kind) => {
                    let at = if matches!(kind, ProblemKind::OutOfRange) { "scale" } else { "q" };
                    p.note(format!("{path}.embedding.{at}"), kind);
                    self.embedding = None;
                }
            }
        }
        match &mut self.media {
            Media::Note { images } => {
                bounded_list(images, &format!("{path}.media.images"), p);
                for (i, img) in images.iter_mut().enumerate() {
                    img.validate(base, &format!("{path}.media.images[{i}]"), p);
                }
            }
            Media::Video { url, duration_s } => {
                resolve_into(url, base, &format!("{path}.media.url"), p);
                if *duration_s == 0 || *duration_s > 86_400 {
                    p.add(format!("{path}.media.duration_s"), ProblemKind::OutOfRange);
                }
            }
            Media::Live { started_at, .. } => {
                if parse_rfc3339(started_at).is_none() {
                    p.add(format!("{path}.media.started_at"), ProblemKind::BadTime);
                }
            }
        }
    }
}

/// The wire shape of an embedding, `null` or `{"scale": number, "q": string}` (other keys ignored), or the
/// sub-path (`""`, `.scale`, `.q`) and what is wrong there. Decoding and bounds are [`Embedding::decode`]'s.
fn wire_embedding(raw: Value) -> Result<Option<Embedding>, (&'static str, ProblemKind)> {
    let mut m = match raw {
        Value::Null => return Ok(None),
        Value::Object(m) => m,
        other => return Err(("", ProblemKind::WrongType { expected: "an object", found: type_name(&other) })),
    };
    let scale = match m.get("scale") {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(f64::NAN),
        Some(v) => return Err((".scale", ProblemKind::WrongType { expected: "a number", found: type_name(v) })),
        None => return Err((".scale", ProblemKind::Missing)),
    };
    match m.remove("q") {
        Some(Value::String(q)) => Ok(Some(Embedding { scale, q })),
        Some(v) => Err((".q", ProblemKind::WrongType { expected: "a string", found: type_name(&v) })),
        None => Err((".q", ProblemKind::Missing)),
    }
}

/// Keeps the entries of an optional list that `check` finds nothing wrong with, each checked at `path[i]`
/// into problems of its own; a bad entry is dropped with notes (logged by a feed, reported by a draft), so it
/// costs only itself and never the document around it. A list longer than `max` is cut first, with one note,
/// so a hostile one costs no more than a full one.
pub(crate) fn keep_valid<T>(
    list: &mut Vec<T>,
    max: usize,
    path: &str,
    p: &mut Problems,
    mut check: impl FnMut(&mut T, &str, &mut Problems),
) {
    cut_to(list, max, path, p);
    let mut i = 0;
    list.retain_mut(|entry| {
        i += 1;
        entry_ok(path, i - 1, p, &mut |at, found| check(entry, at, found))
    });
}

/// The part of [`keep_valid`] that does not depend on the entry's type, shared by every list it keeps (so
/// each does not carry a copy in the wasm): checks entry `i` at `path[i]` and moves its problems into `p`.
fn entry_ok(path: &str, i: usize, p: &mut Problems, check: &mut dyn FnMut(&str, &mut Problems)) -> bool {
    let mut found = Problems::default();
    check(&format!("{path}[{i}]"), &mut found);
    let keep = found.is_empty();
    for problem in found.into_vec() {
        p.note(problem.path, problem.kind);
    }
    keep
}

/// Cuts an optional list to `max` entries, noting it once at `path`.
pub(crate) fn cut_to<T>(list: &mut Vec<T>, max: usize, path: &str, p: &mut Problems) {
    if list.len() > max {
        list.truncate(max);
        p.note(path, ProblemKind::TooLong { max });
    }
}

pub(crate) fn check_id(id: &str, path: &str, p: &mut Problems) {
    if !is_valid_id(id) {
        p.add(path, ProblemKind::BadId);
    }
}

pub(crate) fn bounded_text(s: &mut String, max: usize, required: bool, path: &str, p: &mut Problems) {
    let cleaned = clean_text(s);
    if required && cleaned.is_empty() {
        p.add(path, ProblemKind::Empty);
    }
    if cleaned.chars().count() > max {
        p.add(path, ProblemKind::TooLong { max });
    }
    *s = cleaned;
}

pub(crate) fn bounded_list<T>(list: &[T], path: &str, p: &mut Problems) {
    if list.len() > MAX_LIST {
        p.add(path, ProblemKind::TooLong { max: MAX_LIST });
    }
}

pub(crate) fn resolve_into(url: &mut String, base: &ApiBase, path: &str, p: &mut Problems) {
    match base.resolve(url) {
        Ok(resolved) => *url = resolved,
        Err(e) => p.add(path, ProblemKind::BadUrl(e)),
    }
}

impl From<&super::creator::Collab> for CreatorRef {
    /// A collaborator named on a creator's page, as a co-creator credit the studio offers.
    fn from(c: &super::creator::Collab) -> Self {
        Self {
            id: c.id.clone(),
            name: c.name.clone(),
            avatar: c.avatar.clone(),
            verified: c.verified,
            collabs: Vec::new(),
        }
    }
}
