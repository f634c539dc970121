// The first screen before the wasm (#15): index.html's static shell (bar, tabs, chips) shows at once, and on
// the feed first-screen.js fetches the first page and the index
// and, for a first visit, draws the first screen's cards in the shell while the wasm downloads;
// the app takes that response instead of fetching it again, and draws the same cards in the same boxes.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, cards } from "./fixtures";

/** Holds every request matching `pattern` until the returned function is called. */
async function hold(page: Page, pattern: RegExp | string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
const WASM = /\/guang-[0-9a-f]+_bg\.wasm$/;
const PAGE_1 = "**/api/v1/feed/recommend/1.json";

/** Each drawn card's box in the page, cover and text, in order: the static shell's, or the app's. */
const boxes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((cards) =>
    cards.map((c) => {
      const r = c.getBoundingClientRect();
      const cover = c.querySelector<HTMLImageElement>(".card-cover img")!;
      const box = cover.parentElement!.getBoundingClientRect();
      return {
        x: Math.round(r.x * 10) / 10,
        y: Math.round(r.y * 10) / 10,
        w: Math.round(r.width * 10) / 10,
        h: Math.round(r.height * 10) / 10,
        cover: Math.round(box.height * 10) / 10,
        src: cover.src,
        title: c.querySelector(".card-title")!.textContent,
        creator: c.querySelector(".card-creator-name")!.textContent,
        // The app's count is doubled for a screen reader (a visually hidden "N 赞"): its visible half.
        likes: (c.querySelector(".card-likes span[aria-hidden]") ?? c.querySelector(".card-likes"))!.textContent,
        // The price row is there in both (its text only in the app's).
        price: c.querySelector(".card-price") !== null,
      };
    }),
  );

test("the static shell shows while the wasm loads, in the masonry's columns, and the app replaces it", async ({ page, errors }) => {
  // Hold the wasm and the first page back until the shell has been looked at.
  const releaseWasm = await hold(page, WASM);
  const releasePage = await hold(page, PAGE_1);
  await page.setViewportSize({ width: 412, height: 915 });
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const shell = page.locator("#splash");
  await expect(shell.locator(".brand-mark")).toHaveText("逛");
  await expect(shell.locator(".splash-tabs i")).toHaveCount(2);
  await expect(shell.locator(".splash-chips i")).toHaveCount(6);
  await expect(shell.locator(".card")).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The page arrives before the wasm: its first screen of cards is drawn in the shell, laid over the page.
  releasePage();
  await expect.poll(() => shell.locator(".card").count()).toBeGreaterThanOrEqual(5);
  expect(await shell.evaluate((e) => getComputedStyle(e).position)).toBe("fixed");
  releaseWasm();
  await expect(cards(page).first()).toBeVisible();
  await expect(shell).toHaveCount(0);
});

for (const [width, height] of [[412, 915], [1280, 800]]) {
  for (const lang of ["zh-CN", "en"]) {
    test(`at ${width} px in ${lang}, the first screen's cards are drawn before the wasm, where and as the app draws them`, async ({ page, errors }) => {
      await page.setViewportSize({ width, height });
      const releaseWasm = await hold(page, WASM);
      await page.goto(lang === "en" ? "/?lang=en" : "/");
      const shell = page.locator("#splash");
      await expect(shell.locator(".card").first()).toBeVisible();
      // Every cover of the first screen has loaded before the app could run.
      await expect
        .poll(() => shell.locator(".card-cover img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)))
        .toBe(true);
      const drawn = await boxes(page, "#splash .card");
      // Down to the fold and no further, covering every column.
      expect(drawn.length).toBeGreaterThanOrEqual(width > 1000 ? 5 : 3);
      expect(new Set(drawn.map((c) => c.x)).size).toBe(width > 1000 ? 4 : 2);
      expect(Math.min(...drawn.map((c) => c.y))).toBeLessThan(height);
      const released = await page.evaluate(
        () => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))),
      );
      releaseWasm();
      await expect(shell).toHaveCount(0);
      await expect(cards(page).first()).toBeVisible();
      await page.waitForTimeout(300);
      // The app's first cards are the same items in the same boxes with the same text.
      const app = (await boxes(page, "[data-testid=card]")).slice(0, drawn.length);
      expect(app).toEqual(drawn);
      // So the largest paint stays the shell's: the app's equal covers are not larger, so none is reported later.
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((r) =>
            new PerformanceObserver((l) => r(l.getEntries().at(-1)!.startTime)).observe({ type: "largest-contentful-paint", buffered: true }),
          ),
      );
      expect(lcp).toBeLessThan(released);
    });
  }
}

