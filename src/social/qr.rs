//! QR codes for share links, drawn as one SVG path so the page needs no canvas, no image decoder and no
//! network: the browser renders `<svg viewBox="0 0 {size} {size}"><path d="{path}"/></svg>` crisply at any size.

use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of white border the QR specification requires around the symbol; scanners fail without it.
pub const QUIET_ZONE: u32 = 4;

/// Longest text ever handed to the encoder. Medium error correction holds at most 2,331 bytes, so anything
/// longer is refused before the encoder spends time on it.
const MAX_TEXT_BYTES: usize = 2331;

/// A QR code ready for an inline SVG: the caller picks colours and pixel size, this only carries geometry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, quiet zone included: the SVG's `viewBox` is `0 0 size size`.
    pub size: u32,
    /// SVG path data: each horizontal run of dark modules is one rectangle `M{x} {y}h{w}v1h-{w}z`.
    pub path: String,
}

/// Encodes `text` with medium error correction (survives a smudged or partly covered screen), or `None` when it
/// is too long for any QR version.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    if text.len() > MAX_TEXT_BYTES {
        return None;
    }
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && qr.get_module(x, y) {
                x += 1;
            }
            let (px, py, w) = (start as u32 + QUIET_ZONE, y as u32 + QUIET_ZONE, x - start);
            path.push_str(&format!("M{px} {py}h{w}v1h-{w}z"));
        }
    }
    Some(QrSvg { size: n.unsigned_abs() + 2 * QUIET_ZONE, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads our own path format back into dark modules, so the test checks exactly what the browser draws.
    fn modules(qr: &QrSvg) -> Vec<Vec<bool>> {
        let size = qr.size as usize;
        let mut grid = vec![vec![false; size]; size];
        for rect in qr.path.split('z').filter(|r| !r.is_empty()) {
            let rest = rect.strip_prefix('M').expect("starts with M");
            let (xy, run) = rest.split_once('h').expect("has h");
            let (x, y) = xy.split_once(' ').expect("x y");
            let (w, tail) = run.split_once('v').expect("has v");
            let w: usize = w.parse().expect("width");
            assert_eq!(tail, format!("1h-{w}"));
            let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
            for cell in &mut grid[y][x..x + w] {
                assert!(!*cell, "runs overlap");
                *cell = true;
            }
        }
        grid
    }

    fn scan(qr: &QrSvg, px: usize) -> String {
        let grid = modules(qr);
        let side = qr.size as usize * px;
        let mut img =
            rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| if grid[y / px][x / px] { 0 } else { 255 });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "exactly one QR code in the picture");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn share_url_round_trips_through_a_scanner() {
        let url = "https://guang.example/item/i0042?src=share&code=GI04-2ABC-D";
        let qr = qr_svg(url).expect("fits");
        assert_eq!(scan(&qr, 4), url);
    }

    #[test]
    fn unicode_text_round_trips() {
        let text = "复制这段口令 G1X2-Y3Z4 打开逛";
        assert_eq!(scan(&qr_svg(text).expect("fits"), 3), text);
    }

    #[test]
    fn quiet_zone_is_blank_and_size_matches_version() {
        let qr = qr_svg("https://guang.example/creator/c01").expect("fits");
        // size = 17 + 4·version + 2·quiet zone.
        assert_eq!((qr.size - 2 * QUIET_ZONE - 17) % 4, 0);
        let grid = modules(&qr);
        let q = QUIET_ZONE as usize;
        for (y, row) in grid.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                let inside = (q..grid.len() - q).contains(&x) && (q..grid.len() - q).contains(&y);
                assert!(inside || !dark, "dark module in the quiet zone at {x},{y}");
            }
        }
        // The top-left finder pattern starts right after the quiet zone.
        assert!(grid[q][q] && grid[q][q + 6] && !grid[q + 1][q + 1]);
    }

    #[test]
    fn too_long_text_is_refused() {
        assert!(qr_svg(&"a".repeat(MAX_TEXT_BYTES + 1)).is_none());
        assert!(qr_svg(&"逛".repeat(1000)).is_none());
        assert!(qr_svg("").is_some());
    }
}
