// The flows the other-engine suite walks, each in a new browser session. Each check ends by
// reading the page's error probe (probe.js): any uncaught error, rejected promise, console error or CSP
// violation fails it, as the `errors` fixture does in the Chromium suite.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sleep } from "./webdriver.mjs";

class CheckFailed extends Error {}
const assert = (ok, message) => {
  if (!ok) throw new CheckFailed(message);
};

/** Fails on anything the probe recorded in the current document since it loaded. */
async function clean(s, where = "page") {
  const p = await s.run(() => window.__probe ?? null);
  assert(p, `${where}: the error probe is missing (the page did not load through the suite's server?)`);
  assert(p.errors.length === 0, `${where}: errors: ${p.errors.join(" | ")}`);
  assert(p.violations.length === 0, `${where}: CSP violations: ${p.violations.join(" | ")}`);
}

const shot = async (s, ctx, name) => writeFileSync(join(ctx.out, `${ctx.engine}-${name}.png`), await s.screenshot());

const cardsShown = (s, min = 1) =>
  s.waitFor(`${min} cards`, (min) => document.querySelectorAll("[data-testid=card]").length >= min, { args: [min] });

const visible = (css) =>
  function () {
    const e = document.querySelector(arguments[0]);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
  };

const waitVisible = (s, css, timeout) => s.waitFor(`${css} visible`, visible(css), { args: [css], timeout });

/** The ids of the cards in the DOM, in DOM order. */
const cardIds = (s) => s.run(() => [...document.querySelectorAll("[data-testid=card]")].map((c) => c.dataset.id));

/** The ids of the first feed page, from the API. */
const pageOneIds = (s) => s.runAsync(async () => (await (await fetch("/api/v1/feed/recommend/1.json")).json()).items.map((i) => i.id));

