use proptest::prelude::*;

use super::*;

fn item(id: &str) -> ShareTarget {
    ShareTarget::Item(id.to_string())
}

fn creator(id: &str) -> ShareTarget {
    ShareTarget::Creator(id.to_string())
}

/// Codes spelled out symbol by symbol (dashes removed).
fn symbols_of(code: &str) -> Vec<char> {
    code.chars().filter(|&c| c != '-').collect()
}

fn coupon(id: &str, code: &str) -> ShareTarget {
    ShareTarget::ItemCoupon { item: id.to_string(), coupon: code.to_string() }
}

fn samples() -> Vec<ShareTarget> {
    vec![
        item("i0001"),
        creator("c01"),
        item("x"),
        creator("Zz_-9"),
        item(&"a".repeat(64)),
        item("i0042"),
        coupon("i0042", "GUANG-618"),
        coupon("x", "ABCD"),
        coupon(&"z".repeat(64), &"9".repeat(24)),
    ]
}

#[test]
fn a_code_can_carry_a_coupon() {
    let t = coupon("i0042", "DOUBLE12");
    assert_eq!((t.path().as_str(), t.id(), t.coupon()), ("/item/i0042", "i0042", Some("DOUBLE12")));
    assert_eq!(item("i0042").coupon(), None);
    let code = encode_share_code(&t);
    assert!(code.starts_with("GQ"), "{code}");
    assert_eq!(code.chars().filter(|c| *c != '-').count(), 21, "{code}: 2 + 17 payload + 2 checks");
    assert_eq!(decode_share_code(&format!("进群领券 {code} 打开逛")), Ok(t.clone()));
    assert_eq!(decode_share_code(&format!("https://guang.example/item/i0042?src=share&code={code}")), Ok(t));
    // Only what a buyer can type: upper case, digits and dashes, 4 to 24 of them; otherwise no code at all.
    for bad in ["abcd", "AB", &"A".repeat(25), "A B C", "<b>X</b>", "券码券码"] {
        assert_eq!(encode_share_code(&coupon("i0042", bad)), "", "{bad}");
    }
    assert_eq!(encode_share_code(&coupon("a/b", "ABCD")), "");
}

#[test]
fn a_coupon_payload_must_be_a_whole_id_and_a_valid_code() {
    let sealed = |payload: &[u8]| {
        let mut values = Vec::new();
        let (mut acc, mut bits) = (0u32, 0u32);
        for &v in payload {
            acc = (acc << 6) | u32::from(v);
            bits += 6;
            while bits >= 5 {
                bits -= 5;
                values.push(((acc >> bits) & 31) as u8);
            }
            acc &= (1 << bits) - 1;
        }
        if bits > 0 {
            values.push(((acc << (5 - bits)) & 31) as u8);
        }
        let mut s = vec![MARKER, KIND_COUPON];
        s.extend(values);
        s.push(gf_mul(2, fold(2, &s)));
        s.push(gf_mul(3, fold(3, &s)));
        decode_symbols(&s)
    };
    let six = |s: &str| s.bytes().map(|b| six_bits(b).unwrap()).collect::<Vec<u8>>();
    let ok = [&[4u8][..], &six("i0042"), &six("ABCD")].concat();
    assert_eq!(sealed(&ok), Ok(coupon("i0042", "ABCD")));
    // The id runs past the end, the coupon is too short, or it has letters a coupon never has.
    assert_eq!(sealed(&[&[40u8][..], &six("i0042"), &six("ABCD")].concat()), Err(CodeError::BadId));
    assert_eq!(sealed(&[&[4u8][..], &six("i0042"), &six("AB")].concat()), Err(CodeError::BadId));
    assert_eq!(sealed(&[&[4u8][..], &six("i0042"), &six("abcd")].concat()), Err(CodeError::BadId));
    // A plain item code cannot be longer than an id: 65 characters (78 symbols) are refused by length alone.
    let mut s = vec![MARKER, KIND_ITEM];
    s.extend(std::iter::repeat_n(10u8, (65 * 6usize).div_ceil(5)));
    s.push(gf_mul(2, fold(2, &s)));
    s.push(gf_mul(3, fold(3, &s)));
    assert_eq!(decode_symbols(&s), Err(CodeError::BadId));
}

