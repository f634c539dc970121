//! Follows, shares and where visits come from, on the device first. A follow changes the button in the same
//! frame and is saved at once; when the API accepts writes an outbox sends it (idempotent, retried with
//! backoff across reloads and offline periods) and a refusal rolls the button back with the server's reason.
//! Visit sources are counted locally and, only with writes enabled, sent as batched events when the page hides.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{paths, post_json, WriteError};
use crate::app::state::Session;
use crate::social::attribution::VisitLevels;
use crate::social::{
    classify_landing, share_level, Attribution, FanLedger, FanLevel, Followed, Follows, Landing, ShareTarget, Source,
    Standing, WriteOutcome, WriteRequest,
};
use crate::storage;

/// Storage key of the follow list and its outbox.
const FOLLOWS_KEY: &str = "follows";
/// Storage key of the visit counts and queued events.
const ATTRIBUTION_KEY: &str = "attribution";
/// Events sent per request (the contract's limit).
const EVENT_BATCH: usize = 50;

/// Something to share: what, and the title the share sheet shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareRequest {
    /// The item or creator.
    pub target: ShareTarget,
    /// Title for the sheet and the system share dialog.
    pub title: String,
}

/// The app's follows, share sheet and attribution; `Copy` so views capture it freely.
#[derive(Clone, Copy)]
pub struct Social {
    follows: StoredValue<Follows>,
    /// Bumped on every follow change, so buttons and the 关注 tab re-render.
    pub revision: RwSignal<u64>,
    attribution: StoredValue<Attribution>,
    /// The open share sheet, if any.
    pub share: RwSignal<Option<ShareRequest>>,
    /// Whether the "open a share code" dialog is open.
    pub code_open: RwSignal<bool>,
    /// A message with text from elsewhere (a server's rejection reason), shown in the toast.
    pub message: RwSignal<Option<String>>,
    writes: StoredValue<bool>,
    follows_url: StoredValue<String>,
    events_url: StoredValue<String>,
    flush_timer: StoredValue<bool>,
    landing: StoredValue<Source>,
    /// The sharer's fan level the landing link carried, until the landing visit is counted.
    landing_fan: StoredValue<Option<FanLevel>>,
    fans: StoredValue<FanLedger>,
    surface: StoredValue<Option<Source>>,
    visited: StoredValue<HashSet<String>>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Social {
    /// Loads follows and counts from the device; a corrupt store is reset with a logged reason (returned so
    /// the app can say so).
    pub fn load(session: &Session, fans: StoredValue<FanLedger>) -> (Self, Vec<String>) {
        let mut resets = Vec::new();
        let follows = match storage::get(FOLLOWS_KEY) {
            None => Follows::default(),
            Some(json) => Follows::from_json(&json).unwrap_or_else(|e| {
                leptos::logging::warn!("guang: stored follows unreadable ({e}); starting empty");
                resets.push(e);
                Follows::default()
            }),
        };
        let attribution = match storage::get(ATTRIBUTION_KEY) {
            None => Attribution::default(),
            Some(json) => Attribution::from_json(&json).unwrap_or_else(|e| {
                leptos::logging::warn!("guang: stored visit counts unreadable ({e}); starting empty");
                Attribution::default()
            }),
        };
        let landing = landing_source();
        let social = Self {
            follows: StoredValue::new(follows),
            revision: RwSignal::new(0),
            attribution: StoredValue::new(attribution),
            share: RwSignal::new(None),
            code_open: RwSignal::new(false),
            message: RwSignal::new(None),
            writes: StoredValue::new(session.config.api_writes),
            follows_url: StoredValue::new(session.url(paths::FOLLOWS)),
            events_url: StoredValue::new(session.url(paths::EVENTS)),
            flush_timer: StoredValue::new(false),
            landing: StoredValue::new(landing.0),
            landing_fan: StoredValue::new(landing.1),
            fans,
            surface: StoredValue::new(None),
            visited: StoredValue::new(HashSet::new()),
        };
        (social, resets)
    }

    /// Whether `creator` is followed (reactive).
    pub fn is_followed(&self, creator: &str) -> bool {
        self.revision.track();
        self.follows.with_value(|f| f.is_followed(creator))
    }

    /// Whether `creator` is followed, without subscribing (for click handlers).
    pub fn is_followed_untracked(&self, creator: &str) -> bool {
        self.follows.try_with_value(|f| f.is_followed(creator)).unwrap_or(false)
    }

    /// Followed creators, newest first (reactive).
    pub fn followed(&self) -> Vec<Followed> {
        self.revision.track();
        self.follows.with_value(|f| f.list().into_iter().cloned().collect())
    }

    /// The name a followed creator was saved with, if they are followed and it is not empty: the item
    /// menu's "你关注的 X 的合作达人" looks one up per reason, without copying the follow list.
    pub fn followed_name(&self, id: &str) -> Option<String> {
        self.follows
            .try_with_value(|f| f.list().into_iter().find(|c| c.id == id).map(|c| c.name.clone()))
            .flatten()
            .filter(|n| !n.is_empty())
    }

    /// Ids of followed creators, for the ranker's "you follow them" term.
    pub fn followed_ids(&self) -> HashSet<String> {
        self.follows.with_value(|f| f.list().into_iter().map(|c| c.id.clone()).collect())
    }

    /// Follows or unfollows at once (optimistic) and queues the write. Returns whether anything changed.
    pub fn set_follow(&self, who: Followed, follow: bool) -> bool {
        let writes = self.writes.get_value();
        let changed = self.follows.try_update_value(|f| f.set(who, follow, now_ms(), writes)).unwrap_or(false);
        if changed {
            self.save_follows();
            self.revision.update(|r| *r += 1);
            self.flush();
        }
        changed
    }

    fn save_follows(&self) {
        let Some(json) = self.follows.try_with_value(Follows::to_json) else { return };
        if !storage::set(FOLLOWS_KEY, &json) {
            leptos::logging::warn!("guang: could not save follows (storage unavailable or full)");
        }
    }

    /// The network is back: send what waited, without sitting out the backoff.
    pub fn on_online(&self) {
        self.follows.try_update_value(|f| f.retry_now(now_ms()));
        self.flush();
    }

    /// Sends every due follow write; schedules itself for the next retry. Nothing happens with a read-only API.
    pub fn flush(&self) {
        if !self.writes.get_value() {
            return;
        }
        let due: Vec<WriteRequest> = self.follows.try_update_value(|f| f.due(now_ms())).unwrap_or_default();
        let this = *self;
        for req in due {
            let url = self.follows_url.get_value();
            let level = self.fan_level(&req.creator).index();
            spawn_local(async move {
                let body = serde_json::json!({
                    "version": 1, "creator": req.creator, "follow": req.follow, "key": req.key, "level": level
                })
                .to_string();
                let outcome = match post_json(&url, body, Some(&req.key), false).await {
                    Ok(()) => WriteOutcome::Accepted,
                    Err(WriteError::Rejected(reason)) => WriteOutcome::Rejected(reason),
                    Err(WriteError::Retry(why)) => {
                        leptos::logging::warn!("guang: follow write will be retried: {why}");
                        WriteOutcome::Retry
                    }
                };
                this.on_result(&req.key, outcome);
            });
        }
        self.schedule_flush();
    }

    fn on_result(&self, key: &str, outcome: WriteOutcome) {
        let Some(rollback) = self.follows.try_update_value(|f| f.on_result(key, outcome, now_ms())) else { return };
        self.save_follows();
        if let Some(rb) = rollback {
            leptos::logging::warn!("guang: follow of {} refused: {}", rb.creator, rb.reason);
            // An embedding host saw the follow; it sees the rollback too.
            let (creator, following) = (rb.creator.clone(), rb.followed);
            crate::app::embed::post(crate::embed::ToHost::Follow { creator, following });
            self.revision.try_update(|r| *r += 1);
            self.say_text(format!("{}: {}", rb.name, rb.reason));
        }
        self.schedule_flush();
    }

    /// Arms one timer for the earliest pending retry.
    fn schedule_flush(&self) {
        let Some(next) = self.follows.try_with_value(|f| f.next_due_ms()).flatten() else { return };
        if self.flush_timer.try_get_value().unwrap_or(true) {
            return;
        }
        self.flush_timer.set_value(true);
        let this = *self;
        let wait = (next - now_ms()).clamp(0.0, 300_000.0) as u64;
        set_timeout(
            move || {
                this.flush_timer.try_set_value(false);
                this.flush();
            },
            std::time::Duration::from_millis(wait),
        );
    }

    /// Where this page load came from (share link, campaign, another site, a host app, or direct).
    pub fn landing(&self) -> Source {
        self.landing.get_value()
    }

    /// Notes which in-app surface the user is on, so the next item or creator visit is credited to it.
    pub fn set_surface(&self, source: Source) {
        self.surface.try_set_value(Some(source));
    }

    /// The source of a visit: the landing for the first page of a load, else the surface the user came from.
    pub fn entry_source(&self, navigations: u32) -> Source {
        if navigations == 0 {
            self.landing()
        } else {
            self.surface.try_get_value().flatten().unwrap_or(Source::Direct)
        }
    }

    /// Where the user stands with `creator` now: earned points plus the days followed.
    pub fn fan_standing(&self, creator: &str) -> Standing {
        let since = self.follows.try_with_value(|f| f.since(creator)).flatten();
        let now = (now_ms() / 1000.0) as i64;
        let rules = crate::app::fans::rules();
        self.fans
            .try_with_value(|l| l.standing(creator, since, now, &rules))
            .unwrap_or_else(|| FanLedger::default().standing(creator, since, now, &rules))
    }

    /// The user's fan level with `creator` now.
    pub fn fan_level(&self, creator: &str) -> FanLevel {
        let since = self.follows.try_with_value(|f| f.since(creator)).flatten();
        let now = (now_ms() / 1000.0) as i64;
        let rules = crate::app::fans::rules();
        self.fans.try_with_value(|l| l.level(creator, since, now, &rules)).unwrap_or(FanLevel::Passerby)
    }

    /// Every creator the user has earned points with, or follows, with their standing and a name when one is
    /// known, highest first; 路人 left out.
    pub fn fan_levels(&self) -> Vec<(String, String, Standing)> {
        self.revision.track();
        let now = (now_ms() / 1000.0) as i64;
        let rules = crate::app::fans::rules();
        let mut ids: Vec<(String, String)> =
            self.fans.with_value(|l| l.entries(now, &rules).into_iter().map(|e| (e.id, e.name)).collect());
        for f in self.followed() {
            match ids.iter_mut().find(|(id, _)| *id == f.id) {
                Some((_, name)) if name.is_empty() => *name = f.name,
                Some(_) => {}
                None => ids.push((f.id, f.name)),
            }
        }
        let mut out: Vec<(String, String, Standing)> = ids
            .into_iter()
            .map(|(id, name)| {
                let s = self.fan_standing(&id);
                (id, name, s)
            })
            .filter(|(_, _, s)| s.level > FanLevel::Passerby)
            .collect();
        out.sort_by(|a, b| b.2.points.total_cmp(&a.2.points).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// Counts a visit to a creator or item on the device and, with writes enabled, queues it as an event
    /// with the visitor's fan level (and, for the landing of a share link, the sharer's).
    /// Only the first visit to a page in a page load counts: coming back to it is not a new entry.
    pub fn record_visit(&self, source: Source, creator: &str, item: Option<&str>) {
        let target = item.map_or_else(|| format!("creator:{creator}"), |i| format!("item:{i}"));
        if !self.visited.try_update_value(|v| v.insert(target)).unwrap_or(false) {
            return;
        }
        let send = self.writes.get_value();
        let at = (now_ms() / 1000.0) as i64;
        let via =
            if source == Source::Share { self.landing_fan.try_update_value(Option::take).flatten() } else { None };
        let levels = VisitLevels { own: Some(self.fan_level(creator)), via };
        self.attribution.try_update_value(|a| a.record_with(source, creator, item, at, send, levels));
        if let Some(json) = self.attribution.try_with_value(Attribution::to_json) {
            storage::set(ATTRIBUTION_KEY, &json);
        }
    }

    /// Visits to `creator` counted on this device, per source.
    pub fn creator_counts(&self, creator: &str) -> Vec<(Source, u64)> {
        self.attribution.with_value(|a| a.counts_for_creator(creator))
    }

    /// Share visits to `creator` counted on this device, by the sharer's fan level.
    pub fn creator_share_levels(&self, creator: &str) -> Vec<(FanLevel, u64)> {
        self.attribution.with_value(|a| a.share_levels_for_creator(creator))
    }

    /// Sends queued visit events in batches with `keepalive`, so it completes while the page hides. A failed
    /// batch goes back to the front of the queue for the next flush.
    pub fn send_events(&self) {
        if !self.writes.get_value() {
            return;
        }
        let url = self.events_url.get_value();
        loop {
            let batch = self.attribution.try_update_value(|a| a.take_batch(EVENT_BATCH)).unwrap_or_default();
            if batch.is_empty() {
                break;
            }
            let this = *self;
            let url = url.clone();
            // Each event as it serialises (absent fields left out, never null) with its type spliced in front:
            // straight to text, so the first load needs no `Value` serializer for events.
            let mut body = String::from("{\"version\":1,\"events\":[");
            for json in batch.iter().filter_map(|e| serde_json::to_string(e).ok()) {
                if let Some(rest) = json.strip_prefix('{') {
                    if !body.ends_with('[') {
                        body.push(',');
                    }
                    body.push_str("{\"type\":\"visit\",");
                    body.push_str(rest);
                }
            }
            body.push_str("]}");
            spawn_local(async move {
                if let Err(e) = post_json(&url, body, None, true).await {
                    leptos::logging::warn!("guang: visit events not sent ({e:?}); kept for later");
                    if matches!(e, WriteError::Retry(_)) {
                        this.attribution.try_update_value(|a| a.requeue(batch));
                    }
                }
                if let Some(json) = this.attribution.try_with_value(Attribution::to_json) {
                    storage::set(ATTRIBUTION_KEY, &json);
                }
            });
        }
        if let Some(json) = self.attribution.try_with_value(Attribution::to_json) {
            storage::set(ATTRIBUTION_KEY, &json);
        }
    }

    /// Shows text from elsewhere (a server's reason) in the toast for a few seconds; as text, never markup.
    pub fn say_text(&self, text: String) {
        self.message.try_set(Some(text.clone()));
        let message = self.message;
        set_timeout(
            move || {
                if message.try_get_untracked().flatten().as_deref() == Some(text.as_str()) {
                    message.try_set(None);
                }
            },
            std::time::Duration::from_millis(5000),
        );
    }

    /// Opens the share sheet for `target`.
    pub fn open_share(&self, target: ShareTarget, title: String) {
        self.share.set(Some(ShareRequest { target, title }));
    }
}

/// Classifies this page load from its URL, referrer and whether it runs inside another page, with the sharer's
/// fan level when it is a share link that carries one.
fn landing_source() -> (Source, Option<FanLevel>) {
    let Some(window) = web_sys::window() else { return (Source::Direct, None) };
    let location = window.location();
    let params = location.search().ok().and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let get = |k: &str| params.as_ref().and_then(|p| p.get(k));
    let (src, code, campaign, fan) = (get("src"), get("code"), get("campaign"), get("fan"));
    let referrer = window.document().map(|d| d.referrer()).unwrap_or_default();
    let origin = location.origin().unwrap_or_default();
    let own: &wasm_bindgen::JsValue = window.as_ref();
    let embedded = get("embed").is_some()
        || window.top().ok().flatten().is_some_and(|top| {
            let top: &wasm_bindgen::JsValue = top.as_ref();
            top != own
        });
    let landing = Landing {
        src: src.as_deref(),
        code: code.as_deref(),
        campaign: campaign.as_deref(),
        fan: fan.as_deref(),
        referrer: &referrer,
        own_origin: &origin,
        embedded,
    };
    (classify_landing(&landing), share_level(&landing))
}

/// The absolute link that opens `target`, carrying the share attribution, the share code and, above 路人, the
/// sharer's fan level with the creator (`fan=`), so the creator can see how much their fans bring.
pub fn share_link(target: &ShareTarget, code: &str, level: FanLevel) -> String {
    let base =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let path = target.path();
    let fan = if level > FanLevel::Passerby { format!("&fan={}", level.index()) } else { String::new() };
    let relative = format!("{}?src=share&code={code}{fan}", path.trim_start_matches('/'));
    web_sys::Url::new_with_base(&relative, &base).map(|u| u.href()).unwrap_or(relative)
}
