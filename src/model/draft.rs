//! Drafts for the creator preview studio: a new item or a profile edit, loaded as JSON and checked against
//! contract v1 with *every* problem listed (field path and what is wrong), never only serde's first error and
//! never a panic, so a creator can fix a whole draft in one pass.
//!
//! Three passes: the size cap and JSON syntax (with the parser's line and column); a structural walk over the
//! untyped JSON that mirrors the serde shape of [`Item`] and [`Creator`] (missing fields, wrong types and
//! unknown enum values at every nested path); and, only when that structure is sound, typed deserialisation
//! plus the same semantic validation the feed applies (URL policy, ids, lengths, times), so a draft that
//! passes here renders exactly as it would from the API.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::coupon::Coupon;
use super::creator::Creator;
use super::documents::{CONTRACT_VERSION, MAX_DOC_BYTES};
use super::item::Item;
use super::problem::{Problem, ProblemKind, Problems};
use super::text::clean_text;
use super::url::ApiBase;

/// Most problems listed for one draft. A hostile or badly broken draft can have one problem per value; the
/// list stops here and ends with a [`ProblemKind::More`] entry, so the UI stays readable and small.
pub const MAX_PROBLEMS: usize = 100;

/// Longest map key shown in a problem path, in characters; longer keys are cut with `…` so one hostile key
/// cannot make every line of the problem list unreadable.
const MAX_KEY_IN_PATH: usize = 40;

/// The item kinds of contract v1 (the `kind` tag of [`super::item::Media`]).
const KINDS: &[&str] = &["note", "video", "live"];
/// The live stream states of contract v1.
const LIVE_STATUSES: &[&str] = &["scheduled", "live", "ended"];
/// Root keys only a bare item has (a creator envelope has `version` and `creator` instead).
const ITEM_KEYS: [&str; 6] = ["cover", "kind", "media", "title", "published_at", "products"];
/// The keys of a creator's `traffic` object.
const TRAFFIC_KEYS: [&str; 9] =
    ["recommend", "following", "profile", "share", "campaign", "external", "embed", "direct", "collab"];

/// The keys of a creator's `share_by_level` object (the fan levels, lowest first).
const SHARE_LEVEL_KEYS: [&str; 4] = ["passerby", "fan", "loyal", "super"];

/// A draft that passed every check, with URLs resolved and text cleaned, ready for the preview.
// One draft at a time, never in a collection: the larger variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Draft {
    /// A new item (note, video or live stream), previewed as its card and item page.
    Item(Item),
    /// A profile edit, previewed as the creator page.
    Creator(Creator),
}

/// Checks a draft for the creator preview studio and returns it, or every problem found.
///
/// Accepts an item document `{"version": 1, "item": {…}}`, a creator document `{"version": 1, "creator":
/// {…}}`, or a bare item or creator object. A bare object is an item when it has an item-only field (`cover`,
/// `kind`, `media`, `title`, `published_at`, `products`) and a creator when it has `avatar` or `name` (and no
/// `creator` wrapper). Problem paths start at `item` or `creator` in every form (`item.products[2].price`),
/// `version` for the envelope and `$` for the document as a whole.
pub fn validate_draft(json: &str, base: &ApiBase) -> Result<Draft, Vec<Problem>> {
    if json.len() > MAX_DOC_BYTES {
        let kind = ProblemKind::TooLarge { bytes: json.len(), max: MAX_DOC_BYTES };
        return Err(vec![Problem { path: "$".into(), kind }]);
    }
    // Editors on some systems save a byte order mark; it is not a mistake worth reporting.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value: Value = serde_json::from_str(json).map_err(|e| vec![json_problem(&e)])?;
    let mut sink = Sink::default();
    let Some(root) = value.as_object() else {
        sink.wrong("$", "an object", &value);
        return Err(sink.finish());
    };
    let Some((form, body, envelope)) = detect(&value, root) else {
        sink.add("$", ProblemKind::NotADraft);
        return Err(sink.finish());
    };
    if envelope {
        check_version(root, &mut sink);
    }
    let path = form.path();
    let before = sink.total();
    match form {
        Form::Item => walk_item(body, path, &mut sink),
        Form::Creator => walk_creator(body, path, &mut sink),
    }
    if sink.total() > before {
        return Err(sink.finish());
    }
    let mut p = Problems::default();
    // From an owned copy: the app reads every other document from an owned `Value`, and reading this one by
    // reference too would put a second copy of every model type's deserializer in the wasm (9.7 KB gzip).
    let body = body.clone();
    let typed = match form {
        // An item's embedding is read by hand and a bad one only dropped, as in a feed (the walk skips it).
        Form::Item => Item::from_value(body, path, &mut p).map(|mut item| {
            item.validate(base, path, &mut p);
            Draft::Item(item)
        }),
        Form::Creator => Creator::deserialize(body).map(|mut creator| {
            creator.validate(base, path, &mut p);
            Draft::Creator(creator)
        }),
    };
    match typed {
        Ok(draft) => {
            // What a feed would drop with a note (a bad credit or collaborator), a draft must fix; except the
            // embedding, which the server computes and a creator never writes.
            let (problems, notes) = p.into_parts();
            let fixable = notes.into_iter().filter(|n| !n.path.contains(".embedding"));
            for problem in problems.into_iter().chain(fixable) {
                sink.add(problem.path, problem.kind);
            }
            if sink.total() == 0 {
                return Ok(draft);
            }
        }
        // The walk mirrors the serde shape, so this is a safety net: serde's own message, never a panic.
        Err(e) => sink.add(path, ProblemKind::Shape(e.to_string())),
    }
    Err(sink.finish())
}