test("with a classic scrollbar (desktop Linux and Windows) the app's cards take the shell's boxes too", async ({ playwright, baseURL }) => {
  // Playwright hides scrollbars in headless Chromium; this browser keeps them, 15 px wide, as on a desktop.
  const browser = await playwright.chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
    ignoreDefaultArgs: ["--hide-scrollbars"],
  });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const releaseWasm = await hold(page, WASM);
  await page.goto("/");
  const slots = (selector: string) =>
    page.locator(selector).evaluateAll((s) => s.slice(0, 6).map((e) => [e.getBoundingClientRect().x, e.getBoundingClientRect().width]));
  await expect.poll(() => page.locator("#splash .masonry-slot").count()).toBeGreaterThanOrEqual(4);
  const shell = await slots("#splash .masonry-slot");
  releaseWasm();
  await expect(cards(page).first()).toBeVisible();
  expect(await page.evaluate(() => innerWidth - document.documentElement.clientWidth), "a classic scrollbar").toBeGreaterThan(0);
  expect(await slots("[data-testid=masonry] .masonry-slot")).toEqual(shell);
  await browser.close();
});

test("a returning reader (a profile or a saved place) and an embed get no cards in the shell", async ({ page, errors }) => {
  for (const [setup, url] of [
    ["guang.profile", "/"],
    ["guang.place", "/"],
    [null, "/?embed=1"],
  ] as const) {
    const context = page.context();
    await context.clearCookies();
    await page.goto("/config.json");
    await page.evaluate((key) => {
      localStorage.clear();
      if (key) localStorage.setItem(key, "{}");
    }, setup);
    const releaseWasm = await hold(page, WASM);
    await page.goto(url);
    // The first page and the index have arrived, but the shell draws no cards.
    await page.waitForFunction(() => Promise.all(Object.values((window as any).guangEarly ?? {})));
    await page.waitForTimeout(200);
    await expect(page.locator("#splash .splash-main")).toBeVisible();
    expect(await page.locator("#splash .card").count(), `${setup} ${url}`).toBe(0);
    releaseWasm();
    await expect(cards(page).first()).toBeVisible();
    await page.unroute(WASM);
  }
});

test("a first page that arrives at once shows no loading skeleton, not even for a frame; a slow one does", async ({ page, errors }) => {
  // Every skeleton the page ever holds is recorded as it is inserted, so one that lives for a frame counts.
  await page.addInitScript(() => {
    (window as any).skeletons = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof Element && (n.matches(".skeleton") || n.querySelector(".skeleton"))) (window as any).skeletons++;
    }).observe(document, { childList: true, subtree: true });
  });
  // A first visit (cards drawn in the shell), then a returning reader (none drawn: the app's own mount).
  for (const saved of [null, "guang.profile"]) {
    await page.goto("/config.json");
    await page.evaluate((key) => {
      localStorage.clear();
      if (key) localStorage.setItem(key, "{}");
    }, saved);
    await page.goto("/");
    await expect(cards(page).first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as any).skeletons), `skeletons drawn (${saved ?? "first visit"})`).toBe(0);
  }
  // A first page that takes its time gets the skeleton, after a moment, until it arrives.
  const release = await hold(page, "**/api/v1/feed/fashion/1.json");
  await page.locator('.chip[data-channel="fashion"]').click();
  await expect(page.locator(".skeleton[role=status]")).toBeVisible();
  release();
  await expect(cards(page).first()).toBeVisible();
  await expect(page.locator(".skeleton")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the shell speaks the app's language: a browser in neither language gets the deployment's default", async ({ browser }) => {
  const items = JSON.parse(readFileSync("dist/api/v1/feed/recommend/1.json", "utf8")).items;
  // format::count for the first card's likes (the demo pack's are between 1,000 and 9,999).
  const likes = items[0].stats.likes;
  expect(likes).toBeGreaterThanOrEqual(1000);
  expect(likes).toBeLessThan(10000);
  for (const [fallback, title, count] of [
    ["en", items[0].translations.en.title, `${Math.floor(likes / 100) / 10}k`],
    ["zh-CN", items[0].title, String(likes)],
  ]) {
    const context = await browser.newContext({ locale: "fr-FR", serviceWorkers: "block", viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    await page.route("**/config.json", async (route) => {
      const config = await (await route.fetch()).json();
      await route.fulfill({ json: { ...config, default_locale: fallback } });
    });
    // The shell alone: the wasm never comes.
    await page.route(WASM, () => {});
    await page.goto("/");
    const first = page.locator("#splash .card").first();
    await expect(first.locator(".card-title")).toHaveText(title);
    await expect(first.locator(".card-likes")).toHaveText(count);
    await context.close();
  }
});

test("a hostile first page is drawn as text, up to the first item the app could refuse", async ({ page, errors }) => {
  const real = JSON.parse(await (await page.request.get("/api/v1/feed/recommend/1.json")).text());
  const items = real.items.slice(0, 8);
  items[0] = { ...items[0], title: '<img src=x onerror="window.pwned=1">标题', creator: { ...items[0].creator, name: "<b>x</b>" } };
  items[1] = { ...items[1], stats: { ...items[1].stats, likes: 123456 } };
  items[2] = { ...items[2], cover: { ...items[2].cover, url: "javascript:alert(1)" } };
  await page.route(PAGE_1, (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...real, items }) }));
  const releaseWasm = await hold(page, WASM);
  await page.setViewportSize({ width: 412, height: 915 });
  await page.goto("/");
  const shell = page.locator("#splash");
  await expect(shell.locator(".card")).toHaveCount(2);
  expect(await shell.locator(".card-title").first().textContent()).toBe('<img src=x onerror="window.pwned=1">标题');
  expect(await shell.locator(".card-creator-name").first().textContent()).toBe("<b>x</b>");
  expect(await shell.locator(".card-likes").nth(1).textContent()).toBe("12.3万");
  expect(await shell.locator("img[src$='/x'], b").count()).toBe(0);
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  // A tap before the app starts opens the item page; the links stay out of the tab order, like the shell.
  expect(await shell.locator("a.card-link").first().getAttribute("href")).toBe(`/item/${items[0].id}`);
  expect(await shell.locator("a.card-link").evaluateAll((links) => links.map((l) => (l as HTMLElement).tabIndex))).toEqual([-1, -1]);
  releaseWasm();
  await expect(cards(page).first()).toBeVisible();
});

