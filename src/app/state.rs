//! App-wide state that outlives any one page: the loaded session (config, API base, channels, campaigns),
//! the language, and the paged lists and item cache, so going back to a feed shows the same cards in the
//! same order at the same scroll position instead of loading it again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{fetch_text, url, FetchError};
use crate::app::personalize::{Personalizer, Shown};
use crate::app::social::Social;
use crate::i18n::{Locale, Text};
use crate::model::embedding::enforce_dim;
use crate::model::{parse_feed_page, ApiBase, AppConfig, Campaign, Creator, FeedPage, Index, Item};
use crate::rank::{is_blocked, Candidate};
use crate::text;

/// What boot loaded; fixed for the life of the page.
#[derive(Debug)]
pub struct Session {
    /// Deployment settings from `config.json`.
    pub config: AppConfig,
    /// Absolute API base every document path resolves against.
    pub base: ApiBase,
    /// Channels and campaigns from `index.json`.
    pub index: Index,
    /// Unix seconds when the page loaded; ages ("3 分钟前") are shown relative to it.
    pub now: i64,
}

impl Session {
    /// The campaign with `id`, if the index knows it.
    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.index.campaigns.iter().find(|c| c.id == id)
    }

    /// Absolute URL of a contract path.
    pub fn url(&self, path: &str) -> String {
        url(&self.base, path)
    }
}

/// Everything pages share, provided once by `App` as context. `Copy` (arena handles), so closures in views
/// can capture it freely.
#[derive(Clone, Copy)]
pub struct Ctx {
    session: StoredValue<Arc<Session>>,
    /// Current UI language.
    pub locale: RwSignal<Locale>,
    /// Paged lists by first-page URL.
    lists: StoredValue<HashMap<String, PagedList>>,
    /// Every valid item seen, by id, so opening a card never waits for the network.
    items: StoredValue<HashMap<String, Arc<Item>>>,
    /// Creator profiles seen, by id.
    creators: StoredValue<HashMap<String, Arc<Creator>>>,
    /// Route changes since start; 0 means the current page was the entry point (so "back" goes home).
    pub navigations: RwSignal<u32>,
    /// The on-device interest profile and re-ranking.
    pub pers: Personalizer,
    /// The item whose menu (why / not interested / less like this / mute) is open.
    pub menu_item: RwSignal<Option<String>>,
    /// Follows, sharing and visit attribution.
    pub social: Social,
    /// Online / offline and new-version state.
    pub net: crate::app::offline::Net,
    /// Colour scheme and autoplay choices, and the system's reduced-motion setting.
    pub settings: crate::app::prefs::Settings,
    /// Whether the reader has touched, scrolled or pressed a key since start. What only matters once
    /// they read on (the feed's pages fetched ahead for the ranker) waits for it, so a first screen that is
    /// only looked at costs no more than itself.
    pub engaged: RwSignal<bool>,
}

impl Ctx {
    /// A context for `session` with the given starting language. Call inside the app's owner.
    pub fn new(session: Session, locale: Locale) -> Self {
        let campaigns = session.index.campaigns.clone();
        let fans = crate::app::fans::load();
        let (social, resets) = Social::load(&session, fans);
        let pers = Personalizer::load(campaigns, fans);
        pers.set_followed(social.followed_ids());
        let (settings, settings_reset) = crate::app::prefs::Settings::load();
        // Whatever saved data was unreadable and reset gets a notice (one at a time: the most important).
        if pers.reset_reason.with_untracked(Option::is_some) {
            pers.say(text!(profile_was_reset));
        } else if !resets.is_empty() {
            pers.say(text!(follows_were_reset));
        } else if settings_reset {
            pers.say(text!(settings_were_reset));
        }
        Self {
            session: StoredValue::new(Arc::new(session)),
            locale: RwSignal::new(locale),
            lists: StoredValue::new(HashMap::new()),
            items: StoredValue::new(HashMap::new()),
            creators: StoredValue::new(HashMap::new()),
            navigations: RwSignal::new(0),
            pers,
            menu_item: RwSignal::new(None),
            social,
            net: crate::app::offline::Net::start(),
            settings,
            engaged: RwSignal::new(false),
        }
    }

    /// The session loaded at start-up.
    pub fn session(&self) -> Arc<Session> {
        self.session.get_value()
    }

    /// The same context speaking another language: the preview studio renders drafts in zh and en side by
    /// side with the app's own language unchanged.
    pub fn with_locale(self, locale: RwSignal<Locale>) -> Self {
        Self { locale, ..self }
    }

