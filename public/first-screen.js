// The first screen before the wasm is ready: on the feed, fetch its first page (the request index.html
// preloads) and, once it arrives, preload the covers of its first cards, so they download while the wasm
// downloads and compiles. The app takes this response (window.guangEarly, once) instead of fetching the page
// again (src/api/mod.rs) and checks it like any other. An external module script, so the Content-Security-
// Policy needs no 'unsafe-inline'. It names the demo pack's API path like the preloads in index.html: a
// deployment with another api_base edits both (README, Size). Any failure here only means no head start.
// Two helpers the app calls (src/api/mod.rs), written here because in JS they add nothing to the wasm: a
// promise of the next task (a message, not a timer: a hidden tab throttles timers to a second or more), and a
// stylesheet beside index.html added once, settled when it loads or fails.
const sheets = {};
window.guangTick = () =>
  new Promise((next) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = next;
    channel.port2.postMessage(0);
  });
window.guangSheet = (href) =>
  (sheets[href] ??= new Promise((settled) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.onload = link.onerror = () => settled();
    document.head.append(link);
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
if (onFeed) {
  const url = new URL("feed/recommend/1.json", api).href;
  const response = fetch(url);
  window.guangEarly = { [url]: response };
  response
    .then((r) => (r.ok ? r.clone().json() : null))
    .then((page) => {
      const items = Array.isArray(page?.items) ? page.items.slice(0, 6) : [];
      items.forEach((item, i) => {
        const raw = item?.cover?.url;
        const src = typeof raw === "string" && !refused.test(raw) ? new URL(raw, api) : null;
        if (!src || !/^https?:$/.test(src.protocol)) return;
        const link = document.createElement("link");
        link.rel = "preload";
        link.as = "image";
        link.href = src.href;
        if (i < 2) link.fetchPriority = "high";
        document.head.append(link);
      });
    })
    .catch(() => {});
}
