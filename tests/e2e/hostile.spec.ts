// The hostile fixture pack (tests/fixtures/hostile/, see its make.mjs) and hostile whole responses, against
// the release build under its Content-Security-Policy: no script runs, no request leaves for a non-http(s)
// URL, nothing panics (the fixture fails the test on any page error), good items render, bad ones are
// skipped with a logged reason, items with a broken embedding render without it (logged), and the page stays
// responsive.
import { readFileSync } from "node:fs";
import { test, expect, cards } from "./fixtures";
import type { Page, Route } from "@playwright/test";

const DIR = "tests/fixtures/hostile";
const feed = readFileSync(`${DIR}/feed.json`, "utf8");
const expected: {
  markup: string;
  kept: string[];
  skipped: Record<string, string>;
  reasons: Record<string, string>;
  without_embedding: Record<string, string>;
  without_coupon: Record<string, string>;
  without_credit: string[];
  wrong_dim: string[];
} = JSON.parse(readFileSync(`${DIR}/expect.json`, "utf8"));
const FIRST = "**/api/v1/feed/recommend/1.json";

/** Records what an attack could leave behind: dialogs, requests to non-http(s) URLs, warnings. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], oddRequests: [] as string[], warnings: [] as string[] };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => !/^https?:/.test(r.url()) && seen.oddRequests.push(r.url()));
  page.on("console", (m) => m.type() === "warning" && seen.warnings.push(m.text()));
  return seen;
}

/** Every src, href and poster in the document whose resolved scheme is not http(s). */
const nonHttpUrls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("[src], [href], [poster]")]
      .flatMap((e) => ["src", "href", "poster"].map((a) => e.getAttribute(a)))
      .filter((u): u is string => u !== null)
      .filter((u) => !/^https?:$/.test(new URL(u, location.href).protocol)),
  );
const pwned = (page: Page) => page.evaluate(() => (window as any).__pwned);

test("the hostile pack: markup stays text, bad URLs never reach the page, good items render, bad ones are logged", async ({ page, errors }) => {
  const seen = watch(page);
  await page.route(FIRST, (route) => route.fulfill({ contentType: "application/json", body: feed }));
  await page.goto("/");
  await expect(page.getByTestId("end-of-feed")).toBeVisible();
  const ids = await cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
  expect(ids.sort()).toEqual([...expected.kept].sort());

  // Markup is shown as the characters it is made of.
  const marked = page.locator(`[data-id="${expected.kept[0]}"]`);
  await expect(marked.locator(".card-title")).toContainText("<script>window.__pwned=");
  await expect(marked.locator(".card-title img, .card-title script, .card-title svg")).toHaveCount(0);
  // Bidi overrides are removed before rendering.
  const rtl = await page.locator(`[data-id="${expected.kept[1]}"] .card-title`).textContent();
  expect(rtl).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);

  // Every refused item is logged with the field that was refused, and the javascript: next link too.
  for (const [at, field] of Object.entries(expected.skipped)) {
    const path = field ? `${at}.${field}` : at;
    expect(seen.warnings.some((w) => w.includes(path)), `a warning naming ${path}`).toBe(true);
  }
  for (const [at, why] of Object.entries(expected.reasons)) {
    expect(seen.warnings.some((w) => w.includes(`${at}`) && w.includes(why)), `a warning for ${at} saying ${why}`).toBe(true);
  }
  expect(seen.warnings.some((w) => w.includes(": next: "))).toBe(true);
  // Every broken embedding is logged with its field (its item is among the cards above), and the one whose
  // length differs from index.json's embedding_dim by its item id.
  for (const [at, field] of Object.entries(expected.without_embedding)) {
    const path = `${at}.${field}:`;
    expect(seen.warnings.some((w) => w.includes("kept without the part named") && w.includes(path)), `a warning naming ${path}`).toBe(true);
  }
  // Every broken coupon is logged with its field (its item is among the cards above).
  for (const [at, field] of Object.entries(expected.without_coupon)) {
    const path = `${at}.${field}:`;
    expect(seen.warnings.some((w) => w.includes("kept without the part named") && w.includes(path)), `a warning naming ${path}`).toBe(true);
  }
  // So is every broken co-creator credit and collaborator id.
  for (const path of expected.without_credit) {
    expect(seen.warnings.some((w) => w.includes("kept without the part named") && w.includes(`${path}:`)), `a warning naming ${path}`).toBe(true);
  }
  for (const id of expected.wrong_dim) {
    expect(seen.warnings.some((w) => w.includes(`item ${id}.embedding:`)), `a warning for the embedding of ${id}`).toBe(true);
  }

  // The item page renders the same text fields, products and translation as text.
  await marked.locator(".card-link").click();
  await expect(page.getByTestId("item-page")).toBeVisible();
  await expect(page.locator(".item-text")).toContainText(expected.markup);
  await expect(page.locator(".item-page script, .item-page svg[onload], .item-page img[onerror]")).toHaveCount(0);
  await page.getByTestId("lang-switch").click();
  await expect(page.locator(".item-title")).toContainText("Title <script>");

  // The credited item keeps its one good co-creator, whose markup name is text, and no bad link.
  await page.goBack();
  const credited = expected.kept[expected.kept.length - 1];
  await page.locator(`[data-id="${credited}"] .card-link`).click();
  const credits = page.getByTestId("co-creators");
  await expect(credits.getByRole("link")).toHaveCount(1);
  await expect(credits.getByRole("link")).toContainText("合作者 <script>");
  await expect(credits.getByRole("link")).toHaveAttribute("href", "/creator/h-co?src=collab");

  expect(await nonHttpUrls(page)).toEqual([]);
  expect(await pwned(page)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.oddRequests).toEqual([]);
});

