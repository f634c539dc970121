import { test, expect, cards, scrollToEnd } from "./fixtures";

test("the feed shows cards from the demo pack", async ({ page, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  // The grid is windowed: the first screens' cards are there, not the whole page of 20.
  expect(await cards(page).count()).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole("link", { name: "推荐" }).first()).toHaveAttribute("aria-current", "page");
  // Covers reserve their box from the data: every cover has an aspect ratio before it loads.
  const styles = await page.locator(".card-cover").evaluateAll((els) => els.map((e) => e.getAttribute("style")));
  expect(styles.every((s) => /aspect-ratio/.test(s ?? ""))).toBe(true);
  // Badges: a video duration and a LIVE badge exist somewhere in the first pages.
  await scrollToEnd(page, 3);
  await expect(page.locator(".badge-video").first()).toBeAttached();
});

test("scrolling follows next and loads page 2", async ({ page, errors }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await scrollToEnd(page, 2);
  await expect.poll(() => requested.some((p) => p.endsWith("/feed/recommend/2.json"))).toBe(true);
  // The grid grows, and the bottom of it holds cards that were not on page 1 (windowing keeps the DOM small).
  const page1 = (await (await page.request.get("/api/v1/feed/recommend/1.json")).json()).items.map((i: any) => i.id);
  await expect
    .poll(async () => {
      await scrollToEnd(page, 1);
      const ids = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
      return ids.some((id) => !page1.includes(id));
    })
    .toBe(true);
  expect(await page.getByTestId("masonry").evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(5000);
  expect(await cards(page).count()).toBeLessThan(40);
  const ids = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("a channel chip switches the feed to that topic", async ({ page, errors }) => {
  await page.goto("/");
  await page.locator('.chip[data-channel="food"]').click();
  await expect(page).toHaveURL(/channel=food/);
  await expect(page.locator('.chip[data-channel="food"]')).toHaveAttribute("aria-current", "page");
  await expect(cards(page).first()).toBeVisible();
});

test("opening an item and going back returns to the same card and scroll position", async ({ page, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 2400));
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(1500);
  // The first card whose top is inside the viewport.
  const id = await page.evaluate(() => {
    const els = [...document.querySelectorAll<HTMLElement>("[data-testid=card]")];
    const inView = els.find((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 60 && r.bottom < window.innerHeight;
    });
    return inView?.dataset.id ?? null;
  });
  expect(id).not.toBeNull();
  const topBefore = await page.locator(`[data-id="${id}"]`).evaluate((e) => e.getBoundingClientRect().top);
  await page.locator(`[data-id="${id}"] .card-link`).click();
  await expect(page).toHaveURL(new RegExp(`/item/${id}$`));
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.goBack();
  await expect(page.locator(`[data-id="${id}"]`)).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 5);
  const after = await page.evaluate(() => window.scrollY);
  expect(Math.abs(after - before)).toBeLessThanOrEqual(5);
  const topAfter = await page.locator(`[data-id="${id}"]`).evaluate((e) => e.getBoundingClientRect().top);
  expect(Math.abs(topAfter - topBefore)).toBeLessThanOrEqual(5);
});

test("pages ahead for the ranker wait for the reader's first touch, key or scroll", async ({ page, errors }) => {
  const ahead: string[] = [];
  page.on("request", (r) => {
    if (/\/feed\/recommend\/[2-9]\.json$/.test(new URL(r.url()).pathname)) ahead.push(r.url());
  });
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  // Looking at the first screen fetches nothing more (page 1's 20 cards reach far below the fold).
  await page.waitForTimeout(1500);
  expect(ahead).toEqual([]);
  await page.keyboard.press("Shift");
  // Engaged: pages come ahead, one after another, without any scrolling toward the end.
  await expect.poll(() => ahead.length, { timeout: 10000 }).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test("a failed page shows retry and retry recovers", async ({ page, errors }) => {
  let failures = 0;
  await page.route("**/api/v1/feed/recommend/2.json", async (route) => {
    if (failures === 0) {
      failures++;
      await route.fulfill({ status: 500, body: "boom" });
    } else {
      await route.continue();
    }
  });
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await scrollToEnd(page, 2);
  const error = page.getByTestId("error-state");
  await expect(error).toBeVisible();
  await expect(error).toContainText("服务器开小差了");
  const count = await cards(page).count();
  await error.getByRole("button", { name: "重试" }).click();
  await expect(error).toHaveCount(0);
  await expect.poll(() => cards(page).count()).toBeGreaterThan(count);
});

test("a malformed first page shows the error state; retry loads the feed", async ({ page, errors }) => {
  let calls = 0;
  await page.route("**/api/v1/feed/recommend/1.json", async (route) => {
    calls++;
    if (calls === 1) await route.fulfill({ status: 200, contentType: "application/json", body: "{not json" });
    else await route.continue();
  });
  await page.goto("/");
  await expect(page.getByTestId("error-state")).toContainText("收到的数据有问题");
  await page.getByTestId("retry").click();
  await expect(cards(page).first()).toBeVisible();
});

test("a bad item is skipped with a console warning and the rest render", async ({ page, errors }) => {
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/api/v1/feed/recommend/1.json", async (route) => {
    const res = await route.fetch();
    const doc = await res.json();
    doc.items[0].cover.url = "javascript:alert(1)";
    doc.items[1].title = "";
    await route.fulfill({ response: res, json: doc });
  });
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await expect.poll(() => warnings.some((w) => w.includes("items[0].cover.url"))).toBe(true);
  expect(warnings.some((w) => w.includes("items[1].title"))).toBe(true);
  expect(await page.locator('img[src^="javascript:"]').count()).toBe(0);
});

test("the following tab explains how to fill it", async ({ page, errors }) => {
  await page.goto("/?tab=following");
  await expect(page.getByRole("link", { name: "关注", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("suggestions")).toContainText("还没有关注任何人");
});

test("?lang=en switches the UI to English and the switch remembers the choice", async ({ page, errors }) => {
  await page.goto("/?lang=en");
  await expect(page.getByRole("link", { name: "For you" }).first()).toBeVisible();
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("link", { name: "推荐" }).first()).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "推荐" }).first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("the windowed grid: every card fills the box computed from the data, and the DOM stays small", async ({ page, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  let maxCards = 0;
  for (let i = 0; i < 12; i++) {
    await scrollToEnd(page, 1);
    await page.waitForTimeout(100);
    maxCards = Math.max(maxCards, await cards(page).count());
    // Nothing jumps: the rendered card is exactly as tall as its slot, which was computed before rendering.
    const mismatch = await page.locator(".masonry-slot").evaluateAll((slots) =>
      slots
        .map((s) => [s.getBoundingClientRect().height, (s.firstElementChild as HTMLElement).getBoundingClientRect().height, (s.firstElementChild as HTMLElement).scrollHeight])
        .filter(([slot, card, content]) => Math.abs(slot - card) > 0.5 || content > card + 0.5),
    );
    expect(mismatch).toEqual([]);
  }
  const height = await page.getByTestId("masonry").evaluate((e) => e.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(15_000);
  expect(maxCards).toBeLessThan(40);
  expect(await page.evaluate(() => document.getElementsByTagName("*").length)).toBeLessThan(1500);
});

test("the grid follows its own width when the page narrows it without a window resize", async ({ page, errors }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  const overflow = () =>
    page.evaluate(() => {
      const grid = document.querySelector("[data-testid=masonry]")!.getBoundingClientRect();
      return Math.max(...[...document.querySelectorAll("[data-testid=card]")].map((c) => c.getBoundingClientRect().right - grid.right));
    });
  expect(await overflow()).toBeLessThanOrEqual(0.5);
  // What a classic scrollbar appearing, or a late stylesheet, does: the grid narrows, the window does not.
  await page.evaluate(() => document.querySelector("main")!.style.setProperty("padding-right", "80px"));
  await page.mouse.wheel(0, 40);
  await expect.poll(overflow).toBeLessThanOrEqual(0.5);
  expect(errors).toEqual([]);
});
