// The first screen before the wasm is ready: on the feed, fetch its first page and the index (the requests
// index.html preloads) and, on a first visit, draw the first screen's cards into the static shell, so they
// and their covers show while the wasm downloads and compiles. The app takes these responses
// (window.guangEarly, once each) instead of fetching them again (src/api/mod.rs) and checks them like any
// other. An external module script, so the Content-Security-Policy needs no 'unsafe-inline'. It names the demo
// pack's API path like the preloads in index.html: a deployment with another api_base edits both (README,
// Size). Any failure here only means no head start.
// Two helpers the app calls (src/api/mod.rs), written here because in JS they add nothing to the wasm: a
// promise of the next task (a message, not a timer: a hidden tab throttles timers to a second or more), and a
// stylesheet beside index.html added once, settled when it loads or fails.
const sheets = {};
const el = (tag, cls, parent, text = "") => {
  const e = document.createElement(tag);
  e.className = cls;
  e.append(text);
  parent?.append(e);
  return e;
};
window.guangTick = () =>
  new Promise((next) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = next;
    channel.port2.postMessage(0);
  });
window.guangSheet = (href) =>
  (sheets[href] ??= new Promise((settled) => {
    const link = Object.assign(el("link", "", document.head), { rel: "stylesheet", href });
    link.onload = link.onerror = () => settled();
  }));
const api = new URL("api/v1/", document.baseURI);
const params = new URLSearchParams(location.search);
const feedRoute = location.pathname === new URL(".", document.baseURI).pathname;
// Every page but the feed needs pages.css: a first route that is one starts it now, and the app waits for it
// before drawing (guangStyled), so a deep link never shows unstyled and the feed never loads it.
const styled = feedRoute ? undefined : window.guangSheet("pages.css");
window.guangStyled = () => styled;
const onFeed =
  feedRoute &&
  !params.has("tab") &&
  (params.get("channel") ?? "recommend") === "recommend";