    /// `text` in the current language (reactive: re-runs when the language changes).
    pub fn t(&self, text: Text) -> &'static str {
        text(self.locale.get())
    }

    /// The current language's tag, for content translations and number formats (reactive).
    pub fn lang(&self) -> &'static str {
        self.locale.get().tag()
    }

    /// Absolute URL of a contract path.
    pub fn url(&self, path: &str) -> String {
        self.session.with_value(|s| s.url(path))
    }

    /// The paged list whose first page is `first_url`, created on first use and kept for the session.
    pub fn list(&self, first_url: &str) -> PagedList {
        if let Some(l) = self.lists.with_value(|m| m.get(first_url).cloned()) {
            return l;
        }
        let l = PagedList::new(first_url);
        self.lists.update_value(|m| {
            m.insert(first_url.to_string(), l.clone());
        });
        l
    }

    /// A cached item.
    pub fn cached_item(&self, id: &str) -> Option<Arc<Item>> {
        self.items.with_value(|m| m.get(id).cloned())
    }

    /// Remembers items for instant opening.
    pub fn cache_items<'a>(&self, items: impl IntoIterator<Item = &'a Arc<Item>>) {
        self.items.update_value(|m| {
            for item in items {
                m.insert(item.id.clone(), Arc::clone(item));
            }
        });
    }

    /// Any cached item by `creator` (to name a creator whose profile was never opened).
    pub fn any_item_by_creator(&self, creator: &str) -> Option<Arc<Item>> {
        self.items.with_value(|m| m.values().find(|i| i.creator.id == creator).cloned())
    }

    /// A cached creator profile.
    pub fn cached_creator(&self, id: &str) -> Option<Arc<Creator>> {
        self.creators.with_value(|m| m.get(id).cloned())
    }

    /// Remembers a creator profile.
    pub fn cache_creator(&self, creator: Arc<Creator>) {
        self.creators.update_value(|m| {
            m.insert(creator.id.clone(), creator);
        });
    }
}

/// Drops the embeddings of `items` that do not have the dimension `index.json` declares (all of them when it
/// declares none), logging each with `source`, so the ranker only ever compares vectors of one length.
/// Called on everything the app reads items from: feed pages, saved places, item documents.
pub fn check_embeddings(ctx: Ctx, items: &mut [Item], source: &str) {
    for p in enforce_dim(items, ctx.session().index.embedding_dim) {
        leptos::logging::warn!("guang: dropped an embedding in {source}: {p}");
    }
}

/// The shared context; every page is rendered inside `App`, which provides it.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Where a paged list stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ListStatus {
    /// Nothing in flight; more may follow.
    Idle,
    /// A page is being fetched.
    Loading,
    /// The last fetch failed; a retry fetches the same page again.
    Failed(FetchError),
    /// The server said there is no next page.
    Done,
}

/// The loaded part of a paged list.
#[derive(Clone, Debug)]
pub struct ListState {
    /// Items in display order.
    pub items: Vec<Arc<Item>>,
    /// URL of the page to fetch next (the first page before anything was loaded).
    pub next: Option<String>,
    /// Fetch status.
    pub status: ListStatus,
}

/// A feed or a creator's items, loaded page by page by following `next`.
#[derive(Clone)]
pub struct PagedList {
    /// Reactive state; reference counted so it outlives the page that shows it.
    pub state: ArcRwSignal<ListState>,
    /// Window scroll position when the list was last on screen, restored when it is shown again.
    pub scroll_y: Arc<Mutex<f64>>,
    /// How many leading items have been on screen; they never move again.
    pub shown: Shown,
    /// Each item's position in the server's order, for "pause personalisation".
    pub server_pos: Arc<Mutex<HashMap<String, usize>>>,
    /// URL of the first page: the list's identity (saved places, refresh).
    pub first_url: Arc<str>,
    /// New items a refresh found, waiting behind the "N new" pill.
    pub fresh: ArcRwSignal<Vec<Arc<Item>>>,
}

/// Logs what a parsed feed page refused (skipped items; dropped embeddings and coupons) and drops embeddings of the
/// wrong dimension: the same for a page from the API and for a saved place read back from the device.
pub fn accept_page(ctx: Ctx, page: &mut FeedPage, source: &str) {
    for p in &page.skipped {
        leptos::logging::warn!("guang: skipped in {source}: {p}");
    }
    for p in &page.notes {
        leptos::logging::warn!("guang: kept without the part named in {source}: {p}");
    }
    check_embeddings(ctx, &mut page.items, source);
}

/// Fetches and parses one feed page, logging every skipped item with its reason and every embedding dropped
/// from a kept one. Returns the page (for `next`) with its items taken out, and those items minus any the
/// user blocked.
async fn fetch_feed_page(url: &str, ctx: Ctx) -> Result<(FeedPage, Vec<Arc<Item>>), FetchError> {
    let text = fetch_text(url).await?;
    let mut page = parse_feed_page(&text, &ctx.session().base)?;
    accept_page(ctx, &mut page, url);
    let items = std::mem::take(&mut page.items)
        .into_iter()
        .filter(|i| !ctx.pers.with_profile(|p| is_blocked(&Candidate::from_item(i), p)))
        .map(Arc::new)
        .collect();
    Ok((page, items))
}