/// Which document a draft is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Form {
    Item,
    Creator,
}

impl Form {
    fn path(self) -> &'static str {
        match self {
            Form::Item => "item",
            Form::Creator => "creator",
        }
    }
}

/// Finds the form of a draft: its kind, the object to check, and whether it is a `{version, …}` envelope.
fn detect<'v>(value: &'v Value, root: &'v Map<String, Value>) -> Option<(Form, &'v Value, bool)> {
    if let Some(body) = root.get("item") {
        return Some((Form::Item, body, true));
    }
    if ITEM_KEYS.iter().any(|k| root.contains_key(*k)) {
        return Some((Form::Item, value, false));
    }
    if let Some(body) = root.get("creator") {
        return Some((Form::Creator, body, true));
    }
    if root.contains_key("avatar") || root.contains_key("name") {
        return Some((Form::Creator, value, false));
    }
    None
}

fn check_version(root: &Map<String, Value>, s: &mut Sink) {
    match root.get("version") {
        None => s.add("version", ProblemKind::Missing),
        Some(v) => {
            if let Some(n) = want_uint(v, "version", u64::MAX, s) {
                if n != CONTRACT_VERSION {
                    s.add("version", ProblemKind::UnsupportedVersion(n));
                }
            }
        }
    }
}

/// One problem at `$` with the parser's position and its message without the position.
fn json_problem(e: &serde_json::Error) -> Problem {
    let (line, column) = (e.line(), e.column());
    let full = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    Problem { path: "$".into(), kind: ProblemKind::InvalidJson { line, column, message } }
}

/// Collects problems up to [`MAX_PROBLEMS`], counting the rest.
#[derive(Default)]
struct Sink {
    list: Vec<Problem>,
    dropped: usize,
}

impl Sink {
    fn add(&mut self, path: impl Into<String>, kind: ProblemKind) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem { path: path.into(), kind });
        } else {
            self.dropped += 1;
        }
    }

    fn wrong(&mut self, path: &str, expected: &'static str, v: &Value) {
        self.add(path, ProblemKind::WrongType { expected, found: type_name(v) });
    }

    fn total(&self) -> usize {
        self.list.len() + self.dropped
    }

    fn finish(mut self) -> Vec<Problem> {
        if self.dropped > 0 {
            self.list.push(Problem { path: "$".into(), kind: ProblemKind::More(self.dropped) });
        }
        self.list
    }
}

/// How a field may be absent, matching its serde attributes.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    /// No default: absent is [`ProblemKind::Missing`], null is a wrong type.
    Required,
    /// `#[serde(default)]` on a non-`Option`: may be absent, but null is a wrong type.
    Optional,
    /// An `Option`: may be absent or null.
    Nullable,
}

/// The JSON type of `v` in the words of [`ProblemKind::WrongType`].
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a decimal number",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A map key as a path segment: cleaned and cut, since keys come from the draft.
fn key_segment(key: &str) -> String {
    let cleaned = clean_text(key);
    if cleaned.chars().count() <= MAX_KEY_IN_PATH {
        return cleaned;
    }
    let mut cut: String = cleaned.chars().take(MAX_KEY_IN_PATH).collect();
    cut.push('…');
    cut
}

/// The value of `key` with its path, or `None` when it is absent (reported if required) or an allowed null.
fn get<'v>(m: &'v Map<String, Value>, key: &str, path: &str, need: Need, s: &mut Sink) -> Option<(&'v Value, String)> {
    let field_path = format!("{path}.{key}");
    match m.get(key) {
        None => {
            if need == Need::Required {
                s.add(field_path, ProblemKind::Missing);
            }
            None
        }
        Some(Value::Null) if need == Need::Nullable => None,
        Some(v) => Some((v, field_path)),
    }
}

fn want_str<'v>(v: &'v Value, path: &str, s: &mut Sink) -> Option<&'v str> {
    let found = v.as_str();
    if found.is_none() {
        s.wrong(path, "a string", v);
    }
    found
}

fn want_obj<'v>(v: &'v Value, path: &str, s: &mut Sink) -> Option<&'v Map<String, Value>> {
    let found = v.as_object();
    if found.is_none() {
        s.wrong(path, "an object", v);
    }
    found
}

fn want_uint(v: &Value, path: &str, max: u64, s: &mut Sink) -> Option<u64> {
    match v {
        Value::Number(n) if n.is_f64() => s.wrong(path, "a whole number", v),
        Value::Number(n) => match n.as_u64() {
            Some(x) if x <= max => return Some(x),
            _ => s.add(path, ProblemKind::OutOfRange),
        },
        _ => s.wrong(path, "a whole number", v),
    }
    None
}

