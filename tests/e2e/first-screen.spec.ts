// The first screen before the wasm (#15): index.html's static shell (bar, tabs, chips and skeleton cards in
// the masonry's columns) shows at once, and on the feed first-screen.js fetches the first page and preloads
// its first covers while the wasm downloads; the app takes that response instead of fetching it again.
import { test, expect, cards } from "./fixtures";

test("the static shell shows while the wasm loads, in the masonry's columns, and the app replaces it", async ({ page, errors }) => {
  // Hold the wasm back until the shell has been looked at.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/guang-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.setViewportSize({ width: 412, height: 915 });
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const shell = page.locator("#splash");
  await expect(shell.locator(".brand-mark")).toHaveText("逛");
  await expect(shell.locator(".card-skeleton")).toHaveCount(8);
  const columns = await shell.locator(".splash-grid").evaluate((e) => getComputedStyle(e).columnCount);
  expect(columns).toBe("2");
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await shell.locator(".splash-grid").evaluate((e) => getComputedStyle(e).columnCount)).toBe("4");
  release();
  await expect(cards(page).first()).toBeVisible();
  await expect(shell).toHaveCount(0);
});

test("on the feed the first page is fetched once, early, and its first covers are preloaded", async ({ page, errors }) => {
  const pageRequests: string[] = [];
  page.on("request", (r) => r.url().endsWith("/api/v1/feed/recommend/1.json") && pageRequests.push(r.url()));
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>("link[rel=preload][as=image]")].map((l) => l.href),
  );
  const first = JSON.parse(await (await page.request.get("/api/v1/feed/recommend/1.json")).text()).items.slice(0, 6);
  expect(preloaded).toEqual(first.map((i: any) => new URL(i.cover.url, new URL("/api/v1/", page.url())).href));
  // The app took first-screen.js's response: one request for the page in all (the preload and the script share it).
  expect(pageRequests.length).toBe(1);
  expect(await page.evaluate(() => Object.keys((window as any).guangEarly ?? {}).length)).toBe(0);
  // The first cards' covers are the preloaded ones, loaded at once (the top row at high priority); covers
  // further down stay lazy.
  const src = await cards(page).first().locator("img").first().getAttribute("src");
  expect(preloaded).toContain(src);
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
  expect(await page.locator("link[rel=preload][as=image]").count()).toBe(0);
  await page.goto("/?channel=food");
  await expect(cards(page).first()).toBeVisible();
  expect(await page.evaluate(() => (window as any).guangEarly)).toBeUndefined();
  // The early response is checked like any other: a 500 is the feed's error with a retry.
  await page.route("**/api/v1/feed/recommend/1.json", (route) => route.fulfill({ status: 500, body: "oops" }));
  await page.goto("/");
  await expect(page.getByTestId("retry")).toBeVisible();
  expect(await page.locator("link[rel=preload][as=image]").count()).toBe(0);
});
