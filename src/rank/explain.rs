//! Plain-language reasons for a placement ("为什么推荐"): the largest positive terms of its score, mapped to
//! what the user did or what is going on. The UI turns each reason into a sentence in zh or en.

use super::candidate::Candidate;
use super::config::RankConfig;
use super::profile::Profile;
use super::rerank::Placement;
use super::score::{score, Breakdown, RankContext, SessionModel, Snapshot};
use super::signal::SignalKind;
use crate::model::Kind;

/// One reason an item is where it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// "You opened 3 数码 posts today."
    OpenedTopicToday {
        /// Topic id.
        topic: String,
        /// Opens in the last 24 hours.
        count: u32,
    },
    /// "You often engage with 数码."
    LikesTopic {
        /// Topic id.
        topic: String,
    },
    /// "You follow this creator."
    FollowsCreator,
    /// "A collaborator of X, whom you follow."
    CollabOf {
        /// Id of the followed creator.
        creator: String,
    },
    /// "You often engage with this creator."
    LikesCreator,
    /// "You watch a lot of videos."
    PrefersKind {
        /// The kind.
        kind: Kind,
    },
    /// "双11 is on."
    CampaignOn {
        /// Campaign id.
        campaign: String,
    },
    /// "Live now."
    LiveNow,
    /// "New."
    Fresh,
    /// "Because you opened “…”": the engaged item this one is most similar to, by embedding.
    SimilarTo {
        /// Id of the engaged item.
        item: String,
    },
    /// "Popular with everyone."
    Popular,
    /// "Something different, to explore."
    Exploring,
}

/// The score breakdown of a placed item, recomputed on demand (re-ranking keeps only totals).
pub fn breakdown(c: &Candidate, p: &Placement, profile: &Profile, ctx: &RankContext, cfg: &RankConfig) -> Breakdown {
    let gate = SessionModel::new(profile, ctx.now, cfg).map_or(0.0, |m| m.gate);
    score(c, p.server_norm, p.embed_z, gate, &Snapshot::new(profile, ctx.now, cfg), profile, ctx, cfg)
}

/// The positively engaged item whose embedding is closest to the candidate's (weighted as in the session
/// vector), for "because you opened …"; `None` without embeddings.
pub fn most_similar_engaged(c: &Candidate, profile: &Profile) -> Option<String> {
    let e = c.embedding.as_deref()?;
    profile
        .engaged
        .iter()
        .filter(|x| x.w > 0.0 && x.item != c.id)
        .filter(|x| x.v.len() == e.len())
        .map(|x| (f64::from(super::train::lane_dot(&x.v, e)), &x.item))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(sim, _)| *sim > 0.0)
        .map(|(_, id)| id.clone())
}

/// Up to three reasons, strongest first, with the breakdown they come from.
pub fn explain(
    c: &Candidate,
    p: &Placement,
    profile: &Profile,
    ctx: &RankContext,
    cfg: &RankConfig,
) -> (Vec<Reason>, Breakdown) {
    let b = breakdown(c, p, profile, ctx, cfg);
    let now = ctx.now;
    let reasons = reasons(c, &b, p.explored, profile, now);
    (reasons, b)
}

fn reasons(c: &Candidate, b: &Breakdown, explored: bool, profile: &Profile, now: i64) -> Vec<Reason> {
    let mut terms: Vec<(f64, Reason)> = Vec::new();
    if let Some(topic) = &b.best_topic {
        let count = profile.count_since(topic, now - 86_400, |k| matches!(k, SignalKind::Open));
        let reason = if count > 0 {
            Reason::OpenedTopicToday { topic: topic.clone(), count }
        } else {
            Reason::LikesTopic { topic: topic.clone() }
        };
        terms.push((b.topic, reason));
    }
    terms.push((b.followed, Reason::FollowsCreator));
    if let Some(creator) = &b.collab_with {
        terms.push((b.collab, Reason::CollabOf { creator: creator.clone() }));
    }
    terms.push((b.creator, Reason::LikesCreator));
    terms.push((b.kind, Reason::PrefersKind { kind: c.kind }));
    if let Some(campaign) = &c.campaign {
        terms.push((b.campaign_active + b.campaign, Reason::CampaignOn { campaign: campaign.clone() }));
    }
    if let Some(item) = most_similar_engaged(c, profile) {
        terms.push((b.embed, Reason::SimilarTo { item }));
    }
    terms.push((b.live_now, Reason::LiveNow));
    terms.push((b.fresh * 0.8, Reason::Fresh));
    terms.push((b.server * 0.5, Reason::Popular));
    terms.retain(|(v, _)| *v > 0.05);
    terms.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<Reason> = Vec::new();
    if explored {
        out.push(Reason::Exploring);
    }
    out.extend(terms.into_iter().map(|(_, r)| r));
    out.truncate(3);
    if out.is_empty() {
        out.push(Reason::Popular);
    }
    out
}