fn want_int(v: &Value, path: &str, s: &mut Sink) {
    match v {
        Value::Number(n) if n.is_f64() => s.wrong(path, "a whole number", v),
        Value::Number(n) if n.as_i64().is_none() => s.add(path, ProblemKind::OutOfRange),
        Value::Number(_) => {}
        _ => s.wrong(path, "a whole number", v),
    }
}

fn text(m: &Map<String, Value>, key: &str, path: &str, need: Need, s: &mut Sink) {
    if let Some((v, p)) = get(m, key, path, need, s) {
        want_str(v, &p, s);
    }
}

fn uint(m: &Map<String, Value>, key: &str, path: &str, need: Need, max: u64, s: &mut Sink) {
    if let Some((v, p)) = get(m, key, path, need, s) {
        want_uint(v, &p, max, s);
    }
}

fn boolean(m: &Map<String, Value>, key: &str, path: &str, need: Need, s: &mut Sink) {
    if let Some((v, p)) = get(m, key, path, need, s) {
        if !v.is_boolean() {
            s.wrong(&p, "true or false", v);
        }
    }
}

fn number(m: &Map<String, Value>, key: &str, path: &str, need: Need, s: &mut Sink) {
    if let Some((v, p)) = get(m, key, path, need, s) {
        if !v.is_number() {
            s.wrong(&p, "a number", v);
        }
    }
}

fn one_of<'v>(
    m: &'v Map<String, Value>,
    key: &str,
    path: &str,
    allowed: &'static [&'static str],
    s: &mut Sink,
) -> Option<&'v str> {
    let (v, p) = get(m, key, path, Need::Required, s)?;
    let value = want_str(v, &p, s)?;
    if allowed.contains(&value) {
        Some(value)
    } else {
        s.add(p, ProblemKind::UnknownValue { allowed });
        None
    }
}

fn object<'v>(
    m: &'v Map<String, Value>,
    key: &str,
    path: &str,
    need: Need,
    s: &mut Sink,
) -> Option<(&'v Map<String, Value>, String)> {
    let (v, p) = get(m, key, path, need, s)?;
    want_obj(v, &p, s).map(|o| (o, p))
}

/// Walks a list field, checking each element with `each` at `path.key[i]`.
fn list(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
    need: Need,
    s: &mut Sink,
    mut each: impl FnMut(&Value, &str, &mut Sink),
) {
    let Some((v, p)) = get(m, key, path, need, s) else { return };
    let Some(items) = v.as_array() else { return s.wrong(&p, "an array", v) };
    for (i, item) in items.iter().enumerate() {
        each(item, &format!("{p}[{i}]"), s);
    }
}

/// Walks a map field, checking each value with `each` at `path.key.entry`.
fn map(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
    need: Need,
    s: &mut Sink,
    mut each: impl FnMut(&Value, &str, &mut Sink),
) {
    let Some((entries, p)) = object(m, key, path, need, s) else { return };
    for (k, v) in entries {
        each(v, &format!("{p}.{}", key_segment(k)), s);
    }
}

fn string_value(v: &Value, path: &str, s: &mut Sink) {
    want_str(v, path, s);
}

fn walk_image(v: &Value, path: &str, s: &mut Sink) {
    let Some(m) = want_obj(v, path, s) else { return };
    text(m, "url", path, Need::Required, s);
    uint(m, "width", path, Need::Required, u64::from(u32::MAX), s);
    uint(m, "height", path, Need::Required, u64::from(u32::MAX), s);
    text(m, "alt", path, Need::Optional, s);
}

fn walk_product(v: &Value, path: &str, s: &mut Sink) {
    let Some(m) = want_obj(v, path, s) else { return };
    text(m, "id", path, Need::Required, s);
    text(m, "title", path, Need::Required, s);
    if let Some((price, pp)) = object(m, "price", path, Need::Required, s) {
        if let Some((amount, ap)) = get(price, "amount", &pp, Need::Required, s) {
            want_int(amount, &ap, s);
        }
        text(price, "currency", &pp, Need::Required, s);
    }
    text(m, "url", path, Need::Required, s);
    text(m, "image", path, Need::Nullable, s);
    // The coupon's own reader, the one the feed uses: what a feed would drop with a note, a draft must fix.
    // (The typed pass below reads coupons again but runs only when this walk found nothing.)
    if let Some(coupon) = m.get("coupon").filter(|c| !c.is_null()) {
        let mut p = Problems::default();
        Coupon::read(coupon, &format!("{path}.coupon"), &mut p);
        for problem in p.into_vec() {
            s.add(problem.path, problem.kind);
        }
    }
}

fn walk_translation(v: &Value, path: &str, s: &mut Sink) {
    let Some(m) = want_obj(v, path, s) else { return };
    text(m, "title", path, Need::Optional, s);
    text(m, "text", path, Need::Optional, s);
}

/// The fields every description of a creator starts with: `id`, `name`, `avatar` and an optional `verified`.
fn who(m: &Map<String, Value>, path: &str, s: &mut Sink) {
    text(m, "id", path, Need::Required, s);
    text(m, "name", path, Need::Required, s);
    text(m, "avatar", path, Need::Required, s);
    boolean(m, "verified", path, Need::Optional, s);
}

