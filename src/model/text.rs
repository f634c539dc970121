//! Cleaning of display text from outside. Text is always rendered as text (never as HTML), so the cleaning
//! here is about what text alone can still do wrong: bidi overrides that reorder a price or a name, control
//! characters, and sizes that would freeze layout.

/// Removes bidi embedding/override/isolate controls and control characters other than newline and tab, and
/// trims. Returns the cleaned text; length limits are checked by the caller on the result.
pub fn clean_text(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
                && (!c.is_control() || c == '\n' || c == '\t')
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether `s` is a valid contract id: 1 to 64 characters of `[A-Za-z0-9_-]`. Ids end up in URL paths, so
/// nothing that could change a path (slashes, dots, percent signs) is allowed.
pub fn is_valid_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bidi_overrides_and_controls() {
        assert_eq!(clean_text(" \u{202E}gnp.exe\u{202C} "), "gnp.exe");
        assert_eq!(clean_text("a\u{0007}b\nc\td"), "ab\nc\td");
        assert_eq!(clean_text("<script>alert(1)</script>"), "<script>alert(1)</script>");
    }

    #[test]
    fn ids_cannot_change_a_path() {
        assert!(is_valid_id("i0001"));
        assert!(is_valid_id("c_12-a"));
        for bad in ["", "../x", "a/b", "a.b", "a%2F", "空", &"a".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
