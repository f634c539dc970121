// Guang's service worker (generated from public/sw.template.js by scripts/sw-precache.mjs at build time).
// - The app shell (html, js, wasm, css, icons) is precached per build version.
// - Navigations: network first, the cached shell offline (the app routes on the client).
// - JSON (config.json and content): network first, the last good copy offline (feed pages, items, creators seen).
// - Media (covers, avatars, clips): cache first once seen.
// - Writes (POST) and other origins pass through untouched.
// A new version waits until the page asks it to take over (the app shows "new version, reload").
const VERSION = "__VERSION__";
const SHELL = `guang-shell-${VERSION}`;
const DATA = "guang-data-v1";
const MEDIA = "guang-media-v1";
const ASSETS = __ASSETS__;
const ASSET_URLS = ASSETS.map((a) => new URL(a, self.location.origin).href);
// The lazy chunks of a split build (scripts/split-wasm.mjs) are kept too, so every page works offline, but one
// that fails to arrive does not cost the rest (addAll is all or nothing), and a missing one is kept on use.
// Their names are read from the split loader, which lists them all and is already in the shell: written here
// as well, they cost every viewer about a kilobyte of hashes twice.
const CHUNK = /\/chunk-[0-9a-f]{16}-\w+\.wasm$/;
async function chunksOf(cache) {
  const loader = ASSETS.find((a) => /\/split-loader-[0-9a-f]+\.js$/.test(a));
  const response = loader && (await cache.match(loader));
  if (!response) return [];
  const names = (await response.text()).match(/chunk-[0-9a-f]{16}-\w+\.wasm/g) || [];
  return [...new Set(names)].map((name) => new URL(name, response.url || new URL(loader, self.location.origin)).href);
}
const MEDIA_LIMIT = 400;

// A file whose name carries its content hash (glue, wasm, chunks, css, boot script) is the same file in every
// version that names it: a new version takes it from the old version's cache instead of downloading it again,
// so an update fetches only what changed.
const HASHED = /[-_][0-9a-f]{12,16}[-_.]/;
async function keep(cache, asset) {
  const old = HASHED.test(asset) ? await caches.match(asset) : undefined;
  return old ? cache.put(asset, old) : cache.add(asset);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL).then(async (c) => {
      await Promise.all(ASSETS.map((asset) => keep(c, asset)));
      await Promise.allSettled((await chunksOf(c)).map((chunk) => keep(c, chunk)));
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("guang-shell-") && key !== SHELL) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

const isMedia = (url) => /\.(svg|png|jpe?g|webp|avif|gif|webm|mp4)$/i.test(url.pathname) && url.pathname.includes("/media/");

// Every cache write is handed to `event.waitUntil`: a worker may be stopped as soon as it has answered, and a
// write it was not told to wait for is lost (WebKit stops idle workers quickly, and then the offline copy
// of the page just seen was never kept).
async function networkFirst(event, cacheName, fallback) {
  const request = event.request;
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(cache.put(request, response.clone()));
    return response;
  } catch (e) {
    const hit = (await cache.match(request)) || (fallback && (await caches.match(fallback)));
    if (hit) return hit;
    throw e;
  }
}

async function cacheFirst(event) {
  const request = event.request;
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(keepMedia(request, response.clone()));
  return response;
}

async function keepMedia(request, response) {
  const cache = await caches.open(MEDIA);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MEDIA_LIMIT))) await cache.delete(old);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, SHELL, new URL("index.html", self.registration.scope).href));
  } else if (ASSET_URLS.includes(url.href) || CHUNK.test(url.pathname)) {
    event.respondWith(
      caches.match(request).then(async (hit) => {
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(SHELL).then((c) => c.put(request, copy)));
        }
        return response;
      }),
    );
  } else if (isMedia(url)) {
    event.respondWith(cacheFirst(event));
  } else if (url.pathname.endsWith(".json")) {
    event.respondWith(networkFirst(event, DATA));
  }
});
