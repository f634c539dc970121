//! A creator's drafts as kept on the device: the list the studio's 草稿箱 shows, newest change first, stored
//! as one versioned document per creator. Stored text is hostile like any other input: an entry that does not
//! read is set aside with its text (for a notice and a download), never silently dropped, and the rest of the
//! list still opens.

use serde::Serialize;
use serde_json::Value;

use super::compose::Compose;

/// Version of the stored document.
pub const SHELF_VERSION: u64 = 1;
/// Most drafts kept per creator; saving one more is refused with a message rather than dropping an old one.
pub const MAX_DRAFTS: usize = 50;
/// Largest stored entry read back (a draft's text is bounded by the contract; anything far larger is not one
/// of ours).
const MAX_ENTRY_BYTES: usize = 256 * 1024;

/// The drafts of one creator.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shelf {
    /// Newest change first.
    pub drafts: Vec<Compose>,
}

#[derive(Serialize)]
struct Stored<'a> {
    version: u64,
    drafts: &'a [Compose],
}

impl Shelf {
    /// Reads a stored shelf. Returns the drafts that read and the text of every entry that did not (the whole
    /// text when it is not a shelf at all), for the studio to keep aside and say so.
    pub fn from_json(text: &str) -> (Shelf, Vec<String>) {
        let whole = || (Shelf::default(), vec![text.to_string()]);
        let Ok(Value::Object(mut root)) = serde_json::from_str::<Value>(text) else { return whole() };
        if root.get("version").and_then(Value::as_u64) != Some(SHELF_VERSION) {
            return whole();
        }
        let Some(Value::Array(entries)) = root.remove("drafts") else { return whole() };
        let mut shelf = Shelf::default();
        let mut aside = Vec::new();
        for entry in entries {
            let raw = entry.to_string();
            let read = (raw.len() <= MAX_ENTRY_BYTES)
                .then(|| serde_json::from_value::<Compose>(entry).ok())
                .flatten()
                .map(|mut d| {
                    d.upgrade();
                    d
                })
                .filter(|d| super::text::is_valid_id(&d.id) && shelf.get(&d.id).is_none())
                // A device file's name becomes a storage key and an upload path: only names the form makes.
                .filter(|d| d.files().all(|f| f.url.is_some() || is_file_name(&f.name)));
            match read {
                Some(d) if shelf.drafts.len() < MAX_DRAFTS => shelf.drafts.push(d),
                _ => aside.push(raw),
            }
        }
        shelf.drafts.sort_by_key(|d| std::cmp::Reverse(d.updated_ms));
        (shelf, aside)
    }

    /// The stored document.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Stored { version: SHELF_VERSION, drafts: &self.drafts }).unwrap_or_default()
    }

    /// The draft `id`.
    pub fn get(&self, id: &str) -> Option<&Compose> {
        self.drafts.iter().find(|d| d.id == id)
    }

    /// Saves a draft (new or changed) at the top. Refused (false) when it is new and the shelf is full.
    pub fn save(&mut self, draft: Compose) -> bool {
        match self.drafts.iter().position(|d| d.id == draft.id) {
            Some(i) => {
                self.drafts.remove(i);
            }
            None if self.drafts.len() >= MAX_DRAFTS => return false,
            None => {}
        }
        self.drafts.insert(0, draft);
        true
    }

    /// Removes a draft and returns it with its place, for an undo.
    pub fn remove(&mut self, id: &str) -> Option<(usize, Compose)> {
        let i = self.drafts.iter().position(|d| d.id == id)?;
        Some((i, self.drafts.remove(i)))
    }

    /// Puts a removed draft back where it was; refused (false) when the shelf filled up meanwhile.
    pub fn restore(&mut self, at: usize, draft: Compose) -> bool {
        if self.get(&draft.id).is_some() {
            return true;
        }
        if self.drafts.len() >= MAX_DRAFTS {
            return false;
        }
        self.drafts.insert(at.min(self.drafts.len()), draft);
        true
    }

    /// Takes in what another tab saved since this one read the shelf: drafts this tab does not have (unless it
    /// deleted them) and newer versions of drafts it has, except `open`, the draft being edited here. Without
    /// it, two studio tabs would each write their own whole list and drop each other's drafts.
    pub fn merge(&mut self, stored: Shelf, deleted: &[String], open: Option<&str>) {
        for theirs in stored.drafts {
            if deleted.contains(&theirs.id) || open == Some(theirs.id.as_str()) {
                continue;
            }
            let full = self.drafts.len() >= MAX_DRAFTS;
            match self.drafts.iter_mut().find(|d| d.id == theirs.id) {
                Some(ours) if theirs.updated_ms > ours.updated_ms => *ours = theirs,
                Some(_) => {}
                None if !full => self.drafts.push(theirs),
                None => {}
            }
        }
        self.drafts.sort_by_key(|d| std::cmp::Reverse(d.updated_ms));
    }
}