#[test]
fn paths_and_ids() {
    assert_eq!(item("i0001").path(), "/item/i0001");
    assert_eq!(creator("c01").path(), "/creator/c01");
    assert_eq!(creator("c01").id(), "c01");
}

#[test]
fn codes_are_short_grouped_and_marked() {
    let code = encode_share_code(&item("i0001"));
    assert!(code.len() <= 17, "{code}");
    assert!(code.starts_with("G1"), "{code}");
    assert!(encode_share_code(&creator("c01")).starts_with("GC"));
    assert!(encode_share_code(&creator("c01")).len() <= 17);
    for t in samples() {
        let code = encode_share_code(&t);
        for (i, group) in code.split('-').enumerate() {
            assert!(group.len() == 4 || (i == code.split('-').count() - 1 && !group.is_empty()), "{code}");
            assert!(group.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
        }
    }
}

#[test]
fn invalid_ids_have_no_code() {
    assert_eq!(encode_share_code(&item("")), "");
    assert_eq!(encode_share_code(&item("a/b")), "");
    assert_eq!(encode_share_code(&creator(&"a".repeat(65))), "");
}

#[test]
fn round_trips_and_tolerates_typing() {
    for t in samples() {
        let code = encode_share_code(&t);
        assert_eq!(decode_share_code(&code), Ok(t.clone()));
        assert_eq!(decode_share_code(&code.to_lowercase()), Ok(t.clone()));
        let spaced: String = symbols_of(&code).iter().flat_map(|c| [*c, ' ']).collect();
        assert_eq!(decode_share_code(&format!("  {spaced} ")), Ok(t.clone()));
        let confusable = code.replace('0', "o").replace('1', "l");
        assert_eq!(decode_share_code(&confusable), Ok(t.clone()), "{confusable}");
        assert_eq!(decode_share_code(&code.replace('1', "I")), Ok(t));
    }
}

#[test]
fn finds_codes_inside_text_and_urls() {
    let t = item("i0042");
    let code = encode_share_code(&t);
    assert_eq!(decode_share_code(&format!("复制这段口令 {code} 打开逛")), Ok(t.clone()));
    assert_eq!(decode_share_code(&format!("复制这段口令{code}打开逛，go go!")), Ok(t.clone()));
    assert_eq!(decode_share_code(&format!("Great find! code {code} open Guang")), Ok(t.clone()));
    let url = format!("https://guang.example/item/i0042?src=share&code={code}#top");
    assert_eq!(decode_share_code(&url), Ok(t.clone()));
    let g_host = format!("https://g1ab.example/x?code={}", code.to_lowercase());
    assert_eq!(decode_share_code(&g_host), Ok(t));
}

#[test]
fn errors_say_what_went_wrong() {
    assert_eq!(decode_share_code(""), Err(CodeError::Empty));
    assert_eq!(decode_share_code(" \n\t"), Err(CodeError::Empty));
    assert_eq!(decode_share_code("hello world 你好"), Err(CodeError::NotACode));
    assert_eq!(decode_share_code("GUUU-UUUU"), Err(CodeError::NotACode));
    let code = encode_share_code(&item("i0001"));
    let mut broken = symbols_of(&code);
    broken[4] = if broken[4] == 'A' { 'B' } else { 'A' };
    let broken: String = broken.into_iter().collect();
    assert_eq!(decode_share_code(&broken), Err(CodeError::BadChecksum));
    assert_eq!(decode_share_code(&format!("口令 {broken} 打开")), Err(CodeError::BadChecksum));
    assert!(!CodeError::BadId.to_string().is_empty());
}

#[test]
fn non_canonical_padding_and_lengths_are_bad_ids() {
    // A payload of 3 symbols (15 bits) is no whole number of 6-bit characters.
    let mut s = vec![MARKER, KIND_ITEM, 1, 2, 3];
    s.push(gf_mul(2, fold(2, &s)));
    s.push(gf_mul(3, fold(3, &s)));
    assert_eq!(decode_symbols(&s), Err(CodeError::BadId));
    // "x" with a padding bit set.
    let mut s = vec![MARKER, KIND_ITEM, 29, 0b10001];
    s.push(gf_mul(2, fold(2, &s)));
    s.push(gf_mul(3, fold(3, &s)));
    assert_eq!(decode_symbols(&s), Err(CodeError::BadId));
}

#[test]
fn every_single_substitution_is_detected() {
    for t in samples() {
        let code = symbols_of(&encode_share_code(&t));
        for i in 0..code.len() {
            for &a in ALPHABET {
                let a = char::from(a);
                if a == code[i] {
                    continue;
                }
                let mut bad = code.clone();
                bad[i] = a;
                let bad: String = bad.into_iter().collect();
                assert!(decode_share_code(&bad).is_err(), "{t:?}: {bad}");
            }
        }
    }
}

#[test]
fn every_adjacent_transposition_is_detected() {
    for t in samples() {
        let code = symbols_of(&encode_share_code(&t));
        for i in 0..code.len() - 1 {
            if code[i] == code[i + 1] {
                continue;
            }
            let mut bad = code.clone();
            bad.swap(i, i + 1);
            let bad: String = bad.into_iter().collect();
            assert!(decode_share_code(&bad).is_err(), "{t:?}: {bad}");
        }
    }
}

#[test]
fn the_check_catches_pairs_plain_luhn_mod_32_misses() {
    // Exhaustive over all symbol pairs in every position of a short code body: fold differs after a swap.
    for x in 0..32u8 {
        for y in 0..32u8 {
            if x != y {
                for a in [2, 3] {
                    assert_ne!(fold(a, &[MARKER, x, y]), fold(a, &[MARKER, y, x]));
                }
            }
        }
    }
}

#[test]
fn huge_inputs_are_bounded_and_char_safe() {
    let code = encode_share_code(&item("i0001"));
    let late = format!("{}{code}", "逛".repeat(5000));
    assert_eq!(decode_share_code(&late), Err(CodeError::NotACode));
    let early = format!("{code} {}", "逛".repeat(100_000));
    assert_eq!(decode_share_code(&early), Ok(item("i0001")));
    let words = "g1 ".repeat(10_000);
    assert!(decode_share_code(&words).is_err());
}

proptest! {
    #[test]
    fn any_valid_id_round_trips(id in "[A-Za-z0-9_-]{1,64}", is_item in any::<bool>()) {
        let t = if is_item { ShareTarget::Item(id) } else { ShareTarget::Creator(id) };
        let code = encode_share_code(&t);
        prop_assert_eq!(decode_share_code(&code), Ok(t.clone()));
        prop_assert_eq!(decode_share_code(&format!("看看 {} 吧", code.to_lowercase())), Ok(t));
    }

    #[test]
    fn any_coupon_round_trips(id in "[A-Za-z0-9_-]{1,64}", code in "[A-Z0-9-]{4,24}") {
        let t = ShareTarget::ItemCoupon { item: id, coupon: code };
        let encoded = encode_share_code(&t);
        prop_assert_eq!(decode_share_code(&encoded), Ok(t.clone()));
        prop_assert_eq!(decode_share_code(&format!("领券 {} 吧", encoded.to_lowercase())), Ok(t));
    }

    #[test]
    fn garbage_never_panics(s in "\\PC{0,300}") {
        let _ = decode_share_code(&s);
    }

    #[test]
    fn code_like_garbage_never_panics(s in "[gG0-9A-Za-z -=&?]{0,200}") {
        let _ = decode_share_code(&s);
    }
}
