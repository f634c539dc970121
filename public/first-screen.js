// The first screen before the wasm is ready: on the feed, fetch its first page (the request index.html
// preloads) and, once it arrives, preload the covers of its first cards, so they download while the wasm
// downloads and compiles. The app takes this response (window.guangEarly, once) instead of fetching the page
// again (src/api/mod.rs) and checks it like any other. An external module script, so the Content-Security-
// Policy needs no 'unsafe-inline'. It names the demo pack's API path like the preloads in index.html: a
// deployment with another api_base edits both (README, Size). Any failure here only means no head start.
const api = new URL("api/v1/", document.baseURI);
const params = new URLSearchParams(location.search);
const onFeed =
  location.pathname === new URL(".", document.baseURI).pathname &&
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
