//! Builds Guang's demo content pack: creators, items, feeds and local media, and item embeddings learned
//! from a simulated population ([`taste`]), all from a fixed seed so the committed pack is reproducible byte
//! for byte (`cargo run -p guang-demo-gen -- --check` proves it).
//!
//! The pack is written in the contract's own types (`guang::model`), so it cannot drift from what the app
//! parses, and the generator's tests run every document through the app's validators.

pub mod content;
pub mod svg;
pub mod taste;

use std::collections::BTreeMap;

use guang::model::time::{format_rfc3339, parse_rfc3339};
use guang::model::{
    Campaign, Channel, Collab, Coupon, Creator, CreatorRef, CreatorStats, Image, Item, LiveStatus, Media, Names, Price,
    Product, ShareByLevel, Stats, Traffic, Translation,
};
use serde_json::json;

use content::{
    Topic, BIOS, CAMPAIGN_TITLES, CLOSERS, LIVE_TITLES, MIDDLES, NAME_PARTS, OPENERS, PREVIEW_TITLES, TITLES, TOPICS,
};
use guang::rank::rng::Rng;

/// The seed of the committed pack.
pub const SEED: u64 = 0x0067_7561_6E67; // "guang"
/// The moment the pack describes ("now" for its timestamps): 2026-11-20 12:00 Beijing time.
pub const PACK_NOW: &str = "2026-11-20T12:00:00+08:00";
/// Number of creators.
pub const CREATORS: usize = 48;
/// Number of items.
pub const ITEMS: usize = 720;
/// Items per recommend / channel page.
pub const FEED_PAGE: usize = 20;
/// Items per creator page.
pub const CREATOR_PAGE: usize = 12;
/// Most creators a campaign venue features (the busiest in the campaign).
pub const VENUE_CREATORS: usize = 8;
/// Video clips made by `demo/make-videos.sh` (name, duration in seconds).
pub const CLIPS: [(&str, u32); 4] = [("clip-1.webm", 6), ("clip-2.webm", 8), ("clip-3.webm", 5), ("clip-4.webm", 7)];

/// A file of the pack: path relative to the API base, and its bytes.
pub type Pack = BTreeMap<String, Vec<u8>>;

struct CampaignDef {
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    short_zh: &'static str,
    short_en: &'static str,
    start: &'static str,
    end: &'static str,
    boost: f64,
    topics: &'static [&'static str],
    /// The venue's boost rule in one line.
    rule_zh: &'static str,
    rule_en: &'static str,
    /// When item titles switch from previews (预告) to campaign titles. Its own start for most; for 双12 the
    /// original 2026-12-01 opening, so stretching its window for the venue states moved no title in the pack.
    titles_from: &'static str,
}

const CAMPAIGNS: [CampaignDef; 4] = [
    CampaignDef {
        id: "c618",
        zh: "618 年中大促",
        en: "618 Mid-Year Sale",
        short_zh: "618",
        short_en: "618",
        start: "2026-05-20T20:00:00+08:00",
        end: "2026-06-19T00:00:00+08:00",
        boost: 0.6,
        topics: &["digital", "fashion", "beauty"],
        rule_zh: "活动期间，数码、穿搭、美妆的带货新内容在推荐中加权展示",
        rule_en: "While it runs, new digital, fashion and beauty posts with products get a lift in For you",
        titles_from: "2026-05-20T20:00:00+08:00",
    },
    CampaignDef {
        id: "c1111",
        zh: "双11 全球狂欢节",
        en: "Singles' Day 11.11",
        short_zh: "双11",
        short_en: "Singles' Day",
        start: "2026-10-20T20:00:00+08:00",
        end: "2026-11-12T00:00:00+08:00",
        boost: 0.8,
        topics: &["fashion", "beauty", "digital", "home"],
        rule_zh: "活动期间，穿搭、美妆、数码、家居的带货新内容在推荐中优先展示",
        rule_en: "While it runs, new fashion, beauty, digital and home posts with products come first in For you",
        titles_from: "2026-10-20T20:00:00+08:00",
    },
    CampaignDef {
        id: "c1212",
        zh: "双12 年终好价",
        en: "Double 12 Year-End Deals",
        short_zh: "双12",
        short_en: "Double 12",
        start: "2026-11-16T00:00:00+08:00",
        end: "2027-12-13T00:00:00+08:00",
        boost: 0.5,
        topics: &["digital", "home"],
        rule_zh: "活动期间，数码与家居的带货内容获得额外推荐流量",
        rule_en: "While it runs, digital and home posts with products get extra reach",
        titles_from: "2026-12-01T00:00:00+08:00",
    },
    CampaignDef {
        id: "cnewyear",
        zh: "年货节",
        en: "New Year Shopping Festival",
        short_zh: "年货节",
        short_en: "New Year Festival",
        start: "2028-01-05T00:00:00+08:00",
        end: "2028-02-06T00:00:00+08:00",
        boost: 0.7,
        topics: &["food", "home", "baby"],
        rule_zh: "活动期间，美食、家居、母婴的年货内容在推荐中加权展示",
        rule_en: "While it runs, food, home and baby posts for the New Year get a lift",
        titles_from: "2028-01-05T00:00:00+08:00",
    },
];

