//! Reads MovieLens 100K as RecBole packs it (`ml-100k.{inter,item,kg,link}`): ratings with timestamps,
//! genres as topics, and directors as creators (the `.kg` relation `film.film.directed_by`, reached
//! through `.link`). The data is GroupLens's (F. Maxwell Harper and Joseph A. Konstan, "The MovieLens
//! Datasets: History and Context", ACM TiiS 5(4), 2015); its licence forbids redistribution, so it is
//! fetched at evaluation time into a cache outside the repository and nothing derived from it is kept.

use std::collections::HashMap;
use std::path::Path;

/// One rating.
#[derive(Clone, Copy, Debug)]
pub struct Rating {
    /// Dense user index.
    pub user: usize,
    /// Dense item index.
    pub item: usize,
    /// 1 to 5 stars.
    pub stars: u8,
    /// Unix seconds.
    pub ts: i64,
}

/// The whole data set, with dense indices.
pub struct MovieLens {
    /// Every rating, sorted by time (ties by user, then item).
    pub ratings: Vec<Rating>,
    /// Per item: its genres (lower-case, as topic ids).
    pub genres: Vec<Vec<String>>,
    /// Per item: its first director's id, or a per-item id when unknown.
    pub director: Vec<String>,
    /// Number of users.
    pub users: usize,
}

fn read(dir: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {}: {e}", dir.join(name).display()))
}

/// Rows of a RecBole atomic file (tab-separated, one header line).
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// Loads the four files from `dir`.
pub fn load(dir: &Path) -> Result<MovieLens, String> {
    let mut item_ix: HashMap<String, usize> = HashMap::new();
    let mut user_ix: HashMap<String, usize> = HashMap::new();
    let mut genres: Vec<Vec<String>> = Vec::new();
    for r in rows(&read(dir, "ml-100k.item")?) {
        let (Some(id), Some(class)) = (r.first(), r.get(3)) else { continue };
        let ix = item_ix.len();
        item_ix.insert(id.to_string(), ix);
        genres.push(class.split_whitespace().map(|g| g.to_lowercase().replace('\'', "")).collect());
    }
    let mut ratings = Vec::new();
    for r in rows(&read(dir, "ml-100k.inter")?) {
        let (Some(u), Some(i), Some(stars), Some(ts)) = (r.first(), r.get(1), r.get(2), r.get(3)) else { continue };
        let Some(&item) = item_ix.get(*i) else { continue };
        let next = user_ix.len();
        let user = *user_ix.entry(u.to_string()).or_insert(next);
        let stars = stars.parse::<f64>().map_err(|e| format!("bad rating {stars}: {e}"))? as u8;
        let ts = ts.parse::<f64>().map_err(|e| format!("bad timestamp {ts}: {e}"))? as i64;
        ratings.push(Rating { user, item, stars, ts });
    }
    ratings.sort_by_key(|r| (r.ts, r.user, r.item));
    let mut entity_item: HashMap<&str, usize> = HashMap::new();
    let link = read(dir, "ml-100k.link")?;
    for r in rows(&link) {
        if let (Some(i), Some(e)) = (r.first(), r.get(1)) {
            if let Some(&ix) = item_ix.get(*i) {
                entity_item.insert(e, ix);
            }
        }
    }
    let mut director: Vec<Option<String>> = vec![None; genres.len()];
    for r in rows(&read(dir, "ml-100k.kg")?) {
        if r.get(1) != Some(&"film.film.directed_by") {
            continue;
        }
        if let (Some(head), Some(tail)) = (r.first(), r.get(2)) {
            if let Some(&ix) = entity_item.get(head) {
                director[ix].get_or_insert_with(|| tail.replace('.', "_"));
            }
        }
    }
    let director = director.into_iter().enumerate().map(|(i, d)| d.unwrap_or_else(|| format!("unknown_{i}"))).collect();
    Ok(MovieLens { ratings, genres, director, users: user_ix.len() })
}