impl PagedList {
    fn new(first_url: &str) -> Self {
        Self {
            state: ArcRwSignal::new(ListState {
                items: Vec::new(),
                next: Some(first_url.to_string()),
                status: ListStatus::Idle,
            }),
            scroll_y: Arc::new(Mutex::new(0.0)),
            shown: Arc::new(Mutex::new(0)),
            server_pos: Arc::new(Mutex::new(HashMap::new())),
            first_url: Arc::from(first_url),
            fresh: ArcRwSignal::new(Vec::new()),
        }
    }

    /// Fetches the first page again; items not in the list yet wait behind the "N new" pill, so nothing on
    /// screen moves. Says "up to date" when there is nothing new.
    pub fn refresh(&self, ctx: Ctx) {
        let url = self.first_url.to_string();
        let this = self.clone();
        spawn_local(async move {
            match fetch_feed_page(&url, ctx).await {
                Ok((_, unblocked)) => {
                    let known: std::collections::HashSet<String> =
                        this.state.with_untracked(|s| s.items.iter().map(|i| i.id.clone()).collect());
                    let waiting: std::collections::HashSet<String> =
                        this.fresh.with_untracked(|f| f.iter().map(|i| i.id.clone()).collect());
                    let new: Vec<Arc<Item>> =
                        unblocked.into_iter().filter(|i| !known.contains(&i.id) && !waiting.contains(&i.id)).collect();
                    if new.is_empty() && waiting.is_empty() {
                        ctx.pers.say(text!(up_to_date));
                    } else {
                        ctx.cache_items(&new);
                        this.fresh.update(|f| f.extend(new));
                    }
                }
                Err(e) => {
                    leptos::logging::warn!("guang: refresh of {url} failed: {e}");
                    ctx.pers.say(text!(refresh_failed));
                }
            }
        });
    }

    /// Puts the waiting new items at the top. They count as shown (the user is about to see them at the
    /// top), so the ranker never moves them or anything already seen.
    pub fn show_fresh(&self) {
        let fresh = self.fresh.with_untracked(Clone::clone);
        if fresh.is_empty() {
            return;
        }
        {
            let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
            *shown += fresh.len();
        }
        self.state.update(|s| {
            let mut items = fresh.clone();
            items.append(&mut s.items);
            s.items = items;
        });
        self.fresh.set(Vec::new());
    }

    /// Notes that the item at `index` has been on screen.
    pub fn mark_shown(&self, index: usize) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        *shown = (*shown).max(index + 1);
    }

    /// Removes items the user blocked (hidden, or by a muted creator), even those already shown.
    pub fn drop_blocked(&self, ctx: Ctx) {
        let items = self.state.with_untracked(|s| s.items.clone());
        let keep: Vec<bool> =
            items.iter().map(|i| !ctx.pers.with_profile(|p| is_blocked(&Candidate::from_item(i), p))).collect();
        if keep.iter().all(|k| *k) {
            return;
        }
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        let removed_before = keep.iter().take(*shown).filter(|k| !**k).count();
        *shown -= removed_before;
        drop(shown);
        self.state.update(|s| {
            let mut i = 0;
            s.items.retain(|_| {
                let k = keep.get(i).copied().unwrap_or(true);
                i += 1;
                k
            });
        });
    }

    /// Fetches the next page unless one is in flight or the list is complete. After a failure this is the
    /// retry: the same URL is fetched again.
    pub fn load_more(&self, ctx: Ctx) {
        let url = {
            let s = self.state.read_untracked();
            if matches!(s.status, ListStatus::Loading | ListStatus::Done) {
                return;
            }
            match &s.next {
                Some(u) => u.clone(),
                None => return,
            }
        };
        self.state.update(|s| s.status = ListStatus::Loading);
        let state = self.state.clone();
        let server_pos = self.server_pos.clone();
        let this = self.clone();
        spawn_local(async move {
            match fetch_feed_page(&url, ctx).await {
                Ok((page, fresh)) => {
                    // The page's cards are drawn in a task of their own, not in the one that parsed it: at start
                    // both are first calls, compiled as they run, and together one long task.
                    crate::api::next_task().await;
                    ctx.cache_items(&fresh);
                    {
                        let mut pos = server_pos.lock().unwrap_or_else(|e| e.into_inner());
                        for item in &fresh {
                            let next = pos.len();
                            pos.entry(item.id.clone()).or_insert(next);
                        }
                    }
                    state.update(|s| {
                        let mut known: std::collections::HashSet<String> =
                            s.items.iter().map(|i| i.id.clone()).collect();
                        s.items.extend(fresh.into_iter().filter(|i| known.insert(i.id.clone())));
                        s.next = page.next;
                        s.status = if s.next.is_some() { ListStatus::Idle } else { ListStatus::Done };
                    });
                    // A new page grows the unseen tail: fit it to what the user has shown interest in.
                    if ctx.pers.is_registered(&this) {
                        ctx.pers.schedule_rerank();
                    }
                }
                Err(e) => {
                    leptos::logging::warn!("guang: could not load {url}: {e}");
                    state.update(|s| s.status = ListStatus::Failed(e));
                }
            }
        });
    }
}
