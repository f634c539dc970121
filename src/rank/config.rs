//! Every weight of the ranker in one documented place (docs/ranking.md explains the choices). Tuned with
//! `make eval`; changing a number here changes what the offline evaluation reports.

use serde::{Deserialize, Serialize};

/// How much each interaction moves the interest profile, before dimension factors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignalWeights {
    /// A card seen (half visible for 1 s) without an open: a weak negative, as in EdgeRec.
    pub impression: f64,
    /// Per second a card stayed on screen beyond the first (capped by `dwell_cap`).
    pub card_dwell_per_s: f64,
    /// Cap of the card dwell contribution.
    pub dwell_cap: f64,
    /// Opening an item.
    pub open: f64,
    /// Per 10 s on the item page (capped by `item_dwell_cap`).
    pub item_dwell_per_10s: f64,
    /// Cap of the item dwell contribution.
    pub item_dwell_cap: f64,
    /// Liking an item.
    pub like: f64,
    /// Sharing an item.
    pub share: f64,
    /// Following the item's creator.
    pub follow: f64,
    /// Visiting the creator's page.
    pub creator_visit: f64,
    /// Watching a whole video (scaled by the fraction watched).
    pub video_watched: f64,
    /// "Not interested" on an item (the item is also hidden for good).
    pub hide: f64,
    /// "Less like this" on a topic.
    pub less_topic: f64,
}

/// How strongly a signal reaches each dimension of the profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionFactors {
    /// Topics of the item (each topic gets this share).
    pub topic: f64,
    /// The item's creator.
    pub creator: f64,
    /// Note, video or live.
    pub kind: f64,
    /// The item's campaign.
    pub campaign: f64,
    /// Price band of the first product.
    pub price: f64,
}

/// Weights of the score's terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreWeights {
    /// Normalised server score (0..1).
    pub server: f64,
    /// Topic affinity (squashed to -1..1).
    pub topic: f64,
    /// Creator affinity.
    pub creator: f64,
    /// Kind affinity.
    pub kind: f64,
    /// Campaign affinity.
    pub campaign: f64,
    /// Price-band affinity.
    pub price: f64,
    /// The user follows the creator.
    pub followed: f64,
    /// The user follows someone the creator works with (or a co-creator of the item), and not the creator:
    /// small, so a collaborator is introduced rather than pushed.
    pub collab: f64,
    /// Freshness (1 for brand new, halving every `fresh_half_life_h`).
    pub fresh: f64,
    /// A live stream on air now.
    pub live_now: f64,
    /// The item's campaign is running now (times the campaign's own boost).
    pub campaign_active: f64,
    /// Penalty for an item already shown in an earlier session.
    pub seen: f64,
    /// The session model: how close the item's embedding is to what the user engaged with, as a z-score
    /// over the candidates, times the evidence gate.
    pub embed: f64,
}