/** Hostile whole responses for the first feed page, then a good one on retry. */
const responses: [string, (route: Route) => Promise<void>, string][] = [
  ["nested 100,000 deep", (r) => r.fulfill({ contentType: "application/json", body: `{"version":1,"items":[${"[".repeat(100_000)}${"]".repeat(100_000)}]}` }), "收到的数据有问题"],
  ["6 MB", (r) => r.fulfill({ contentType: "application/json", body: `{"version":1,"items":[],"pad":"${"x".repeat(6 * 1024 * 1024)}"}` }), "收到的数据有问题"],
  ["an HTML 500 page", (r) => r.fulfill({ status: 500, contentType: "text/html", body: "<h1>500</h1><script>window.__pwned=1</script>" }), "服务器开小差了"],
  ["an HTML 404 page", (r) => r.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not Found</h1>" }), ""],
  ["markup with a JSON content type", (r) => r.fulfill({ contentType: "application/json", body: "<img src=x onerror=window.__pwned=1>" }), "收到的数据有问题"],
];

for (const [name, attack, message] of responses) {
  test(`a first page that is ${name} shows an error with retry, and retry recovers`, async ({ page, errors }) => {
    const seen = watch(page);
    let calls = 0;
    await page.route(FIRST, async (route) => (calls++ === 0 ? attack(route) : route.continue()));
    await page.goto("/");
    const error = page.getByTestId("error-state");
    await expect(error).toBeVisible();
    if (message) await expect(error).toContainText(message);
    // Still responsive: the language switch works while the error shows.
    await page.getByTestId("lang-switch").click();
    await expect(page.locator("nav.tabs a").first()).toHaveText("For you");
    await page.getByTestId("retry").click();
    await expect(cards(page).first()).toBeVisible();
    expect(await pwned(page)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
  });
}

test("a slow first page shows the loading state and the app stays usable until it arrives", async ({ page, errors }) => {
  let release!: () => void;
  const arrived = new Promise<void>((r) => (release = r));
  await page.route(FIRST, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto("/");
  await expect(page.locator(".skeleton[role=status]")).toBeVisible();
  await page.getByTestId("lang-switch").click();
  await expect(page.locator("nav.tabs a").first()).toHaveText("For you");
  await page.getByTestId("settings-link").click();
  await expect(page.getByTestId("settings-page")).toBeVisible();
  await page.goBack();
  await expect(page.locator(".skeleton[role=status]")).toBeVisible();
  release();
  await expect(cards(page).first()).toBeVisible();
});