/// Whether `name` is a device file name the form makes: a short lowercase id and an extension.
pub fn is_file_name(name: &str) -> bool {
    let Some((stem, ext)) = name.split_once('.') else { return false };
    let ok = |s: &str, max| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    ok(stem, 16) && ok(ext, 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, ms: i64) -> Compose {
        Compose { title: format!("t{id}"), ..Compose::new(id.into(), ms) }
    }

    #[test]
    fn round_trips_newest_first() {
        let mut s = Shelf::default();
        assert!(s.save(draft("a", 1)));
        assert!(s.save(draft("b", 2)));
        assert!(s.save(Compose { title: "changed".into(), ..draft("a", 3) }));
        let (back, aside) = Shelf::from_json(&s.to_json());
        assert!(aside.is_empty());
        assert_eq!(back.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(back.drafts[0].title, "changed");
    }

    #[test]
    fn bad_entries_are_set_aside_with_their_text() {
        let text = r#"{"version":1,"drafts":[{"id":"ok","updated_ms":5},{"id":"bad id!","updated_ms":1},
            {"id":"x","updated_ms":"soon"},7,{"id":"ok","updated_ms":2}]}"#;
        let (shelf, aside) = Shelf::from_json(text);
        assert_eq!(shelf.drafts.len(), 1);
        assert_eq!(shelf.drafts[0].id, "ok");
        assert_eq!(aside.len(), 4, "{aside:?}");
        assert!(aside.iter().any(|a| a.contains("soon")));
        assert!(aside.contains(&"7".to_string()));
    }

    #[test]
    fn a_text_that_is_not_a_shelf_is_kept_whole() {
        for text in ["", "not json", "[]", r#"{"version":9,"drafts":[]}"#, r#"{"version":1}"#] {
            let (shelf, aside) = Shelf::from_json(text);
            assert!(shelf.drafts.is_empty());
            assert_eq!(aside, vec![text.to_string()]);
        }
    }

    #[test]
    fn full_shelf_refuses_new_but_saves_changes_and_undo_restores_place() {
        let mut s = Shelf::default();
        for i in 0..MAX_DRAFTS {
            assert!(s.save(draft(&format!("d{i}"), i as i64)));
        }
        assert!(!s.save(draft("new", 99)));
        assert!(s.save(draft("d3", 100)));
        assert_eq!(s.drafts[0].id, "d3");
        let (at, d) = s.remove("d10").expect("there");
        assert!(s.get("d10").is_none());
        assert!(s.save(draft("new", 101)));
        assert!(!s.restore(at, d.clone()), "the shelf filled up while the undo was offered");
        s.remove("new");
        assert!(s.restore(at, d));
        assert_eq!(s.drafts[at].id, "d10");
        assert_eq!(s.drafts.len(), MAX_DRAFTS);
    }

    #[test]
    fn merging_keeps_another_tabs_drafts_and_this_tabs_deletions() {
        let mut ours = Shelf::default();
        ours.save(draft("a", 10));
        ours.save(draft("open", 10));
        let mut theirs = Shelf::default();
        theirs.save(Compose { title: "newer".into(), ..draft("a", 20) });
        theirs.save(Compose { title: "theirs".into(), ..draft("open", 30) });
        theirs.save(draft("made-there", 15));
        theirs.save(draft("deleted-here", 5));
        ours.merge(theirs, &["deleted-here".to_string()], Some("open"));
        let ids: Vec<&str> = ours.drafts.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "made-there", "open"]);
        assert_eq!(ours.get("a").map(|d| d.title.as_str()), Some("newer"));
        assert_eq!(ours.get("open").map(|d| d.title.as_str()), Some("topen"), "the open draft is this tab's");
    }

    #[test]
    fn stored_file_names_must_be_the_forms() {
        assert!(is_file_name("k3x9qa.jpg"));
        for bad in ["", "x", "../x.jpg", "a/b.png", "A.png", "a.", ".png", "a.b.c", "aaaaaaaaaaaaaaaaa.png"] {
            assert!(!is_file_name(bad), "{bad}");
        }
        let text = r#"{"version":1,"drafts":[{"id":"ok","updated_ms":1,"images":[{"name":"k3.png","mime":"image/png","bytes":1}]},
            {"id":"evil","updated_ms":2,"images":[{"name":"../../x.png","mime":"image/png","bytes":1}]},
            {"id":"loaded","updated_ms":3,"images":[{"name":"u0","mime":"","bytes":0,"url":"media/a.png"}]}]}"#;
        let (shelf, aside) = Shelf::from_json(text);
        assert_eq!(shelf.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["loaded", "ok"]);
        assert_eq!(aside.len(), 1);
    }

    #[test]
    fn hostile_stored_shelf_is_bounded() {
        let huge = "x".repeat(MAX_ENTRY_BYTES + 10);
        let many: Vec<String> = (0..MAX_DRAFTS + 5).map(|i| format!(r#"{{"id":"d{i}","updated_ms":{i}}}"#)).collect();
        let text =
            format!(r#"{{"version":1,"drafts":[{{"id":"big","updated_ms":1,"text":"{huge}"}},{}]}}"#, many.join(","));
        let (shelf, aside) = Shelf::from_json(&text);
        assert_eq!(shelf.drafts.len(), MAX_DRAFTS);
        assert_eq!(aside.len(), 6);
    }
}