/// The structure of a [`super::item::CreatorRef`] (an item's creator or a co-creator).
fn walk_creator_ref(v: &Value, path: &str, s: &mut Sink) {
    let Some(m) = want_obj(v, path, s) else { return };
    who(m, path, s);
    list(m, "collabs", path, Need::Optional, s, string_value);
}

/// The structure of a [`super::creator::Collab`].
fn walk_collab(v: &Value, path: &str, s: &mut Sink) {
    let Some(m) = want_obj(v, path, s) else { return };
    who(m, path, s);
    text(m, "reason", path, Need::Required, s);
}

/// The structure of an [`Item`], field by field in the struct's order.
fn walk_item(v: &Value, path: &str, s: &mut Sink) {
    let Some(m) = want_obj(v, path, s) else { return };
    text(m, "id", path, Need::Required, s);
    let kind = one_of(m, "kind", path, KINDS, s);
    if let Some((media, mp)) = object(m, "media", path, Need::Required, s) {
        match kind {
            Some("note") => list(media, "images", &mp, Need::Optional, s, walk_image),
            Some("video") => {
                text(media, "url", &mp, Need::Required, s);
                uint(media, "duration_s", &mp, Need::Required, u64::from(u32::MAX), s);
            }
            Some("live") => {
                uint(media, "viewers", &mp, Need::Required, u64::MAX, s);
                text(media, "started_at", &mp, Need::Required, s);
                one_of(media, "status", &mp, LIVE_STATUSES, s);
            }
            _ => {}
        }
    }
    text(m, "title", path, Need::Required, s);
    text(m, "text", path, Need::Optional, s);
    map(m, "translations", path, Need::Optional, s, walk_translation);
    if let Some((cover, cp)) = get(m, "cover", path, Need::Required, s) {
        walk_image(cover, &cp, s);
    }
    if let Some((creator, cp)) = get(m, "creator", path, Need::Required, s) {
        walk_creator_ref(creator, &cp, s);
    }
    list(m, "co_creators", path, Need::Optional, s, walk_creator_ref);
    list(m, "topics", path, Need::Optional, s, string_value);
    list(m, "products", path, Need::Optional, s, walk_product);
    text(m, "campaign", path, Need::Nullable, s);
    text(m, "published_at", path, Need::Required, s);
    if let Some((stats, sp)) = object(m, "stats", path, Need::Optional, s) {
        for key in ["likes", "comments", "shares", "views"] {
            uint(stats, key, &sp, Need::Optional, u64::MAX, s);
        }
    }
    number(m, "score", path, Need::Nullable, s);
    // `embedding` is not checked: a bad one only drops the embedding, never the item (see `Item::from_value`).
}