fn ts(s: &str) -> i64 {
    parse_rfc3339(s).unwrap_or_else(|| panic!("bad constant timestamp {s}"))
}

fn json_bytes(v: &serde_json::Value) -> Vec<u8> {
    let mut s = serde_json::to_string(v).unwrap_or_default();
    s.push('\n');
    s.into_bytes()
}

struct CreatorDraft {
    creator: Creator,
    topic: usize,
    second_topic: usize,
    popularity: f64,
}

/// Salt for the traffic generator's own stream: traffic is drawn from a separate SplitMix64 sequence so adding
/// it did not shift every later random draw (and every cover) of the pack.
const TRAFFIC_SALT: u64 = 0x7472_6166_6669_6321; // "traffic!"

/// Where a creator's views of the last 30 days came from, plausible for a creator with `followers`: the
/// recommend feed dominates, following scales with followers, shares, campaigns and other sites are smaller,
/// embeds small. `in_campaign` says whether the creator has campaign items at all.
fn traffic(rng: &mut Rng, followers: u64, in_campaign: bool) -> Traffic {
    let f = followers.max(50) as f64;
    let reach = f * (1.2 + 2.8 * rng.unit());
    let share = |rng: &mut Rng, lo: f64, hi: f64| (reach * (lo + (hi - lo) * rng.unit())) as u64;
    Traffic {
        recommend: share(rng, 0.55, 0.75),
        following: (f * (0.08 + 0.17 * rng.unit())) as u64,
        profile: share(rng, 0.03, 0.08),
        share: share(rng, 0.02, 0.06),
        campaign: if in_campaign { share(rng, 0.02, 0.07) } else { 0 },
        external: share(rng, 0.01, 0.03),
        embed: share(rng, 0.002, 0.01),
        direct: share(rng, 0.01, 0.03),
        // Drawn from the collaboration stream for creators who have collaborators (see `collab_graph`).
        collab: 0,
    }
}

/// Salt for creators' collaborations (创作者相互引流): a stream of its own, so adding them moved nothing else.
const COLLAB_SALT: u64 = 0x636f_6c6c_6162_7321; // "collabs!"
/// Most collaborators a demo creator has.
const MAX_DEMO_COLLABS: usize = 4;