export const checks = [
  {
    id: "feed",
    name: "the feed renders cards, and their covers load into the boxes the data reserved",
    async run(s, ctx) {
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 6);
      const covers = await s.waitFor("covers loaded", () => {
        const imgs = [...document.querySelectorAll(".card-cover img")].filter((i) => i.getBoundingClientRect().top < innerHeight);
        return imgs.length >= 2 && imgs.every((i) => i.complete && i.naturalWidth > 0) && imgs.length;
      });
      assert(covers >= 2, `covers on screen: ${covers}`);
      const boxes = await s.run(() =>
        [...document.querySelectorAll(".card-cover")].map((c) => [c.getAttribute("style") ?? "", c.getBoundingClientRect().height]),
      );
      assert(boxes.every(([style, h]) => /aspect-ratio/.test(style) && h > 50), `cover boxes: ${JSON.stringify(boxes.slice(0, 4))}`);
      // Two columns at phone width and more at desktop width, as in Chromium.
      const columns = await s.run(() => new Set([...document.querySelectorAll("[data-testid=card]")].map((c) => Math.round(c.getBoundingClientRect().left))).size);
      assert(columns >= 2, `columns: ${columns}`);
      await shot(s, ctx, "feed");
      // And at phone width: two columns.
      await s.setWindow(412, 915);
      const phone = await s.waitFor("two columns at phone width", () => {
        const lefts = new Set([...document.querySelectorAll("[data-testid=card]")].map((c) => Math.round(c.getBoundingClientRect().left)));
        return lefts.size === 2 ? 2 : { pending: { columns: lefts.size, width: innerWidth } };
      });
      assert(phone === 2, "columns at phone width");
      await shot(s, ctx, "feed-phone");
      await s.setWindow(1280, 1000);
      await clean(s);
    },
  },
  {
    id: "scroll",
    name: "infinite scroll follows next and shows cards from page 2",
    async run(s, ctx) {
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 6);
      const first = await pageOneIds(s);
      for (let i = 0; i < 40; i++) {
        await s.run(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await sleep(200);
        const state = await s.run(
          (first) => ({
            fetched: performance.getEntriesByType("resource").some((e) => /\/feed\/recommend\/([2-9]|\d\d+)\.json$/.test(e.name)),
            fresh: [...document.querySelectorAll("[data-testid=card]")].some((c) => !first.includes(c.dataset.id)),
          }),
          first,
        );
        if (state.fetched && state.fresh) {
          const ids = await cardIds(s);
          assert(new Set(ids).size === ids.length, "a card is shown twice");
          await clean(s);
          return;
        }
      }
      throw new CheckFailed("page 2 never arrived on screen");
    },
  },
  {
    id: "back",
    name: "a card opens its item page, and back returns to the same card at the same place",
    async run(s, ctx) {
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 6);
      await s.run(() => window.scrollTo(0, 2400));
      // The windowed grid draws the cards of a new scroll place on a later frame, and the first scroll also
      // starts loading pages ahead: wait for a card wholly in view rather than for a fixed time.
      const id = await s
        .waitFor(
          "a card in view after scrolling",
          () =>
            [...document.querySelectorAll("[data-testid=card]")].find((e) => {
              const r = e.getBoundingClientRect();
              return r.top >= 80 && r.bottom < innerHeight;
            })?.dataset.id ?? { pending: { y: scrollY, height: document.documentElement.scrollHeight, cards: document.querySelectorAll("[data-testid=card]").length } },
          { timeout: 5000 },
        )
        .catch((e) => assert(false, `no card in view after scrolling: ${e.message}`));
      // Where the click will leave it (the click helper centres its target first).
      await s.run((id) => document.querySelector(`[data-id="${id}"] .card-link`).scrollIntoView({ block: "center" }), id);
      await sleep(300);
      const before = await s.run((id) => ({ id, top: document.querySelector(`[data-id="${id}"]`).getBoundingClientRect().top, y: scrollY }), id);
      assert(before && before.y > 1500, `no card in view after scrolling: ${JSON.stringify(before)}`);
      await s.click(`[data-id="${before.id}"] .card-link`);
      await s.waitFor("the item page", (id) => document.querySelector(`[data-testid=item-page][data-id="${id}"]`), { args: [before.id] });
      assert((await s.url()).endsWith(`/item/${before.id}`), `url: ${await s.url()}`);
      await shot(s, ctx, "item");
      await clean(s, "item page");
      await s.back();
      const after = await s.waitFor(
        "the same card back in place",
        (before) => {
          const card = document.querySelector(`[data-testid=card][data-id="${before.id}"]`);
          const now = { top: card?.getBoundingClientRect().top, y: scrollY, url: location.pathname };
          return card && Math.abs(scrollY - before.y) <= 5 ? now : { pending: { before, now } };
        },
        { args: [before] },
      );
      assert(Math.abs(after.top - before.top) <= 5, `card moved from ${before.top} to ${after.top}`);
      await clean(s);
    },
  },
  {
    id: "video",
    name: "a video plays by itself, muted, in view, and its clip plays through",
    async run(s, ctx) {
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 6);
      const id = await s.waitFor("a video card", () => document.querySelector(".card:has(.badge-video)")?.dataset.id);
      await s.click(`.card[data-id="${id}"] .card-link`);
      await waitVisible(s, "[data-testid=video]");
      // In view, it starts by itself, muted: what every engine's autoplay rules allow.
      await s.waitFor("the video playing by itself, muted", () => {
        const v = document.querySelector("[data-testid=video]");
        const now = { paused: v?.paused, muted: v?.muted, time: v?.currentTime, ready: v?.readyState };
        return v && !v.paused && v.muted && v.currentTime > 0 ? now : { pending: now };
      });
      const v = await s.runAsync(async () => {
        const v = document.querySelector("[data-testid=video]");
        v.muted = true;
        if (v.readyState < 1) await new Promise((r, j) => (v.addEventListener("loadedmetadata", r, { once: true }), v.addEventListener("error", () => j(new Error(`media error ${v.error?.code}`)), { once: true })));
        await v.play();
        await new Promise((r) => setTimeout(r, 600));
        return { duration: v.duration, time: v.currentTime, src: v.currentSrc, error: v.error?.code ?? null };
      });
      assert(v.duration > 3 && v.time > 0, `video: ${JSON.stringify(v)}`);
      await clean(s);
    },
  },
  {
    id: "follow",
    name: "a follow survives a reload",
    async run(s, ctx) {
      const button = "[data-testid=creator-page] [data-testid=follow-button]";
      await s.go(`${ctx.APP}/creator/c02`);
      await waitVisible(s, button);
      assert((await s.run((b) => document.querySelector(b).getAttribute("aria-pressed"), button)) === "false", "already followed");
      await s.click(button);
      await s.waitFor("pressed", (b) => document.querySelector(b)?.getAttribute("aria-pressed") === "true", { args: [button] });
      await clean(s, "before the reload");
      await s.reload();
      await waitVisible(s, button);
      await s.waitFor("still pressed after a reload", (b) => document.querySelector(b)?.getAttribute("aria-pressed") === "true", { args: [button] });
      await shot(s, ctx, "creator");
      // And undone.
      await s.click(button);
      await s.waitFor("unpressed", (b) => document.querySelector(b)?.getAttribute("aria-pressed") === "false", { args: [button] });
      await clean(s);
    },
  },
  {
    id: "share",
    name: "the share sheet opens with its QR code, and copy link copies",
    async run(s, ctx) {
      await s.go(`${ctx.APP}/item/i0001`);
      await waitVisible(s, "[data-testid=item-page] [data-testid=share-button]");
      await s.click("[data-testid=item-page] [data-testid=share-button]");
      await waitVisible(s, "[data-testid=share-sheet]");
      const qr = await s.waitFor("the QR code", () => document.querySelector("[data-testid=share-qr] path")?.getAttribute("d"));
      assert(/^M\d/.test(qr), `qr path: ${qr}`);
      const link = await s.run(() => document.querySelector("[data-testid=share-sheet] input")?.value);
      assert(/\/item\/i0001\?src=share&code=[0-9A-Z-]+$/.test(link ?? ""), `share link: ${link}`);
      await shot(s, ctx, "share");
      await s.click("[data-testid=copy-link]");
      const toast = await s.waitFor("the toast", () => document.querySelector("[data-testid=toast]")?.textContent?.trim());
      assert(["链接已复制", "Link copied"].includes(toast), `toast: ${toast}`);
      await clean(s);
    },
  },
  {
    id: "embed",
    name: "the example host page sizes its frame to the content, and hears the frame's messages",
    async run(s, ctx) {
      // A place the user left deep in Guang itself (the host is same-site here, so the frame shares its
      // storage, as it does wherever a host embeds Guang from its own domain).
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 6);
      for (let i = 0; i < 4; i++) {
        await s.run(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await sleep(300);
      }
      // Leaving saves the place once more (on pagehide): read it from a page without a feed.
      await s.go(`${ctx.APP}/settings`);
      const place = await s.waitFor("a saved place", () => {
        const p = localStorage.getItem("guang.place");
        return p && JSON.parse(p).items.length > 40 && p;
      });
      await s.go(`${ctx.HOST}/`);
      await s.run(() => document.querySelector("#feed").scrollIntoView());
      await s.waitFor("the feed frame", () => document.querySelector("#feed iframe"));
      await s.enterFrame("#feed iframe");
      await cardsShown(s, 4);
      const inside = await s.run(() => ({ embed: document.documentElement.classList.contains("embed"), bar: !!document.querySelector(".app-bar") }));
      assert(inside.embed && !inside.bar, `frame chrome: ${JSON.stringify(inside)}`);
      // The embed starts at the top of the feed, and leaves the saved place alone.
      const first = await pageOneIds(s);
      const shown = await cardIds(s);
      assert(shown.length <= 40 && shown.slice(0, 4).every((id) => first.includes(id)), `the embed restored a place: ${shown.length} cards, first ${shown.slice(0, 4)}`);

      await s.leaveFrames();
      await s.waitFor("the frame grown past the loader's 320 px", () => document.querySelector("#feed iframe").getBoundingClientRect().height > 1500);
      // Exactly as tall as its content, once covers and pages have settled.
      let last = "";
      for (let i = 0; ; i++) {
        await s.enterFrame("#feed iframe");
        const content = await s.run(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        await s.leaveFrames();
        const height = await s.run(() => document.querySelector("#feed iframe").getBoundingClientRect().height);
        if (Math.abs(height - content) <= 1) break;
        last = `frame ${height} px, content ${content} px`;
        assert(i < 50, `the frame never matched its content: ${last}`);
        await sleep(200);
      }
      await s.enterFrame("#feed iframe");
      await clean(s, "feed frame");
      await s.leaveFrames();
      await shot(s, ctx, "embed");
      // Opening a card asks the host to navigate (data-navigation="host"): the host's log hears it. The host
      // page scrolls the frame's top into view first: WebKit does not let a cross-origin frame scroll its
      // parent, so a click inside a frame below the fold would land nowhere.
      await s.run(() => document.querySelector("#feed").scrollIntoView());
      await s.waitFor("the frame's top in view", () => {
        const top = document.querySelector("#feed iframe").getBoundingClientRect().top;
        return top >= 0 && top < innerHeight / 2;
      });
      await s.enterFrame("#feed iframe");
      await s.click("[data-testid=card] .card-link");
      await s.leaveFrames();
      await s.waitFor("the host heard open", () => document.querySelector('#log li[data-type="open"][data-embed="feed"]'));
      // Leaving the host page hides the frames, which saves nothing: the place in Guang is the one it left.
      // (Firefox shares storage between a page and a same-site frame; WebKit gives the frame its own.)
      await s.go(`${ctx.APP}/settings`);
      const after = await s.run(() => localStorage.getItem("guang.place"));
      assert(after === place, "the embed overwrote the place saved in Guang itself");
    },
  },
  {
    id: "origin",
    name: "a page whose origin is not allowed gets no message and cannot steer the frame",
    async run(s, ctx) {
      await s.go(`${ctx.EVIL}/`);
      await s.enterFrame("#app");
      await cardsShown(s, 4);
      await s.waitFor("the app's refusal", () => window.__probe.warnings.some((w) => w.includes("no messages will be sent")));
      await s.leaveFrames();
      await s.run(() => document.getElementById("app").contentWindow.postMessage({ guang: 1, type: "theme", theme: "dark" }, "*"));
      await s.enterFrame("#app");
      await s.click("[data-testid=card] .card-link");
      await waitVisible(s, "[data-testid=item-page]");
      await sleep(300);
      const bg = await s.run(() => getComputedStyle(document.body).backgroundColor);
      assert(bg === "rgb(255, 255, 255)", `the hostile parent changed the theme: ${bg}`);
      await clean(s, "framed app");
      await s.leaveFrames();
      const got = await s.run(() => document.getElementById("got").textContent);
      assert(got === "0", `the hostile parent received ${got} messages`);
    },
  },
  {
    id: "offline",
    name: "the service worker serves the shell and the feed when the network is gone",
    async run(s, ctx) {
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 4);
      const has = await s.run(() => "serviceWorker" in navigator && window.isSecureContext);
      assert(has, "this engine offers no service worker on http://127.0.0.1");
      // The first install is not "a new version": the page must not reload itself once the worker takes over
      // (WebKit used to, half a second into a first visit).
      await s.run(() => (window.__firstDocument = true));
      await s.runAsync(() => navigator.serviceWorker.ready.then(() => true));
      await s.waitFor("the worker in control", () => !!navigator.serviceWorker.controller);
      await sleep(1000);
      assert(await s.run(() => window.__firstDocument === true), "the page reloaded itself when the first service worker took over");
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 4);
      await s.waitFor("a controlling worker", () => !!navigator.serviceWorker.controller);
      const ids = await cardIds(s);
      const cached = await s.runAsync(async () => {
        const out = {};
        for (const k of await caches.keys()) out[k] = (await (await caches.open(k)).keys()).length;
        const r = await navigator.serviceWorker.getRegistration();
        return { caches: out, active: r?.active?.scriptURL, waiting: !!r?.waiting, installing: !!r?.installing };
      });
      ctx.setOffline(true);
      try {
        // A navigation, not WebDriver's refresh: Firefox's driver reloads past the service worker (like
        // Ctrl+Shift+R), where a user's reload or link goes through it.
        await s.go(`${ctx.APP}/`);
        await cardsShown(s, 2).catch(async (e) => {
          const body = await s.run(() => document.body?.innerText.slice(0, 300)).catch(() => "?");
          throw new CheckFailed(`${e.message}; offline page: ${JSON.stringify(body)}; before: ${JSON.stringify(cached)}`);
        });
        const now = await cardIds(s);
        assert(now.some((id) => ids.includes(id)), `offline cards ${now} share nothing with ${ids}`);
        await shot(s, ctx, "offline");
      } finally {
        ctx.setOffline(false);
      }
      // Offline, the probe script itself could not load (it is not part of the precached shell): load online.
      await s.go(`${ctx.APP}/`);
      await cardsShown(s, 2);
      await clean(s);
    },
  },
];
