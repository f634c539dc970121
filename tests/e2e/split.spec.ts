// The release build is split (scripts/split-wasm.mjs): the feed comes in the first download, every other
// page in a wasm chunk of its own, fetched when it is first needed. These check that the split is real (the
// feed starts without any chunk, each page fetches its own), that the item page's chunk is fetched ahead so
// opening a card does not wait for it, and that a chunk that cannot load costs only that page.
import { test, expect, cards } from "./fixtures";
import type { Page, Request } from "@playwright/test";

const isChunk = (r: Request) => /\/chunk-[0-9a-f]+-[^/]+\.wasm$/.test(new URL(r.url()).pathname);

/** Records the chunk files the page fetches, in order. */
function chunkLog(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => isChunk(r) && seen.push(new URL(r.url()).pathname));
  return seen;
}

test("the feed starts without any chunk, and each other page fetches its own", async ({ page, errors }) => {
  const chunks = chunkLog(page);
  const sheets: string[] = [];
  page.on("request", (r) => r.resourceType() === "stylesheet" && sheets.push(new URL(r.url()).pathname));
  // Hold the item page's prefetch (five seconds after start) back by starting with a fresh clock.
  await page.clock.install();
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  expect(chunks, "chunks fetched before anything but the feed was asked for").toEqual([]);
  expect(sheets.filter((s) => s.endsWith("/pages.css")), "the other pages' rules on the feed").toEqual([]);

  await page.goto("/me/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(chunks.length, "the settings page fetched its chunk").toBeGreaterThan(0);
  // Its rules came with it, before it was drawn: styled from the first frame it is visible in.
  expect(sheets).toContain("/pages.css");
  expect(await page.locator(".settings").evaluate((e) => getComputedStyle(e).maxWidth)).toBe("720px");
  const afterSettings = chunks.length;

  await page.goto("/me/interests");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(chunks.length, "the interests page fetched a chunk of its own").toBeGreaterThan(afterSettings);
  expect(errors).toEqual([]);
});

test("the item page's chunk is fetched ahead, so opening a card fetches no code", async ({ page, errors }) => {
  const chunks = chunkLog(page);
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  // The prefetch starts at the first touch or key, or five seconds after start, and fetches the item page's
  // chunk (with the chunks it shares) first, then the sheets' and the 关注 tab's: wait until it is done,
  // that is until a second passes with no new chunk.
  await expect.poll(() => chunks.some((c) => c.includes("split_item_page")), { timeout: 10_000 }).toBe(true);
  let before = -1;
  while (before !== chunks.length) {
    before = chunks.length;
    await page.waitForTimeout(1000);
  }
  await cards(page).first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/item\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(chunks.length, "opening a card after the prefetch fetched more code").toBe(before);
  // pages.css came with the prefetch: the item page is laid out as a grid at once.
  expect(await page.locator(".item-page").first().evaluate((e) => getComputedStyle(e).display)).toBe("grid");
  expect(errors).toEqual([]);
});

test("a page whose chunk cannot load shows a retry, and the rest of the app keeps working", async ({ page, errors }) => {
  await page.route(/\/chunk-[0-9a-f]+-[^/]+\.wasm$/, (route) => route.abort("internetdisconnected"));
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto("/me/settings");
  await expect(page.getByTestId("retry")).toBeVisible();
  expect(warnings.some((w) => w.includes("did not load"))).toBe(true);
  // The feed is in the first download: it still works, with no page error (a panic would be one).
  await page.getByRole("link", { name: /逛/ }).first().click();
  await expect(cards(page).first()).toBeVisible();
  await page.goto("/me/settings");
  await expect(page.getByTestId("retry")).toBeVisible();
  // Once the network is back, retry brings the page.
  await page.unroute(/\/chunk-[0-9a-f]+-[^/]+\.wasm$/);
  await page.getByTestId("retry").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("retry")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a sheet whose chunk cannot load says so and closes; the next try opens it", async ({ page, errors }) => {
  const chunk = /\/chunk-[0-9a-f]+-[^/]+\.wasm$/;
  await page.route(chunk, (route) => route.abort("internetdisconnected"));
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("s");
  await expect(page.getByTestId("toast")).toHaveText("网络不给力，请检查网络后重试");
  await expect(page.getByTestId("share-sheet")).toHaveCount(0);
  // The feed still answers, and with the network back the same key opens the sheet.
  await page.unroute(chunk);
  await page.locator(`[data-testid=card] .card-link`).first().focus();
  await page.keyboard.press("s");
  await expect(page.getByTestId("share-sheet")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("share-sheet")).toBeHidden();
  // Opened again, it is the same sheet (mounted once), and it still closes by Escape.
  await page.keyboard.press("s");
  await expect(page.getByTestId("share-sheet")).toBeVisible();
  await expect(page.getByTestId("share-sheet")).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("pages.css changes nothing on the feed or the 关注 tab: their rules are all in the first load", async ({ page, errors }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Hold the prefetch (which would bring pages.css) back with a paused clock and no input.
  await page.clock.install();
  const sheets: string[] = [];
  page.on("request", (r) => r.resourceType() === "stylesheet" && sheets.push(new URL(r.url()).pathname));
  /** Where the first cards sit, the page's padding, and the look of the 关注 tab's empty state if shown. */
  const look = () =>
    page.evaluate(() => ({
      main: getComputedStyle(document.querySelector("main")!).padding,
      cards: [...document.querySelectorAll("[data-testid=card]")].slice(0, 8).map((c) => {
        const r = c.getBoundingClientRect();
        return [Math.round(r.left), Math.round(r.width), Math.round(r.height)];
      }),
      text: [...document.querySelectorAll("main p, main h2, main h3, main a, main span")].slice(0, 40).map((e) => {
        const s = getComputedStyle(e);
        return `${s.color} ${s.fontSize} ${s.marginLeft} ${s.display}`;
      }),
    }));
  const addPagesCss = () =>
    page.evaluate(
      () =>
        new Promise((done, fail) => {
          const l = Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/pages.css" });
          l.onload = done;
          l.onerror = fail;
          document.head.append(l);
        }),
    );
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  expect(sheets.filter((s) => s.endsWith("/pages.css"))).toEqual([]);
  const feed = await look();
  // The grid fits inside the page, with the desktop padding.
  const grid = await page.getByTestId("masonry").boundingBox();
  for (const [left, width] of feed.cards) expect(left + width).toBeLessThanOrEqual(grid!.x + grid!.width + 0.5);
  expect(feed.main).toBe("0px 20px 40px");
  await addPagesCss();
  expect(await look()).toEqual(feed);

  await page.goto("/?tab=following");
  await expect(page.getByTestId("suggestions")).toBeVisible();
  const following = await look();
  await addPagesCss();
  expect(await look()).toEqual(following);
  expect(errors).toEqual([]);
});