/// Who works with whom, as each creator's partners with the reason: mutual (a creator page and its partner's
/// both list the pair), at most [`MAX_DEMO_COLLABS`] each. Half the tries look among creators of the same main
/// topic, where half the pairs are 同好 (`kindred`); every other pair is a 合作 (`collab`).
fn collab_graph(rng: &mut Rng, creators: &[CreatorDraft]) -> Vec<Vec<(usize, &'static str)>> {
    let n = creators.len();
    let mut graph: Vec<Vec<(usize, &'static str)>> = vec![Vec::new(); n];
    for a in 0..n {
        for _ in 0..rng.index(3) {
            let same: Vec<usize> = (0..n).filter(|&b| b != a && creators[b].topic == creators[a].topic).collect();
            let b = if rng.chance(0.5) && !same.is_empty() { *rng.pick(&same) } else { rng.index(n) };
            let full = |l: &Vec<(usize, &str)>| l.len() >= MAX_DEMO_COLLABS;
            if b == a || full(&graph[a]) || full(&graph[b]) || graph[a].iter().any(|(x, _)| *x == b) {
                continue;
            }
            let reason = if creators[b].topic == creators[a].topic && rng.chance(0.5) { "kindred" } else { "collab" };
            graph[a].push((b, reason));
            graph[b].push((a, reason));
        }
    }
    for partners in graph.iter_mut() {
        partners.sort_unstable();
    }
    graph
}

/// Salt for the share-by-fan-level split: its own stream, so adding it moved nothing else in the pack.
const FANS_SALT: u64 = 0x6661_6e6c_6576_656c; // "fanlevel"

/// How a creator's share views split by the sharer's fan level: super fans bring a fifth to two fifths,
/// 铁粉 and 粉丝 a fifth or so each, passers-by the rest.
fn share_by_level(rng: &mut Rng, share: u64) -> ShareByLevel {
    let part = |rng: &mut Rng, lo: f64, hi: f64| (share as f64 * (lo + (hi - lo) * rng.unit())) as u64;
    let super_fan = part(rng, 0.2, 0.4);
    let loyal = part(rng, 0.15, 0.3);
    let fan = part(rng, 0.15, 0.25);
    let passerby = share.saturating_sub(super_fan + loyal + fan);
    ShareByLevel { passerby, fan, loyal, super_fan }
}

/// The coupon a demo product carries, if any: chosen by position (no draw from the generator's random
/// stream, so adding coupons moved nothing else in the pack). Their windows are fixed dates, so every state
/// shows both at the pack's moment (2026-11-20) and for a year after it: the first product of each topic has
/// an amount off above its own price, valid until the end of 2027; the second a percentage off (even topics,
/// valid) or a 双11 coupon that ended on 2026-11-12 (odd topics); every third topic's third product a 年货节
/// coupon that only opens in 2028.
fn demo_coupon(topic: usize, product: usize, topic_id: &str, price: i64) -> Option<Coupon> {
    let code = |tag: &str| format!("{}-{tag}", topic_id.to_ascii_uppercase());
    let window = |from: &str, to: &str| (Some(from.to_string()), to.to_string());
    let (code, amount_off, percent_off, min_spend, (starts_at, ends_at)) = match (product, topic % 2, topic % 3) {
        (0, _, _) => {
            let off = (price / 1000).max(1) * 100;
            (
                code("GUANG"),
                Some(off),
                None,
                price - price % 100,
                window("2026-11-01T00:00:00+08:00", "2027-12-31T23:59:59+08:00"),
            )
        }
        (1, 0, _) => {
            (code("FANS12"), None, Some(12), 0, window("2026-11-01T00:00:00+08:00", "2027-12-31T23:59:59+08:00"))
        }
        (1, _, _) => {
            (code("1111"), Some(3000), None, 20000, window("2026-11-01T00:00:00+08:00", "2026-11-12T00:00:00+08:00"))
        }
        (2, _, 0) => {
            (code("NIANHUO"), Some(5000), None, 30000, window("2028-01-10T00:00:00+08:00", "2028-02-10T00:00:00+08:00"))
        }
        _ => return None,
    };
    let mut p = guang::model::problem::Problems::default();
    let wire = json!({"code": code, "amount_off": amount_off, "percent_off": percent_off, "min_spend": min_spend,
                      "starts_at": starts_at, "ends_at": ends_at});
    let coupon = Coupon::read(&wire, "coupon", &mut p);
    assert!(p.is_empty(), "demo coupon {code}: {:?}", p.into_vec());
    coupon
}

/// Builds the whole pack in memory.
pub fn build_pack(seed: u64) -> Pack {
    let mut rng = Rng::new(seed);
    let mut pack = Pack::new();
    let now = ts(PACK_NOW);

    // Product images and shop pages, shared by items of a topic.
    let mut products: Vec<Vec<Product>> = Vec::new();
    for (ti, t) in TOPICS.iter().enumerate() {
        let mut list = Vec::new();
        for (pi, (name, lo, hi)) in t.products.iter().enumerate() {
            let id = format!("p-{}-{}", t.id, pi + 1);
            let yuan = rng.range(u64::from(*lo), u64::from(*hi) + 1);
            let amount = (yuan * 100) as i64 - if rng.chance(0.3) { 10 } else { 0 };
            pack.insert(format!("media/products/{id}.svg"), svg::product(&mut rng, t.colors, name).into_bytes());
            let price = Price { amount, currency: "CNY".into() };
            pack.insert(format!("shop/{id}.html"), shop_page(name, &guang::format::price(&price)).into_bytes());
            list.push(Product {
                id: id.clone(),
                title: (*name).into(),
                price,
                url: format!("shop/{id}.html"),
                image: Some(format!("media/products/{id}.svg")),
                coupon: demo_coupon(ti, pi, t.id, amount),
            });
        }
        products.push(list);
        for g in 0..6 {
            let label = format!("{} · {}", t.zh, g + 1);
            pack.insert(
                format!("media/gallery/{}-{}.svg", t.id, g + 1),
                svg::gallery(&mut rng, t.colors, &label).into_bytes(),
            );
        }
    }

    // Creators.
    let mut creators: Vec<CreatorDraft> = Vec::new();
    for i in 0..CREATORS {
        let topic = i % TOPICS.len();
        let k = i / TOPICS.len();
        let t = &TOPICS[topic];
        let part = NAME_PARTS[(5 * topic + k) % NAME_PARTS.len()];
        let name = format!("{}{}", part.0, t.handle.0);
        let id = format!("c{:02}", i + 1);
        pack.insert(format!("media/avatars/{id}.svg"), svg::avatar(&mut rng, t.colors, &name).into_bytes());
        let bio = rng.pick(BIOS);
        let mut bio_translations = BTreeMap::new();
        bio_translations.insert("en".to_string(), bio.1.replace("{t}", &t.en.to_lowercase()));
        let second_topic = (topic + 1 + rng.index(TOPICS.len() - 1)) % TOPICS.len();
        creators.push(CreatorDraft {
            creator: Creator {
                id,
                name,
                avatar: String::new(),
                verified: rng.chance(0.3),
                bio: bio.0.replace("{t}", t.zh),
                bio_translations,
                topics: vec![t.id.into(), TOPICS[second_topic].id.into()],
                stats: CreatorStats::default(),
                live_item: None,
                traffic: None,
                share_by_level: None,
                collabs: Vec::new(),
            },
            topic,
            second_topic,
            popularity: 0.25 + 0.75 * rng.unit(),
        });
    }
    for c in creators.iter_mut() {
        c.creator.avatar = format!("media/avatars/{}.svg", c.creator.id);
    }

    // Items.
    let mut items: Vec<Item> = Vec::with_capacity(ITEMS);
    for n in 0..ITEMS {
        // Prolific creators post more: pick two and keep the more popular one half of the time.
        let a = rng.index(CREATORS);
        let b = rng.index(CREATORS);
        let ci = if rng.chance(0.5) && creators[b].popularity > creators[a].popularity { b } else { a };
        let cd = &creators[ci];
        let topic_i = if rng.chance(0.8) { cd.topic } else { cd.second_topic };
        let t: &Topic = &TOPICS[topic_i];
        let subject = *rng.pick(t.subjects);
        let kind_roll = rng.unit();
        let age = if kind_roll >= 0.92 && rng.chance(0.4) {
            rng.range(600, 6 * 3600) as i64
        } else if rng.chance(0.7) {
            rng.range(300, 30 * 86_400) as i64
        } else {
            rng.range(30 * 86_400, 200 * 86_400) as i64
        };
        let published = now - age;
        let has_products = kind_roll >= 0.92 || rng.chance(0.7);

        let campaign = if !has_products {
            None
        } else {
            CAMPAIGNS.iter().find(|c| {
                let (s, e) = (ts(c.start), ts(c.end));
                match c.id {
                    "c1212" => published > now - 6 * 86_400 && rng.chance(0.3),
                    "cnewyear" => {
                        (t.id == "food" || t.id == "home") && published > now - 10 * 86_400 && rng.chance(0.25)
                    }
                    _ => published >= s - 3 * 86_400 && published < e && rng.chance(0.6),
                }
            })
        };

        let (title_zh, title_en) = if kind_roll >= 0.92 {
            let p = rng.pick(LIVE_TITLES);
            (p.0.replace("{s}", subject.0), p.1.replace("{s}", subject.1))
        } else if let Some(c) = campaign {
            let started = published >= ts(c.titles_from);
            let p = if started { rng.pick(CAMPAIGN_TITLES) } else { rng.pick(PREVIEW_TITLES) };
            (
                p.0.replace("{c}", c.short_zh).replace("{s}", subject.0),
                p.1.replace("{c}", c.short_en).replace("{s}", subject.1),
            )
        } else {
            let p = rng.pick(TITLES);
            (p.0.replace("{s}", subject.0), p.1.replace("{s}", subject.1))
        };
        let title_en = capitalise(&title_en);
        let (o, m1, m2, cl) = (rng.pick(OPENERS), rng.pick(MIDDLES), rng.pick(MIDDLES), rng.pick(CLOSERS));
        let text_zh =
            format!("{}\n\n{}{}\n\n{}", o.0.replace("{s}", subject.0), m1.0, if m1 == m2 { "" } else { m2.0 }, cl.0);
        let text_en = format!(
            "{}\n\n{}{}\n\n{}",
            o.1.replace("{s}", subject.1),
            m1.1,
            if m1 == m2 { String::new() } else { format!(" {}", m2.1) },
            cl.1
        );

        let id = format!("i{:04}", n + 1);
        let ratios: &[(u32, u32)] = if (0.68..0.92).contains(&kind_roll) {
            &[(9, 16), (3, 4), (1, 1)]
        } else {
            &[(3, 4), (3, 4), (4, 5), (1, 1), (2, 3), (4, 3)]
        };
        let (rw, rh) = *rng.pick(ratios);
        let (w, h) = (600, 600 * rh / rw);
        pack.insert(
            format!("media/covers/{id}.svg"),
            svg::cover(&mut rng, w, h, t.colors, t.zh, subject.0).into_bytes(),
        );
        let cover = Image {
            url: format!("media/covers/{id}.svg"),
            width: w,
            height: h,
            alt: format!("{}：{}", t.zh, subject.0),
        };

        let media = if kind_roll < 0.68 {
            let extra = rng.index(4);
            let mut images = vec![cover.clone()];
            for e in 0..extra {
                let g = (rng.index(6) + e) % 6 + 1;
                images.push(Image {
                    url: format!("media/gallery/{}-{g}.svg", t.id),
                    width: 600,
                    height: 800,
                    alt: format!("{} {}", t.zh, e + 2),
                });
            }
            Media::Note { images }
        } else if kind_roll < 0.92 {
            let (clip, secs) = CLIPS[rng.index(CLIPS.len())];
            Media::Video { url: format!("media/videos/{clip}"), duration_s: secs }
        } else {
            let status = if age < 6 * 3600 { LiveStatus::Live } else { LiveStatus::Ended };
            Media::Live {
                viewers: (cd.popularity * rng.range(200, 60_000) as f64) as u64,
                started_at: format_rfc3339(published),
                status,
            }
        };

        let pop = cd.popularity;
        let likes = ((2.0 + 7.5 * pop * rng.unit()).exp()) as u64;
        let stats = Stats {
            likes,
            comments: likes / rng.range(8, 40),
            shares: likes / rng.range(15, 60),
            views: likes * rng.range(8, 30),
        };
        let prods = if has_products {
            let count = if kind_roll >= 0.92 { 3 } else { 1 + rng.index(2) };
            let mut ps = Vec::new();
            for _ in 0..count {
                let p = rng.pick(&products[topic_i]).clone();
                if !ps.iter().any(|q: &Product| q.id == p.id) {
                    ps.push(p);
                }
            }
            ps
        } else {
            Vec::new()
        };
        let mut translations = BTreeMap::new();
        translations.insert("en".to_string(), Translation { title: title_en, text: text_en });
        let mut topics = vec![t.id.to_string()];
        let other = if topic_i == cd.topic { cd.second_topic } else { cd.topic };
        if rng.chance(0.25) {
            topics.push(TOPICS[other].id.to_string());
        }
        items.push(Item {
            id,
            media,
            title: title_zh,
            text: text_zh,
            translations,
            cover,
            creator: CreatorRef::of(&cd.creator),
            co_creators: Vec::new(),
            topics,
            products: prods,
            campaign: campaign.map(|c| c.id.to_string()),
            published_at: format_rfc3339(published),
            stats,
            score: None,
            embedding: None,
            vector: None,
            keys: None,
            published_ts: published,
        });
    }

    // Server score: popularity, freshness and a little noise, like a server ranker's output.
    let max_likes = items.iter().map(|i| i.stats.likes).max().unwrap_or(1) as f64;
    for item in items.iter_mut() {
        let pop = (1.0 + item.stats.likes as f64).ln() / (1.0 + max_likes).ln();
        let age_days = (now - item.published_ts) as f64 / 86_400.0;
        let fresh = (-age_days / 14.0).exp();
        let s = 0.5 * pop + 0.3 * fresh + 0.2 * rng.unit();
        item.score = Some((s * 1000.0).round() / 1000.0);
    }

    // Embeddings learned from a simulated population's co-engagement (its own random streams).
    let topic_ids: Vec<&str> = TOPICS.iter().map(|t| t.id).collect();
    let learned = taste::embeddings(&items, &topic_ids, now, seed);
    for (item, e) in items.iter_mut().zip(learned) {
        item.embedding = e;
    }

    // 直播预告: the two streams that ended last become announcements instead (after the scores and
    // embeddings, so nothing else in the pack moves), planned for 20:00 Beijing time on the pack's day and the
    // day after; the first has bookings, the second a server that does not count them (0).
    let mut ended: Vec<usize> =
        (0..items.len()).filter(|&i| matches!(items[i].media, Media::Live { status: LiveStatus::Ended, .. })).collect();
    ended.sort_by_key(|&i| std::cmp::Reverse(items[i].published_ts));
    for (day, &i) in ended.iter().take(2).enumerate() {
        let item = &mut items[i];
        let Media::Live { viewers, .. } = item.media else { continue };
        let planned = now + 8 * 3600 + day as i64 * 86_400;
        let booked = if day == 0 { viewers / 10 } else { 0 };
        item.media =
            Media::Live { viewers: booked, started_at: format_rfc3339(planned), status: LiveStatus::Scheduled };
        item.title = item.title.replacen("直播中｜", "直播预告｜", 1);
        if let Some(en) = item.translations.get_mut("en") {
            en.title = en.title.replacen("Live | ", "Upcoming live | ", 1);
        }
    }

    // Collaborations: each creator's partners on its page, their ids in every item's creator summary, and a
    // 合作 partner credited as co-creator on about one in eight of the items of creators who have one.
    let mut collab_rng = Rng::new(seed ^ COLLAB_SALT);
    let graph = collab_graph(&mut collab_rng, &creators);
    let position: BTreeMap<String, usize> =
        creators.iter().enumerate().map(|(i, c)| (c.creator.id.clone(), i)).collect();
    for (i, partners) in graph.iter().enumerate() {
        creators[i].creator.collabs = partners
            .iter()
            .map(|&(b, reason)| {
                let c = &creators[b].creator;
                Collab {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    avatar: c.avatar.clone(),
                    verified: c.verified,
                    reason: reason.into(),
                }
            })
            .collect();
    }
    for item in items.iter_mut() {
        let Some(&ci) = position.get(&item.creator.id) else { continue };
        item.creator.collabs = graph[ci].iter().map(|&(b, _)| creators[b].creator.id.clone()).collect();
        let partners: Vec<usize> = graph[ci].iter().filter(|(_, r)| *r == "collab").map(|&(b, _)| b).collect();
        if !partners.is_empty() && collab_rng.chance(0.125) {
            item.co_creators = vec![CreatorRef::of(&creators[*collab_rng.pick(&partners)].creator)];
        }
    }

    // Creator stats, traffic and live items.
    let mut traffic_rng = Rng::new(seed ^ TRAFFIC_SALT);
    let mut fans_rng = Rng::new(seed ^ FANS_SALT);
    for c in creators.iter_mut() {
        let mine: Vec<&Item> = items.iter().filter(|i| i.creator.id == c.creator.id).collect();
        c.creator.stats = CreatorStats {
            followers: (c.popularity * c.popularity * rng.range(2_000, 400_000) as f64) as u64,
            likes: mine.iter().map(|i| i.stats.likes).sum(),
            items: mine.len() as u64,
        };
        let in_campaign = mine.iter().any(|i| i.campaign.is_some());
        let mut t = traffic(&mut traffic_rng, c.creator.stats.followers, in_campaign);
        if !c.creator.collabs.is_empty() {
            t.collab = (t.profile as f64 * (0.2 + 0.6 * collab_rng.unit())) as u64;
        }
        c.creator.share_by_level = Some(share_by_level(&mut fans_rng, t.share));
        c.creator.traffic = Some(t);
        c.creator.live_item =
            mine.iter().filter(|i| i.is_live_now()).max_by_key(|i| i.published_ts).map(|i| i.id.clone());
    }

    // Documents.
    for item in &items {
        pack.insert(format!("items/{}.json", item.id), json_bytes(&json!({"version": 1, "item": item})));
    }
    for c in &creators {
        pack.insert(
            format!("creators/{}.json", c.creator.id),
            json_bytes(&json!({"version": 1, "creator": c.creator})),
        );
        let mut mine: Vec<&Item> = items.iter().filter(|i| i.creator.id == c.creator.id).collect();
        mine.sort_by(|a, b| b.published_ts.cmp(&a.published_ts).then(a.id.cmp(&b.id)));
        write_pages(&mut pack, &format!("creators/{}/items", c.creator.id), &mine, CREATOR_PAGE);
    }
    let mut ranked: Vec<&Item> = items.iter().collect();
    ranked.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal).then(a.id.cmp(&b.id)));
    write_pages(&mut pack, "feed/recommend", &ranked, FEED_PAGE);
    for t in TOPICS {
        let in_topic: Vec<&Item> = ranked.iter().copied().filter(|i| i.topics.iter().any(|x| x == t.id)).collect();
        write_pages(&mut pack, &format!("feed/{}", t.id), &in_topic, FEED_PAGE);
    }

    let mut channels =
        vec![Channel { id: "recommend".into(), name: Names { zh: "推荐".into(), en: "For you".into() } }];
    channels
        .extend(TOPICS.iter().map(|t| Channel { id: t.id.into(), name: Names { zh: t.zh.into(), en: t.en.into() } }));
    let campaigns: Vec<Campaign> = CAMPAIGNS
        .iter()
        .map(|c| Campaign {
            id: c.id.into(),
            name: Names { zh: c.zh.into(), en: c.en.into() },
            start: c.start.into(),
            end: c.end.into(),
            boost: c.boost,
            topics: c.topics.iter().map(|t| (*t).to_string()).collect(),
            start_ts: ts(c.start),
            end_ts: ts(c.end),
        })
        .collect();
    // Campaign venues: a document per campaign (its window, rule, busiest creators and topics) and its items
    // as feed pages, best first. Read from what is already made, so no random draw moves.
    for c in &CAMPAIGNS {
        let mine: Vec<&Item> = ranked.iter().copied().filter(|i| i.campaign.as_deref() == Some(c.id)).collect();
        let mut counts: BTreeMap<&str, (usize, &CreatorRef)> = BTreeMap::new();
        for i in &mine {
            counts.entry(i.creator.id.as_str()).or_insert((0, &i.creator)).0 += 1;
        }
        let mut busiest: Vec<(usize, &CreatorRef)> = counts.into_values().collect();
        busiest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        let featured: Vec<&CreatorRef> = busiest.into_iter().take(VENUE_CREATORS).map(|(_, r)| r).collect();
        let venue = json!({"version": 1, "campaign": {
            "id": c.id, "name": Names { zh: c.zh.into(), en: c.en.into() },
            "starts_at": c.start, "ends_at": c.end,
            "rule": Names { zh: c.rule_zh.into(), en: c.rule_en.into() },
            "creators": featured, "topics": c.topics}});
        pack.insert(format!("campaigns/{}.json", c.id), json_bytes(&venue));
        write_pages(&mut pack, &format!("campaigns/{}/feed", c.id), &mine, FEED_PAGE);
    }

    let index = json!({"version": 1, "name": "Guang demo pack", "generated_for": PACK_NOW, "channels": channels,
        "campaigns": campaigns, "embedding_dim": taste::EMBEDDING_DIM});
    let mut text = serde_json::to_string_pretty(&index).unwrap_or_default();
    text.push('\n');
    pack.insert("index.json".into(), text.into_bytes());
    pack
}

fn write_pages(pack: &mut Pack, dir: &str, items: &[&Item], per_page: usize) {
    let pages: Vec<&[&Item]> = items.chunks(per_page).collect();
    let count = pages.len().max(1);
    for n in 0..count {
        let page_items: &[&Item] = pages.get(n).copied().unwrap_or(&[]);
        let next = if n + 1 < count { Some(format!("{dir}/{}.json", n + 2)) } else { None };
        pack.insert(
            format!("{dir}/{}.json", n + 1),
            json_bytes(&json!({"version": 1, "items": page_items, "next": next})),
        );
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn shop_page(name: &str, price: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<title>{name}</title></head><body style=\"font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem\">\
<p>Guang 演示店铺 · Demo shop</p><h1>{name}</h1><p style=\"font-size:1.5rem;color:#e4393c\">{price}</p>\
<p>这是演示内容包中的商品页，不能下单。This is a product page of the demo content pack; nothing can be ordered.</p></body></html>\n"
    )
}