test("on the feed the first page and the index are fetched once, early, and the shell's covers are the app's", async ({ page, errors }) => {
  const pageRequests: string[] = [];
  page.on("request", (r) => /\/(api\/v1\/(feed\/recommend\/1|index)|config)\.json$/.test(r.url()) && pageRequests.push(r.url()));
  const shellCovers: string[] = [];
  page.on("request", (r) => r.resourceType() === "image" && r.url().includes("/media/covers/") && shellCovers.push(r.url()));
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  // The app took first-screen.js's responses: one request for each in all (the preload and the script share it).
  expect(pageRequests.length).toBe(3);
  expect(await page.evaluate(() => Object.keys((window as any).guangEarly ?? {}).length)).toBe(0);
  // The first covers were asked for by the shell, in the page's order, before the app drew anything.
  const first = JSON.parse(await (await page.request.get("/api/v1/feed/recommend/1.json")).text()).items.slice(0, 4);
  expect(shellCovers.slice(0, 4)).toEqual(first.map((i: any) => new URL(i.cover.url, new URL("/api/v1/", page.url())).href));
  // The app's first cards show the same covers, loaded at once (the top row at high priority); covers
  // further down stay lazy.
  const src = await cards(page).first().locator("img").first().getAttribute("src");
  expect(src).toBe(shellCovers[0]);
  // Positions within the grid: the first screen is its first 960 px (src/components/masonry.rs). The grid is
  // windowed, so the cards far below are read after scrolling there, where they are first laid out.
  const read = () =>
    page.evaluate(() => {
      const grid = document.querySelector("[data-testid=masonry]")!.getBoundingClientRect().top;
      return [...document.querySelectorAll<HTMLElement>("[data-testid=card]")].map((c) => {
        const img = c.querySelector<HTMLImageElement>(".card-cover img")!;
        return { y: Math.round(c.getBoundingClientRect().top - grid), loading: img.loading, priority: img.getAttribute("fetchpriority") };
      });
    });
  const covers = await read();
  for (const c of covers) {
    expect(c.priority, JSON.stringify(c)).toBe(c.y === 0 ? "high" : null);
    if (c.y < 400) expect(c.loading, JSON.stringify(c)).toBe("eager");
  }
  await page.evaluate(() => window.scrollTo(0, 3500));
  await page.waitForTimeout(300);
  const below = (await read()).filter((c) => c.y > 2500);
  expect(below.length, "cards far below the first screen").toBeGreaterThan(0);
  for (const c of below) expect(c.loading, JSON.stringify(c)).toBe("lazy");
  expect(covers.filter((c) => c.priority === "high").length).toBeGreaterThanOrEqual(2);
});

test("a deep link or another channel starts no early fetch, and a bad first page still gets the app's error state", async ({ page, errors }) => {
  await page.goto("/item/i0001");
  await expect(page.getByTestId("item-page")).toBeVisible();
  expect(await page.evaluate(() => (window as any).guangEarly)).toBeUndefined();
  await page.goto("/?channel=food");
  await expect(cards(page).first()).toBeVisible();
  expect(await page.evaluate(() => (window as any).guangEarly)).toBeUndefined();
  // The early response is checked like any other: a 500 is the feed's error with a retry.
  await page.route("**/api/v1/feed/recommend/1.json", (route) => route.fulfill({ status: 500, body: "oops" }));
  await page.goto("/");
  await expect(page.getByTestId("retry")).toBeVisible();
});