/// The structure of a [`Creator`], field by field in the struct's order.
fn walk_creator(v: &Value, path: &str, s: &mut Sink) {
    let Some(m) = want_obj(v, path, s) else { return };
    who(m, path, s);
    text(m, "bio", path, Need::Optional, s);
    map(m, "bio_translations", path, Need::Optional, s, string_value);
    list(m, "topics", path, Need::Optional, s, string_value);
    if let Some((stats, sp)) = object(m, "stats", path, Need::Optional, s) {
        for key in ["followers", "likes", "items"] {
            uint(stats, key, &sp, Need::Optional, u64::MAX, s);
        }
    }
    text(m, "live_item", path, Need::Nullable, s);
    if let Some((traffic, tp)) = object(m, "traffic", path, Need::Nullable, s) {
        for key in TRAFFIC_KEYS {
            uint(traffic, key, &tp, Need::Optional, u64::MAX, s);
        }
    }
    if let Some((levels, lp)) = object(m, "share_by_level", path, Need::Nullable, s) {
        for key in SHARE_LEVEL_KEYS {
            uint(levels, key, &lp, Need::Optional, u64::MAX, s);
        }
    }
    list(m, "collabs", path, Need::Optional, s, walk_collab);
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::json;

    use super::*;
    use crate::model::url::UrlError;
    use crate::model::{LiveStatus, Media};

    fn base() -> ApiBase {
        ApiBase::parse("https://feed.example.com/api/v1/").unwrap()
    }

    fn pack(rel: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/api/v1").join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn pack_value(rel: &str) -> Value {
        serde_json::from_str(&pack(rel)).unwrap()
    }

    fn problems(json: &str) -> Vec<Problem> {
        match validate_draft(json, &base()) {
            Ok(d) => panic!("expected problems, got {d:?}"),
            Err(ps) => ps,
        }
    }

    fn has(ps: &[Problem], path: &str, pred: impl Fn(&ProblemKind) -> bool) -> bool {
        ps.iter().any(|p| p.path == path && pred(&p.kind))
    }

    /// A note, a video and a live item of the demo pack, found by kind rather than by a fixed id.
    fn pack_items_of_each_kind() -> Vec<Value> {
        let mut found = Vec::new();
        for kind in KINDS {
            let doc = (1..=720)
                .map(|n| pack_value(&format!("items/i{n:04}.json")))
                .find(|d| d["item"]["kind"] == *kind)
                .unwrap_or_else(|| panic!("no {kind} item in the pack"));
            found.push(doc);
        }
        found
    }

    #[test]
    fn pack_items_pass_as_documents_and_bare() {
        for doc in pack_items_of_each_kind() {
            let as_doc = validate_draft(&doc.to_string(), &base()).unwrap();
            let bare = validate_draft(&doc["item"].to_string(), &base()).unwrap();
            assert_eq!(as_doc, bare);
            let Draft::Item(item) = as_doc else { panic!("not an item") };
            assert!(item.cover.url.starts_with("https://feed.example.com/api/v1/media/"), "{}", item.cover.url);
        }
    }

    #[test]
    fn pack_creators_pass_as_documents_and_bare() {
        for n in [1, 2, 17, 48] {
            let doc = pack_value(&format!("creators/c{n:02}.json"));
            let as_doc = validate_draft(&doc.to_string(), &base()).unwrap();
            assert!(matches!(&as_doc, Draft::Creator(c) if c.id == format!("c{n:02}")));
            assert_eq!(validate_draft(&doc["creator"].to_string(), &base()).unwrap(), as_doc);
        }
    }

    #[test]
    fn the_demo_drafts_are_what_they_say() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/drafts");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(matches!(validate_draft(&read("new-item.json"), &base()), Ok(Draft::Item(_))));
        assert!(matches!(validate_draft(&read("profile-edit.json"), &base()), Ok(Draft::Creator(_))));
        let paths = |name: &str| -> Vec<String> {
            validate_draft(&read(name), &base()).unwrap_err().into_iter().map(|p| p.to_string()).collect()
        };
        assert_eq!(
            paths("broken-item.json"),
            [
                "item.media.images[1].width: must be a whole number, not a string",
                "item.media.images[1].height: required field is missing",
                "item.title: required field is missing",
                "item.creator.avatar: required field is missing",
                "item.topics[1]: must be a string, not a number",
                "item.products[0].price.amount: must be a whole number, not a string",
            ]
        );
        assert_eq!(
            paths("broken-profile.json"),
            [
                "creator.name: must not be empty",
                "creator.avatar: scheme `javascript:` is not allowed (only http and https)",
                "creator.topics[1]: id must be 1-64 characters of A-Z a-z 0-9 _ -",
                "creator.live_item: id must be 1-64 characters of A-Z a-z 0-9 _ -",
            ]
        );
    }

    #[test]
    fn every_structural_mistake_is_reported_with_its_path() {
        let mut doc = pack_value("items/i0001.json");
        let item = &mut doc["item"];
        item["kind"] = json!("note");
        item["media"] = json!({"images": [{"url": "media/a.svg", "width": 600, "height": 800}, {"url": 7}]});
        item["products"] = json!([
            {"id": "p1", "title": "a", "price": {"amount": 100, "currency": "CNY"}, "url": "shop/p1.html"},
            {"id": "p2", "title": "b", "price": {"amount": 100, "currency": "CNY"}, "url": "shop/p2.html"},
            {"id": "p3", "title": "c", "price": {"amount": "12.5", "currency": "CNY"}, "url": "shop/p3.html"},
        ]);
        let obj = item.as_object_mut().unwrap();
        obj.remove("title");
        obj.insert("cover".into(), json!({"url": "media/c.svg", "width": "600", "height": 800.5}));
        obj.insert("creator".into(), json!({"id": 1, "name": "x"}));
        obj.insert("stats".into(), json!({"likes": -3}));
        obj.insert("topics".into(), json!(["food", null]));
        obj.insert("translations".into(), json!({"en": "hello"}));
        let ps = problems(&doc.to_string());
        let missing = |k: &ProblemKind| *k == ProblemKind::Missing;
        let wrong = |e: &'static str| move |k: &ProblemKind| matches!(k, ProblemKind::WrongType { expected, .. } if *expected == e);
        assert!(has(&ps, "item.title", missing), "{ps:#?}");
        assert!(has(&ps, "item.media.images[1].url", wrong("a string")), "{ps:#?}");
        assert!(has(&ps, "item.media.images[1].width", missing), "{ps:#?}");
        assert!(has(&ps, "item.media.images[1].height", missing), "{ps:#?}");
        assert!(has(&ps, "item.cover.width", wrong("a whole number")), "{ps:#?}");
        assert!(has(&ps, "item.cover.height", wrong("a whole number")), "{ps:#?}");
        assert!(has(&ps, "item.creator.id", wrong("a string")), "{ps:#?}");
        assert!(has(&ps, "item.creator.avatar", missing), "{ps:#?}");
        assert!(has(&ps, "item.products[2].price.amount", wrong("a whole number")), "{ps:#?}");
        assert!(has(&ps, "item.stats.likes", |k| *k == ProblemKind::OutOfRange), "{ps:#?}");
        assert!(has(&ps, "item.topics[1]", wrong("a string")), "{ps:#?}");
        assert!(has(&ps, "item.translations.en", wrong("an object")), "{ps:#?}");
        assert_eq!(ps.len(), 12, "nothing else: {ps:#?}");
        let shown = ps.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        assert!(shown.contains("item.creator.id: must be a string, not a number"), "{shown}");
        assert!(shown.contains("item.title: required field is missing"), "{shown}");
    }

    #[test]
    fn kind_specific_media_fields_are_checked() {
        let mut doc = pack_value("items/i0001.json");
        doc["item"]["kind"] = json!("live");
        doc["item"]["media"] = json!({"viewers": 1.5, "status": "paused"});
        let ps = problems(&doc.to_string());
        assert!(has(&ps, "item.media.viewers", |k| matches!(k, ProblemKind::WrongType { .. })), "{ps:#?}");
        assert!(has(&ps, "item.media.started_at", |k| *k == ProblemKind::Missing), "{ps:#?}");
        assert!(has(&ps, "item.media.status", |k| matches!(k, ProblemKind::UnknownValue { .. })), "{ps:#?}");

        let shown = ps.iter().find(|p| p.path == "item.media.status").map(ToString::to_string);
        assert_eq!(shown.as_deref(), Some("item.media.status: must be one of: scheduled, live, ended"));

        // A scheduled stream (直播预告) is a valid live item: its planned start in `started_at`.
        doc["item"]["media"] = json!({"viewers": 0, "started_at": "2026-12-12T20:00:00+08:00", "status": "scheduled"});
        let Ok(Draft::Item(item)) = validate_draft(&doc.to_string(), &base()) else { panic!("refused") };
        assert!(matches!(item.media, Media::Live { status: LiveStatus::Scheduled, .. }));
        assert!(!item.is_live_now());

        doc["item"]["kind"] = json!("podcast");
        let ps = problems(&doc.to_string());
        assert_eq!(ps.len(), 1, "{ps:#?}");
        assert_eq!(ps[0].path, "item.kind");
        assert_eq!(ps[0].kind.to_string(), "must be one of: note, video, live");

        doc["item"]["kind"] = json!("video");
        doc["item"]["media"] = json!({"url": ["x"], "duration_s": -1});
        let ps = problems(&doc.to_string());
        assert!(has(&ps, "item.media.url", |k| matches!(k, ProblemKind::WrongType { .. })), "{ps:#?}");
        assert!(has(&ps, "item.media.duration_s", |k| *k == ProblemKind::OutOfRange), "{ps:#?}");
    }

    #[test]
    fn a_drafts_coupons_are_checked_like_the_feed_does_and_every_problem_named() {
        let mut doc = pack_value("items/i0001.json");
        let product =
            json!({"id": "p1", "title": "a", "price": {"amount": 9900, "currency": "CNY"}, "url": "shop/p.html"});
        let with = |coupon: Value| {
            let mut p = product.clone();
            p["coupon"] = coupon;
            p
        };
        doc["item"]["products"] = json!([
            with(json!({"code": "<b>hi</b>", "amount_off": 100, "percent_off": 5, "ends_at": "2027-01-01T00:00:00Z"})),
            with(json!({"code": "GUANG-1", "amount_off": "100", "ends_at": "soon"})),
            with(json!(7)),
        ]);
        let ps = problems(&doc.to_string());
        assert!(has(&ps, "item.products[0].coupon.code", |k| *k == ProblemKind::BadCode), "{ps:#?}");
        assert!(has(&ps, "item.products[0].coupon.percent_off", |k| *k == ProblemKind::OutOfRange), "{ps:#?}");
        assert!(has(&ps, "item.products[1].coupon.amount_off", |k| matches!(k, ProblemKind::WrongType { .. })));
        assert!(has(&ps, "item.products[1].coupon.ends_at", |k| *k == ProblemKind::BadTime));
        assert!(has(&ps, "item.products[2].coupon", |k| matches!(k, ProblemKind::WrongType { .. })));
        assert_eq!(ps.len(), 5, "{ps:#?}");
        // Fixed, the draft passes with its coupon.
        doc["item"]["products"] =
            json!([with(json!({"code": "GUANG-1", "percent_off": 10, "ends_at": "2027-01-01T00:00:00Z"}))]);
        let Ok(Draft::Item(item)) = validate_draft(&doc.to_string(), &base()) else { panic!("still refused") };
        assert_eq!(item.products[0].coupon.as_ref().map(|c| c.percent_off), Some(Some(10)));
    }

    #[test]
    fn every_semantic_mistake_is_reported_once_the_structure_is_sound() {
        let mut doc = pack_value("items/i0001.json");
        let item = &mut doc["item"];
        item["cover"]["url"] = json!("javascript:alert(1)");
        item["creator"]["avatar"] = json!("//evil.example/a.png");
        item["id"] = json!("../etc");
        item["title"] = json!("x".repeat(201));
        item["published_at"] = json!("yesterday");
        item["topics"] = json!(["ok", "not ok"]);
        item["products"] = json!([{"id": "p1", "title": "a", "price": {"amount": 100, "currency": "yuan"},
            "url": "data:text/html,hi"}]);
        let ps = problems(&doc.to_string());
        let scheme = UrlError::ForbiddenScheme("javascript".into());
        assert!(has(&ps, "item.cover.url", |k| *k == ProblemKind::BadUrl(scheme.clone())), "{ps:#?}");
        assert!(has(&ps, "item.creator.avatar", |k| *k == ProblemKind::BadUrl(UrlError::ProtocolRelative)));
        assert!(has(&ps, "item.id", |k| *k == ProblemKind::BadId));
        assert!(has(&ps, "item.title", |k| *k == ProblemKind::TooLong { max: 200 }));
        assert!(has(&ps, "item.published_at", |k| *k == ProblemKind::BadTime));
        assert!(has(&ps, "item.topics[1]", |k| *k == ProblemKind::BadId));
        assert!(has(&ps, "item.products[0].price.currency", |k| *k == ProblemKind::OutOfRange));
        assert!(has(&ps, "item.products[0].url", |k| matches!(k, ProblemKind::BadUrl(_))));
        assert_eq!(ps.len(), 8, "{ps:#?}");
    }

    #[test]
    fn creator_mistakes_are_reported() {
        let mut doc = pack_value("creators/c01.json");
        doc["creator"]["traffic"] = json!({"share": "many", "embed": -1});
        doc["creator"]["share_by_level"] = json!({"super": 1.5});
        doc["creator"]["stats"] = json!([]);
        doc["creator"].as_object_mut().unwrap().remove("avatar");
        let ps = problems(&doc.to_string());
        assert!(has(&ps, "creator.traffic.share", |k| matches!(k, ProblemKind::WrongType { .. })), "{ps:#?}");
        assert!(has(&ps, "creator.traffic.embed", |k| *k == ProblemKind::OutOfRange), "{ps:#?}");
        assert!(has(&ps, "creator.share_by_level.super", |k| matches!(k, ProblemKind::WrongType { .. })), "{ps:#?}");
        assert!(has(&ps, "creator.stats", |k| matches!(k, ProblemKind::WrongType { .. })), "{ps:#?}");
        assert!(has(&ps, "creator.avatar", |k| *k == ProblemKind::Missing), "{ps:#?}");

        let mut doc = pack_value("creators/c01.json");
        doc["creator"]["avatar"] = json!("javascript:alert(1)");
        doc["creator"]["live_item"] = json!("a b");
        let ps = problems(&doc.to_string());
        assert!(has(&ps, "creator.avatar", |k| matches!(k, ProblemKind::BadUrl(UrlError::ForbiddenScheme(_)))));
        assert!(has(&ps, "creator.live_item", |k| *k == ProblemKind::BadId), "{ps:#?}");
    }

    #[test]
    fn the_version_is_checked() {
        let mut doc = pack_value("items/i0001.json");
        doc["version"] = json!(2);
        let ps = problems(&doc.to_string());
        assert_eq!(ps, vec![Problem { path: "version".into(), kind: ProblemKind::UnsupportedVersion(2) }]);
        doc["version"] = json!("1");
        assert!(has(&problems(&doc.to_string()), "version", |k| matches!(k, ProblemKind::WrongType { .. })));
        doc.as_object_mut().unwrap().remove("version");
        assert!(has(&problems(&doc.to_string()), "version", |k| *k == ProblemKind::Missing));
        // A wrong version does not hide the draft's other problems.
        doc["version"] = json!(3);
        doc["item"]["cover"]["url"] = json!("javascript:alert(1)");
        assert_eq!(problems(&doc.to_string()).len(), 2);
    }

    #[test]
    fn invalid_json_is_one_problem_with_its_position() {
        let ps = problems("{\n  \"version\": 1,\n  \"item\": {\"id\": \"a\",}\n}");
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].path, "$");
        let ProblemKind::InvalidJson { line, column, message } = &ps[0].kind else { panic!("{ps:?}") };
        assert_eq!((*line, *column), (3, 22), "{message}");
        assert!(!message.contains("line"), "{message}");
        assert!(ps[0].to_string().starts_with("$: invalid JSON at line 3, column 22: "), "{}", ps[0]);
        for junk in ["", "   ", "nul", "{", "[1,", "\"unterminated", "{\"a\" 1}", "\u{0}"] {
            assert!(matches!(problems(junk)[..], [Problem { kind: ProblemKind::InvalidJson { .. }, .. }]), "{junk:?}");
        }
    }

    #[test]
    fn other_json_is_not_a_draft() {
        for (json, kind) in [
            ("[]", ProblemKind::WrongType { expected: "an object", found: "an array" }),
            ("42", ProblemKind::WrongType { expected: "an object", found: "a number" }),
            ("{}", ProblemKind::NotADraft),
            ("{\"version\": 1}", ProblemKind::NotADraft),
            ("{\"version\": 1, \"items\": []}", ProblemKind::NotADraft),
        ] {
            assert_eq!(problems(json), vec![Problem { path: "$".into(), kind }], "{json}");
        }
        let ps = problems("{\"version\": 1, \"item\": null}");
        assert_eq!(
            ps,
            vec![Problem {
                path: "item".into(),
                kind: ProblemKind::WrongType { expected: "an object", found: "null" }
            }]
        );
        // A byte order mark is not a mistake.
        assert!(validate_draft(&format!("\u{feff}{}", pack("items/i0001.json")), &base()).is_ok());
    }

    #[test]
    fn deep_garbage_and_huge_input_never_panic() {
        let deep_array = "[".repeat(200_000);
        assert!(matches!(problems(&deep_array)[0].kind, ProblemKind::InvalidJson { .. }));
        let deep_object = "{\"item\":".repeat(100_000);
        assert!(matches!(problems(&deep_object)[0].kind, ProblemKind::InvalidJson { .. }));
        // As deep as the parser allows, inside a field.
        let nested = format!("{{\"item\": {{\"cover\": {}1{}}}}}", "[".repeat(120), "]".repeat(120));
        let ps = problems(&nested);
        assert!(has(&ps, "item.cover", |k| matches!(k, ProblemKind::WrongType { .. })), "{ps:#?}");

        let huge = format!("{{\"item\": \"{}\"}}", "x".repeat(MAX_DOC_BYTES));
        assert!(matches!(problems(&huge)[..], [Problem { kind: ProblemKind::TooLarge { .. }, .. }]));

        // Just under the cap, one problem per element: the list is cut, with a count of the rest.
        let many = format!("{{\"item\": {{\"products\": [{}0]}}}}", "0,".repeat(MAX_DOC_BYTES / 2 - 100));
        assert!(many.len() <= MAX_DOC_BYTES);
        let ps = problems(&many);
        assert_eq!(ps.len(), MAX_PROBLEMS + 1);
        assert!(matches!(ps.last().map(|p| &p.kind), Some(ProblemKind::More(n)) if *n > 1_000_000));

        // Hostile keys are cleaned and cut in paths.
        let key = format!("\u{202E}{}", "k".repeat(1000));
        let doc = json!({"version": 1, "item": {"translations": {key: 1}}});
        let ps = problems(&doc.to_string());
        let p = ps.iter().find(|p| p.path.starts_with("item.translations.")).unwrap();
        assert_eq!(p.path, format!("item.translations.{}…", "k".repeat(MAX_KEY_IN_PATH)));
    }

    /// Every JSON pointer inside `v`, depth first.
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
            _ => {}
        }
        out.push(at);
    }

    /// The walk reports a structural problem exactly when serde refuses the value, for every field replaced
    /// by every JSON type and for every field removed, so the walk is never laxer than the typed parse the
    /// feed uses (which would surface as a bare serde message) and stricter only where serde is lax.
    fn walk_agrees_with_serde<T: for<'de> Deserialize<'de>>(good: &Value, walk: fn(&Value, &str, &mut Sink)) {
        let replacements =
            [json!(null), json!(true), json!(7), json!(-7), json!(1.5), json!("s"), json!([]), json!({}), json!(["s"])];
        let mut all = Vec::new();
        pointers(good, String::new(), &mut all);
        let mut checked = 0;
        let mut mismatches = Vec::new();
        for ptr in all.iter().filter(|p| !p.is_empty()) {
            let mut variants = Vec::new();
            for r in &replacements {
                let mut v = good.clone();
                *v.pointer_mut(ptr).unwrap() = r.clone();
                variants.push((format!("{ptr} = {r}"), v));
            }
            let (parent, last) = ptr.rsplit_once('/').unwrap();
            let mut v = good.clone();
            if let Some(m) = v.pointer_mut(parent).and_then(Value::as_object_mut) {
                m.remove(last);
                variants.push((format!("{ptr} removed"), v));
            }
            for (what, v) in variants {
                let mut s = Sink::default();
                walk(&v, "x", &mut s);
                let serde_ok = T::deserialize(&v).is_ok();
                // serde also reads a struct from an array of its fields in order (`"stats": [1, 2]`); the
                // contract and its schemas say object, so the walk is stricter there on purpose.
                let seq_as_struct = serde_ok
                    && v.pointer(ptr).is_some_and(Value::is_array)
                    && matches!(
                        s.list[..],
                        [Problem { kind: ProblemKind::WrongType { expected: "an object", .. }, .. }]
                    );
                if (s.total() == 0) != serde_ok && !seq_as_struct {
                    mismatches.push(format!("{what}: serde ok {serde_ok}, walk {:?}", s.list));
                }
                checked += 1;
            }
        }
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
        assert!(checked > 50, "{checked}");
    }

    #[test]
    fn the_item_walk_agrees_with_serde() {
        for doc in pack_items_of_each_kind() {
            let mut item = doc["item"].clone();
            item["campaign"] = json!("c1111");
            item["products"] = json!([{"id": "p1", "title": "a", "price": {"amount": 100, "currency": "CNY"},
                "url": "shop/p1.html", "image": "media/p.svg"}]);
            item["co_creators"] = json!([{"id": "c02", "name": "b", "avatar": "media/b.svg", "verified": true,
                "collabs": ["c03"]}]);
            item["creator"]["collabs"] = json!(["c02"]);
            walk_agrees_with_serde::<Item>(&item, walk_item);
        }
    }

    #[test]
    fn the_creator_walk_agrees_with_serde() {
        let mut creator = pack_value("creators/c01.json")["creator"].clone();
        creator["live_item"] = json!("i0001");
        creator["traffic"] = json!({"recommend": 1, "following": 2, "profile": 3, "share": 4, "campaign": 5,
            "external": 6, "embed": 7, "direct": 8});
        walk_agrees_with_serde::<Creator>(&creator, walk_creator);
    }
}
