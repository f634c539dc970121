//! The typed strings leptos_i18n generates from `locales/*.json`, and the two ways the app reaches them:
//! [`tr!`](crate::tr) for a string now, [`text!`](crate::text) for a string chosen now and shown later (a
//! toast, a table row, an error state), which re-renders in whatever language is current when it is shown.
//!
//! The app does not use leptos_i18n's context provider: it keeps its own locale signal, chosen by `?lang=`,
//! then the saved choice, then the browser language, and shared with the embed protocol. The provider would
//! add a cookie and its own negotiation (about 20 KB of wasm) for a choice the app already makes.

use super::Locale;

#[allow(unused, dead_code, unused_imports, missing_docs, clippy::all)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n_gen.rs"));
}

/// The locale type leptos_i18n generated; only the macros need it.
#[doc(hidden)]
pub use generated::i18n::Locale as Generated;

/// Maps the app's language to the generated one, for [`tr!`](crate::tr).
#[doc(hidden)]
pub fn generated(locale: Locale) -> Generated {
    match locale {
        Locale::Zh => Generated::zh_CN,
        Locale::En => Generated::en,
    }
}

/// A string picked now and translated when shown: a plain function of the language, made by
/// [`text!`](crate::text), so it can be stored in a signal or a table and follows a later language switch.
pub type Text = fn(Locale) -> &'static str;

/// The string `key` of `locales/*.json` in `locale`, checked at compile time. With `name = value` arguments
/// it fills the key's `{{ name }}` placeholders and gives a `String`; a missing or unknown argument does not
/// compile.
#[macro_export]
macro_rules! tr {
    ($locale:expr, $($key_and_args:tt)+) => {
        leptos_i18n::td_string!($crate::i18n::generated($locale), $($key_and_args)+)
    };
}

/// The string `key` as a [`Text`], for a string to show later in whatever language is current then.
#[macro_export]
macro_rules! text {
    ($key:ident) => {{
        fn text(locale: $crate::i18n::Locale) -> &'static str {
            $crate::tr!(locale, $key)
        }
        text as $crate::i18n::Text
    }};
}

/// The name of a traffic source, for the studio's chart.
pub fn source_text(s: crate::social::Source) -> Text {
    use crate::social::Source;
    match s {
        Source::Recommend => crate::text!(src_recommend),
        Source::Following => crate::text!(src_following),
        Source::Profile => crate::text!(src_profile),
        Source::Share => crate::text!(src_share),
        Source::Campaign => crate::text!(src_campaign),
        Source::External => crate::text!(src_external),
        Source::Embed => crate::text!(src_embed),
        Source::Direct => crate::text!(src_direct),
        Source::Collab => crate::text!(src_collab),
    }
}

