//! The studio's profile form as plain data: the creator's own display name, bio, avatar and topics, turned
//! into the contract's creator document (`{"version":1,"creator":{…}}`) and checked by the same
//! [`validate_draft`] a loaded JSON profile edit goes through, so the form, a loaded file and the API agree on
//! every rule and message.
//!
//! The draft keeps only what the form edits. Everything else in the document (verified, stats, traffic,
//! collabs, bio translations, fan-level shares, the live item, …) comes from the creator's current document
//! each time the draft is turned into one, so a profile edit never rewrites counters with a stale copy and
//! never drops a field the form does not show.
//!
//! An avatar picked from the device is handled like an item draft's files: kept in the device's draft storage
//! and named by a path relative to the API base (`media/drafts/{draft}/{file}`) in the document.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::compose::{LocalFile, Publish, MAX_IMAGE_BYTES, MEDIA_DIR};
use super::creator::Creator;
use super::draft::{validate_draft, Draft};
use super::problem::{Problem, ProblemKind};
use super::shelf::is_file_name;
use super::text::is_valid_id;
use super::url::ApiBase;

/// Version of the stored profile draft.
pub const PROFILE_DRAFT_VERSION: u64 = 1;
/// Largest stored profile draft read back (a name, a bio of at most 10,000 characters and a few ids; anything
/// far larger is not one of ours).
const MAX_STORED_BYTES: usize = 128 * 1024;

/// An edit of the creator's own profile, as the form holds it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileDraft {
    /// Draft id: the folder of its device files (`media/drafts/{id}/…`) and the stem of its publish keys.
    pub id: String,
    /// Last change, Unix milliseconds.
    pub updated_ms: i64,
    /// Display name as typed.
    #[serde(default)]
    pub name: String,
    /// Bio as typed.
    #[serde(default)]
    pub bio: String,
    /// The avatar: the current one by URL, or an image picked from the device.
    #[serde(default)]
    pub avatar: LocalFile,
    /// Topic ids from the index.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Publish state, once the creator pressed 发布.
    #[serde(default)]
    pub publish: Option<Publish>,
}

/// The profile form's fields, for showing each problem next to the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    /// The display name.
    Name,
    /// The bio.
    Bio,
    /// The avatar.
    Avatar,
    /// The topics.
    Topics,
    /// Anything else (a carried field, the id): shown in the summary only.
    Other,
}

/// Which field a problem path of a creator document is about.
pub fn profile_field_of(path: &str) -> ProfileField {
    let rest = path.strip_prefix("creator.").unwrap_or(path);
    match rest.split(['.', '[']).next().unwrap_or("") {
        "name" => ProfileField::Name,
        "bio" => ProfileField::Bio,
        "avatar" => ProfileField::Avatar,
        "topics" => ProfileField::Topics,
        _ => ProfileField::Other,
    }
}

/// What the form made of a profile draft: the creator page's profile when it passes every check (for the
/// preview and export), and every problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileChecked {
    /// The profile as visitors would see it, when there are no problems.
    pub creator: Option<Creator>,
    /// Every problem, with its path in the creator document.
    pub problems: Vec<Problem>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u64,
    draft: ProfileDraft,
}

impl ProfileDraft {
    /// A draft filled from the creator's current profile.
    pub fn from_creator(creator: &Creator, id: String, now_ms: i64) -> Self {
        Self {
            id,
            updated_ms: now_ms,
            name: creator.name.clone(),
            bio: creator.bio.clone(),
            avatar: LocalFile { name: "current".into(), url: Some(creator.avatar.clone()), ..LocalFile::default() },
            topics: creator.topics.clone(),
            publish: None,
        }
    }

    /// Where the avatar is: its URL, or for a device file its path relative to the API base.
    pub fn avatar_path(&self) -> String {
        self.avatar.url.clone().unwrap_or_else(|| format!("{MEDIA_DIR}/{}/{}", self.id, self.avatar.name))
    }

    /// The avatar's device file name, when it is one (not a URL).
    pub fn device_file(&self) -> Option<&LocalFile> {
        Some(&self.avatar).filter(|f| f.url.is_none())
    }

    /// Whether the draft says the same as `current` (nothing to publish).
    pub fn same_as(&self, current: &Creator) -> bool {
        self.name == current.name
            && self.bio == current.bio
            && self.avatar.url.as_deref() == Some(current.avatar.as_str())
            && self.topics == current.topics
    }

    /// The creator document this draft stands for: `current`'s document with the edited fields replaced.
    pub fn to_document(&self, current: &Creator) -> Value {
        let mut creator = serde_json::to_value(current).unwrap_or_else(|_| json!({}));
        if let Value::Object(fields) = &mut creator {
            fields.insert("name".into(), Value::String(self.name.clone()));
            fields.insert("bio".into(), Value::String(self.bio.clone()));
            fields.insert("avatar".into(), Value::String(self.avatar_path()));
            fields.insert("topics".into(), json!(self.topics));
        }
        json!({ "version": 1, "creator": creator })
    }

    /// Checks the draft with the contract's rules (the ones a loaded profile edit and the creator page apply),
    /// plus what only a form can get wrong: an avatar file too large or not an image the device kept.
    pub fn check(&self, current: &Creator, base: &ApiBase) -> ProfileChecked {
        let mut own = Vec::new();
        if let Some(f) = self.device_file() {
            if f.bytes > MAX_IMAGE_BYTES {
                let kind = ProblemKind::TooLarge { bytes: f.bytes as usize, max: MAX_IMAGE_BYTES as usize };
                own.push(Problem { path: "creator.avatar".into(), kind });
            }
            if !is_file_name(&f.name) || !is_valid_id(&self.id) {
                own.push(Problem { path: "creator.avatar".into(), kind: ProblemKind::Missing });
            }
        }
        let doc = self.to_document(current).to_string();
        let mut checked = match validate_draft(&doc, base) {
            Ok(Draft::Creator(c)) if c.id == current.id => ProfileChecked { creator: Some(c), problems: Vec::new() },
            Ok(Draft::Creator(_)) => ProfileChecked {
                creator: None,
                problems: vec![Problem { path: "creator.id".into(), kind: ProblemKind::OtherCreator }],
            },
            Ok(Draft::Item(_)) => ProfileChecked {
                creator: None,
                problems: vec![Problem { path: "$".into(), kind: ProblemKind::NotADraft }],
            },
            Err(problems) => ProfileChecked { creator: None, problems },
        };
        if !own.is_empty() {
            checked.creator = None;
            own.append(&mut checked.problems);
            checked.problems = own;
        }
        checked
    }

    /// The stored form of the draft (versioned, so a later change of shape can read or set aside old ones).
    pub fn to_stored(&self) -> String {
        serde_json::to_string(&Stored { version: PROFILE_DRAFT_VERSION, draft: self.clone() }).unwrap_or_default()
    }

    /// Reads a stored draft; `None` when the text is not one (another version, hostile or cut short), for the
    /// studio to set it aside rather than drop it.
    pub fn from_stored(text: &str) -> Option<Self> {
        if text.len() > MAX_STORED_BYTES {
            return None;
        }
        let stored: Stored = serde_json::from_str(text).ok()?;
        let d = stored.draft;
        let file_ok = d.avatar.url.is_some() || is_file_name(&d.avatar.name);
        (stored.version == PROFILE_DRAFT_VERSION && is_valid_id(&d.id) && file_ok).then_some(d)
    }
}

#[cfg(test)]
#[path = "profile_compose_tests.rs"]
mod tests;