/// The whole ranker configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankConfig {
    /// Signal strengths.
    pub signals: SignalWeights,
    /// Per-dimension factors.
    pub dims: DimensionFactors,
    /// Score term weights.
    pub score: ScoreWeights,
    /// Short-term memory half-life, hours (this session's mood).
    pub short_half_life_h: f64,
    /// Long-term memory half-life, hours (weeks of taste).
    pub long_half_life_h: f64,
    /// Share of the long-term affinity in the combined affinity (short-term gets 1).
    pub long_share: f64,
    /// Affinity that saturates the squashing function (tanh(x / scale)).
    pub affinity_scale: f64,
    /// Freshness half-life, hours.
    pub fresh_half_life_h: f64,
    /// Entries kept per dimension (top-K by magnitude); bounds the profile's size.
    pub top_k: usize,
    /// Recent signals kept for explanations and the interests page.
    pub history_len: usize,
    /// Seen item ids kept (oldest forgotten first).
    pub seen_len: usize,
    /// Hidden items kept.
    pub hidden_len: usize,
    /// Positions in which the same creator may appear only once (4: never twice within 4 slots).
    pub creator_window: usize,
    /// Most items of one kind in a row.
    pub max_kind_run: usize,
    /// MMR-style penalty per topic shared with each of the last `topic_window` placed items.
    pub topic_repeat_penalty: f64,
    /// How many placed items the topic penalty looks back over.
    pub topic_window: usize,
    /// Penalty per earlier appearance of the same creator within `creator_repeat_window` placed items, so a
    /// strong taste does not collapse the feed onto a handful of creators.
    pub creator_repeat_penalty: f64,
    /// How many placed items the creator penalty looks back over.
    pub creator_repeat_window: usize,
    /// How many eligible candidates (by score) each of the first `careful_slots` slots considers.
    pub lookahead: usize,
    /// Slots placed with the full lookahead; the deeper tail (re-ranked again before anyone reaches it) uses
    /// `tail_lookahead`, which keeps ranking 10,000 items within a few milliseconds.
    pub careful_slots: usize,
    /// Lookahead beyond `careful_slots`.
    pub tail_lookahead: usize,
    /// Slots from here on are filled in score order under the hard rules only (creator window, kind runs),
    /// without penalties or exploration, at a few operations each. Nobody sees them in this order: a feed keeps
    /// about 100 unseen items loaded and every page that arrives re-ranks, so with 200 the cheap order only
    /// ever sits where no one scrolls before the next re-rank. It is what makes 10,000 items cost milliseconds.
    pub deep_from: usize,
    /// Share of slots given to exploration (low-affinity topics).
    pub exploration: f64,
    /// Slots at the top of the re-ranked tail that never explore: right after a signal, the next cards
    /// answer it; exploration spreads through what comes after.
    pub explore_from: usize,
    /// Engaged items (with embeddings) the session model remembers; the oldest are forgotten first.
    pub engaged_len: usize,
    /// Factor on negative engagement ("not interested") in the session vector: it pushes away from the
    /// hidden item's neighbours, less strongly than positives pull (MovieLens shows a low rating is still
    /// evidence of taste; docs/ranking.md).
    pub embed_negative: f64,
    /// Recency by position in the session: the k-th most recent engaged item weighs `exp(-k / this)`
    /// (STAN's position weight); 0 weighs all alike.
    pub embed_recency: f64,
    /// Half-life, hours, of an engagement in the session vector.
    pub embed_half_life_h: f64,
    /// Evidence (decayed engagement weight; an open with a long read is about 2) at which the session model
    /// gets half its weight: with less, the order stays close to the server's.
    pub gate_half: f64,
}

impl Default for RankConfig {
    fn default() -> Self {
        Self {
            signals: SignalWeights {
                impression: -0.15,
                card_dwell_per_s: 0.05,
                dwell_cap: 0.3,
                open: 1.0,
                item_dwell_per_10s: 0.2,
                item_dwell_cap: 1.0,
                like: 2.0,
                share: 2.5,
                follow: 3.0,
                creator_visit: 1.0,
                video_watched: 1.5,
                hide: -3.0,
                less_topic: -4.0,
            },
            dims: DimensionFactors { topic: 1.0, creator: 0.8, kind: 0.3, campaign: 0.3, price: 0.3 },
            score: ScoreWeights {
                server: 1.0,
                topic: 0.2,
                creator: 0.4,
                kind: 0.3,
                campaign: 0.2,
                price: 0.2,
                followed: 0.8,
                collab: 0.3,
                fresh: 0.25,
                live_now: 0.3,
                campaign_active: 0.3,
                seen: 0.6,
                embed: 0.6,
            },
            short_half_life_h: 2.0,
            long_half_life_h: 24.0 * 14.0,
            long_share: 0.5,
            affinity_scale: 2.5,
            fresh_half_life_h: 72.0,
            top_k: 64,
            history_len: 200,
            seen_len: 5_000,
            hidden_len: 2_000,
            creator_window: 4,
            max_kind_run: 2,
            topic_repeat_penalty: 0.02,
            topic_window: 3,
            creator_repeat_penalty: 0.2,
            creator_repeat_window: 20,
            lookahead: 64,
            careful_slots: 60,
            tail_lookahead: 8,
            deep_from: 200,
            exploration: 0.08,
            explore_from: 20,
            engaged_len: 50,
            embed_negative: 0.3,
            embed_recency: 2.5,
            embed_half_life_h: 24.0,
            gate_half: 8.0,
        }
    }
}