/// What is wrong with a draft field, in the UI language (the preview studio's problem list). Parser details
/// (a serde message, a field's allowed values) are shown as they are.
pub fn problem_text(kind: &crate::model::ProblemKind, l: Locale) -> String {
    use crate::model::{url::MAX_URL_LEN, ProblemKind as P, UrlError as U};
    let json_type = |p: &'static str| -> &'static str {
        match p {
            "a string" => tr!(l, json_string),
            "a whole number" => tr!(l, json_whole_number),
            "a number" => tr!(l, json_number),
            "a decimal number" => tr!(l, json_decimal),
            "true or false" => tr!(l, json_bool),
            "an object" => tr!(l, json_object),
            "an array" => tr!(l, json_array),
            "null" => tr!(l, json_null),
            "a boolean" => tr!(l, json_boolean),
            other => other,
        }
    };
    match kind {
        P::Shape(m) => tr!(l, problem_shape, detail = m),
        P::Empty => tr!(l, problem_empty).into(),
        P::TooLong { max } => tr!(l, problem_too_long, max = max),
        P::BadId => tr!(l, problem_bad_id).into(),
        P::BadCode => tr!(l, problem_bad_code).into(),
        P::BadUrl(U::ForbiddenScheme(s)) => tr!(l, problem_url_scheme, scheme = s),
        P::BadUrl(U::ProtocolRelative) => tr!(l, problem_url_protocol_relative).into(),
        P::BadUrl(U::Empty) => tr!(l, problem_url_empty).into(),
        P::BadUrl(U::TooLong) => tr!(l, problem_url_too_long, max = MAX_URL_LEN),
        P::BadUrl(U::Malformed) => tr!(l, problem_url_malformed).into(),
        P::BadTime => tr!(l, problem_bad_time).into(),
        P::OutOfRange => tr!(l, problem_out_of_range).into(),
        P::Duplicate => tr!(l, problem_duplicate).into(),
        P::UnsupportedVersion(v) => tr!(l, problem_version, version = v),
        P::Missing => tr!(l, problem_missing).into(),
        P::WrongType { expected, found } => {
            tr!(l, problem_wrong_type, expected = json_type(expected), found = json_type(found))
        }
        P::UnknownValue { allowed } => tr!(l, problem_unknown_value, allowed = allowed.join(tr!(l, list_separator))),
        P::InvalidJson { line, column, message } => {
            tr!(l, problem_invalid_json, line = line, column = column, message = message)
        }
        P::TooLarge { bytes, max } => tr!(l, problem_too_large, bytes = bytes, max = max),
        P::NotADraft => tr!(l, problem_not_a_draft).into(),
        P::More(n) => tr!(l, problem_more, n = n),
        P::OtherCreator => tr!(l, problem_other_creator).into(),
        P::Unreadable => tr!(l, problem_unreadable).into(),
        P::NotSameOrigin => tr!(l, problem_not_same_origin).into(),
        P::Unreachable => tr!(l, problem_unreachable).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProblemKind;

    #[test]
    fn placeholders_are_filled_in_both_languages() {
        assert_eq!(crate::tr!(Locale::En, image_of, n = 2, total = 4), "Image 2 of 4");
        assert_eq!(crate::tr!(Locale::Zh, image_of, n = 2, total = 4), "第 2 张，共 4 张");
    }

    #[test]
    fn a_text_follows_the_language_it_is_shown_in() {
        let later = crate::text!(retry);
        assert_eq!(later(Locale::Zh), "重试");
        assert_eq!(later(Locale::En), "Retry");
    }

    #[test]
    fn english_problems_use_the_models_own_wording() {
        use crate::model::{url::MAX_URL_LEN, UrlError};
        let kinds = [
            ProblemKind::Shape("expected `,`".into()),
            ProblemKind::Empty,
            ProblemKind::TooLong { max: 80 },
            ProblemKind::BadId,
            ProblemKind::BadUrl(UrlError::ForbiddenScheme("javascript".into())),
            ProblemKind::BadUrl(UrlError::ProtocolRelative),
            ProblemKind::BadUrl(UrlError::Empty),
            ProblemKind::BadUrl(UrlError::TooLong),
            ProblemKind::BadUrl(UrlError::Malformed),
            ProblemKind::BadTime,
            ProblemKind::OutOfRange,
            ProblemKind::Duplicate,
            ProblemKind::UnsupportedVersion(9),
            ProblemKind::Missing,
            ProblemKind::WrongType { expected: "an object", found: "null" },
            ProblemKind::UnknownValue { allowed: &["a", "b"] },
            ProblemKind::InvalidJson { line: 3, column: 7, message: "EOF".into() },
            ProblemKind::TooLarge { bytes: 9, max: 8 },
            ProblemKind::NotADraft,
            ProblemKind::More(4),
            ProblemKind::OtherCreator,
            ProblemKind::Unreadable,
            ProblemKind::NotSameOrigin,
            ProblemKind::Unreachable,
        ];
        for kind in &kinds {
            assert_eq!(problem_text(kind, Locale::En), kind.to_string());
            assert_ne!(problem_text(kind, Locale::Zh), kind.to_string(), "{kind:?} is not translated");
        }
        assert!(problem_text(&ProblemKind::BadUrl(UrlError::TooLong), Locale::Zh).contains(&MAX_URL_LEN.to_string()));
    }

    #[test]
    fn problems_read_in_the_ui_language() {
        let kind = ProblemKind::WrongType { expected: "a string", found: "a number" };
        assert_eq!(problem_text(&kind, Locale::Zh), "应为文本，实际是数字");
        assert_eq!(problem_text(&kind, Locale::En), "must be a string, not a number");
        let kind = ProblemKind::UnknownValue { allowed: &["note", "video"] };
        assert_eq!(problem_text(&kind, Locale::Zh), "只能是：note、video");
        assert_eq!(problem_text(&kind, Locale::En), "must be one of: note, video");
    }
}
