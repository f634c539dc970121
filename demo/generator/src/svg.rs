//! Local images for the pack, drawn as small SVG files: covers with a topic gradient and a headline (the
//! look of a 小红书 cover), avatars, gallery pages and product shots. No photo, no external file.

use guang::rank::rng::Rng;

const FONT: &str = "PingFang SC, Hiragino Sans GB, Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn open(w: u32, h: u32, c1: &str, c2: &str, angle_seed: u64) -> String {
    let (x2, y2) = if angle_seed.is_multiple_of(2) { (1, 1) } else { (0, 1) };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"{x2}\" y2=\"{y2}\"><stop offset=\"0\" stop-color=\"{c1}\"/>\
<stop offset=\"1\" stop-color=\"{c2}\"/></linearGradient></defs><rect width=\"{w}\" height=\"{h}\" fill=\"url(#g)\"/>"
    )
}

fn blobs(rng: &mut Rng, w: u32, h: u32, n: usize) -> String {
    let mut s = String::new();
    for _ in 0..n {
        let cx = rng.range(0, u64::from(w));
        let cy = rng.range(0, u64::from(h));
        let r = rng.range(u64::from(w) / 10, u64::from(w) / 3);
        let o = 0.15 + rng.unit() * 0.25;
        s.push_str(&format!("<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" fill=\"#fff\" opacity=\"{o:.2}\"/>"));
    }
    s
}

/// Splits a headline into as few lines of at most `per_line` characters as possible, of even length.
fn lines(text: &str, per_line: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let count = chars.len().div_ceil(per_line).max(1);
    let balanced = chars.len().div_ceil(count).max(1);
    chars.chunks(balanced).map(|c| c.iter().collect()).collect()
}

/// A feed cover of `w`×`h` with the subject as a headline on a white card.
pub fn cover(rng: &mut Rng, w: u32, h: u32, colors: (&str, &str), tag: &str, headline: &str) -> String {
    let mut s = open(w, h, colors.0, colors.1, rng.next_u64());
    s.push_str(&blobs(rng, w, h, 4));
    let ls = lines(headline, 6);
    let fs = w / 9;
    let card_h = fs * (ls.len() as u32) + fs + fs / 2;
    let card_y = h / 2 - card_h / 2;
    s.push_str(&format!(
        "<rect x=\"{x}\" y=\"{card_y}\" width=\"{cw}\" height=\"{card_h}\" rx=\"{rx}\" fill=\"#fff\" opacity=\".92\"/>",
        x = w / 12,
        cw = w - w / 6,
        rx = w / 30
    ));
    for (i, line) in ls.iter().enumerate() {
        let y = card_y + fs + fs / 4 + fs * i as u32;
        s.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-family=\"{FONT}\" font-size=\"{fs}\" font-weight=\"700\" fill=\"#2b2b2b\" text-anchor=\"middle\">{t}</text>",
            x = w / 2,
            t = esc(line)
        ));
    }
    let tag_fs = w / 20;
    s.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"{FONT}\" font-size=\"{tag_fs}\" fill=\"#555\" text-anchor=\"middle\">#{t}</text></svg>",
        x = w / 2,
        y = card_y + card_h - fs / 3,
        t = esc(tag)
    ));
    s
}

/// A round avatar with the first character of the name.
pub fn avatar(rng: &mut Rng, colors: (&str, &str), name: &str) -> String {
    let mut s = open(96, 96, colors.1, colors.0, rng.next_u64());
    let first: String = name.chars().take(1).collect();
    s.push_str(&format!(
        "<text x=\"48\" y=\"62\" font-family=\"{FONT}\" font-size=\"42\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">{}</text></svg>",
        esc(&first)
    ));
    s
}

/// A gallery page: a topic-coloured photo stand-in with simple shapes.
pub fn gallery(rng: &mut Rng, colors: (&str, &str), label: &str) -> String {
    let (w, h) = (600, 800);
    let mut s = open(w, h, colors.0, colors.1, rng.next_u64());
    s.push_str(&blobs(rng, w, h, 6));
    for _ in 0..3 {
        let x = rng.range(40, 360);
        let y = rng.range(60, 600);
        s.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" rx=\"18\" fill=\"#fff\" opacity=\".55\"/>",
            rng.range(120, 220),
            rng.range(80, 180)
        ));
    }
    s.push_str(&format!(
        "<text x=\"300\" y=\"760\" font-family=\"{FONT}\" font-size=\"30\" fill=\"#444\" text-anchor=\"middle\">{}</text></svg>",
        esc(label)
    ));
    s
}

/// A square product shot with the product's first two characters.
pub fn product(rng: &mut Rng, colors: (&str, &str), name: &str) -> String {
    let mut s = open(200, 200, "#ffffff", colors.0, rng.next_u64());
    s.push_str(&format!("<circle cx=\"100\" cy=\"96\" r=\"58\" fill=\"{}\" opacity=\".7\"/>", colors.1));
    let short: String = name.chars().take(2).collect();
    s.push_str(&format!(
        "<text x=\"100\" y=\"110\" font-family=\"{FONT}\" font-size=\"38\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">{}</text></svg>",
        esc(&short)
    ));
    s
}