// What the app's URL rule refuses (src/model/url.rs): protocol-relative, backslashes, spaces, control characters.
const refused = /^\s*[\\/]{2}|[\\\s\x00-\x1f]/;
// A link or image URL from the page, resolved as the app resolves it, or null where the app would refuse it.
const safe = (raw) => {
  try {
    const url = typeof raw === "string" && !refused.test(raw) && new URL(raw, api);
    return url && /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {}
};
const stored = (key) => {
  try {
    return localStorage.getItem("guang." + key);
  } catch {}
};
// The app's language rule (src/shell/boot.rs): ?lang=, the saved choice, the browser's, the deployment's
// (config.json's default_locale, set once it has arrived), else Chinese.
const speak = (tag) => new Map([["zh", "zh-CN"], ["en", "en"]]).get(String(tag).trim().toLowerCase().split(/[-_]/)[0]);
const chosen = speak(params.get("lang")) ?? speak(stored("locale")) ?? speak(navigator.language);
let locale, en;
// format::count: 9999, 1.2万, 3.4亿 in Chinese; 999, 12.3k, 1.2M in English; rounded down.
const count = (n) => {
  for (const [unit, name] of en ? [[1e9, "B"], [1e6, "M"], [1e3, "k"]] : [[1e8, "亿"], [1e4, "万"]])
    if (n >= unit) return Math.floor((n / unit) * 10) / 10 + name;
  return n;
};
const whole = (n, max = 1 / 0) => Number.isSafeInteger(n) && n >= 0 && n <= max;
// A first visit's first screen, drawn from page 1 before the wasm is fetched: the cards the app will draw, in the
// masonry's places (components/masonry.rs: columns, gap, the shortest column first, a cover's ratio clamped to
// 0.75–1.4 and a fixed text block), as text, so its largest paint (a cover) need not wait for the app. The app
// keeps the shell over itself until its feed has drawn the same covers in the same boxes underneath
// (guangMounted below), so nothing moves. Only where nothing saved reorders or scrolls the feed (a profile,
// a saved place) and not in an embed (`drawing`); only the cards that start above the fold, which the ranker
// leaves in the server's order (app/personalize.rs); drawing stops at the first item missing or malforming a
// field drawn here (a cheaper check than the app's). Icons and prices are left to the app; their places are
// kept (an icon is a flex item of 1em).
const drawFirstCards = (items, index) => {
  const shell = document.querySelector(".splash-main");
  if (!shell) return [];
  // A copy replaces the shell at once: new boxes, not moved ones, so the banner counts as no layout shift.
  const main = shell.cloneNode(true);
  const grid = main.querySelector(".splash-grid");
  // The venue banner above the chips while a campaign is on (components/venue_banner.rs), text-free here.
  const now = Date.now();
  if ([index.campaigns].flat().some((c) => Date.parse(c?.start) <= now && now < Date.parse(c?.end)))
    main.querySelector(".splash-chips").before(el("div", "venue-banner"));
  shell.replaceWith(main);
  const w = innerWidth;
  const columns = w < 720 ? 2 : w < 1024 ? 3 : w < 1360 ? 4 : 5;
  const gap = w < 720 ? 10 : 16;
  const colW = Math.max((grid.clientWidth - gap * (columns - 1)) / columns, 1);
  const heights = Array(columns).fill(0);
  const top = grid.getBoundingClientRect().top;
  const cards = [];
  for (const item of items) {
    const { cover = {}, creator, products, stats } = item ?? {};
    const { url, width, height } = cover ?? {};
    const src = safe(url);
    const avatar = safe(creator?.avatar);
    const title = item?.translations?.[locale]?.title || item?.title;
    // The first product's price row (its text is the app's): none without products; a price the app would
    // refuse stops the drawing.
    const cost = products?.[0] && whole(products[0].price?.amount);
    let c = 0;
    heights.forEach((h, i) => h < heights[c] - 1e-9 && (c = i));
    const y = heights[c] && heights[c] + gap;
    if (!src || !avatar || typeof title != "string" || typeof creator.name != "string" || !whole(stats?.likes)) break;
    if (!whole(width, 2e4) || !whole(height, 2e4) || !width || !height || cost === false || top + y >= innerHeight) break;
    const r = Math.min(Math.max(height / width, 0.75), 1.4);
    // masonry.rs's TITLE_H + META_H, and PRICE_H with a product.
    const h = colW * r + 93.2 + (cost ? 20 : 0);
    heights[c] = y + h;
    const slot = el("div", "masonry-slot");
    // The cover's size as the app writes it (two decimals of width, four of ratio), so it is not a pixel larger.
    slot.style.cssText = `transform:translate(${c * (colW + gap)}px,${y}px);width:${colW.toFixed(2)}px;height:${h}px`;
    const card = el("article", "card", slot);
    // A tap before the app has started opens the item page as the app's card would (out of the tab order,
    // like the rest of the shell, which is hidden from assistive technology).
    const link = Object.assign(el("a", "card-link", card), { href: "/item/" + encodeURIComponent(item.id), tabIndex: -1 });
    const box = el("div", "card-cover", link);
    box.style.aspectRatio = `1/${r.toFixed(4)}`;
    const img = Object.assign(el("img", "", box), { alt: "", width, height, src });
    if (!y) img.fetchPriority = "high";
    el("h3", "card-title", link, title);
    if (cost) el("span", "card-price", card);
    const meta = el("div", "card-meta", card);
    const who = el("span", "card-creator", meta);
    Object.assign(el("img", "avatar avatar-sm", who), { alt: "", width: 20, height: 20, src: avatar });
    el("span", "card-creator-name", who, creator.name);
    el("span", "card-likes", meta, el("i", "icon")).append(count(stats.likes));
    el("span", "icon-btn card-more", meta);
    cards.push(slot);
  }
  if (cards.length) {
    grid.className = "masonry";
    grid.style.height = Math.max(...heights) + "px";
    grid.replaceChildren(...cards);
    main.parentNode.className = "over";
  }
  return cards.map((slot) => slot.querySelector("img"));
};
// The app's mount (src/shell/boot.rs) keeps a shell holding cards drawn here (laid over the page, #splash.over)
// over the app until the feed has drawn its first cards underneath, or its error or empty state, three seconds
// at most (guangMounted), so no skeleton shows between the two.
// It goes in the same task as the feed's cards arrive (an observer's callback runs before the next paint), so
// nothing is ever drawn, or clicked, over the live feed.
const drop = () => document.getElementById("splash")?.remove();
window.guangMounted = () => {
  setTimeout(drop, 3e3);
  new MutationObserver((_, seen) => document.querySelector("[data-testid=masonry] article, .state") && (seen.disconnect(), drop())).observe(document.body, { childList: true, subtree: true });
};
// When the app may start (the boot script awaits this before it fetches the wasm; scripts/externalize-boot.mjs):
// at once, unless this is a first visit's feed; then once the browser reports the first screen's largest paint
// on one of the covers drawn here, so the wasm does not take their bandwidth and the largest paint comes
// first; at once after the draw where the browser reports no such paints (WebKit), and never more than two
// seconds after start (covers that fail, a hidden tab, which paints nothing).
let start;
window.guangFirstScreen = new Promise((go) => setTimeout((start = go), 2000));
const drawing = onFeed && !stored("profile") && !stored("place") && !params.has("embed");
if (!drawing) start();
if (onFeed) {
  const url = new URL("feed/recommend/1.json", api).href;
  const indexUrl = new URL("index.json", api).href;
  const configUrl = new URL("config.json", document.baseURI).href;
  const response = fetch(url);
  const index = fetch(indexUrl);
  const config = fetch(configUrl);
  window.guangEarly = { [url]: response, [indexUrl]: index, [configUrl]: config };
  const json = (r) => r.ok && r.clone().json();
  const lcp = "largest-contentful-paint";
  Promise.all([response.then(json), index.then(json), config.then(json).catch(() => {})])
    .then(([page, doc, settings]) => {
      locale = chosen ?? speak(settings?.default_locale) ?? "zh-CN";
      en = locale == "en";
      const covers = drawing && doc ? drawFirstCards([page?.items].flat(), doc) : [];
      if (!covers.length || !PerformanceObserver.supportedEntryTypes.includes(lcp)) return start();
      new PerformanceObserver((list) => list.getEntries().some((e) => covers.includes(e.element)) && start()).observe({ type: lcp, buffered: true });
    })
    .catch(start);
}
