// Follow, the 关注 tab, the follow outbox against a writable API, sharing (link, QR, share code) and
// traffic-source attribution, and creator pages' kind tabs.
import { test, expect, cards, writableApi, recordEvents } from "./fixtures";
import type { Page, Route } from "@playwright/test";


/** The creator of the first card in the feed, followed from the card's menu. */
async function followFirstCardCreator(page: Page) {
  await page.goto("/");
  const card = cards(page).first();
  await expect(card).toBeVisible();
  const creatorHref = await card.locator(".card-creator").getAttribute("href");
  await card.getByTestId("card-more").click();
  const follow = page.getByTestId("menu-follow");
  await expect(follow).toContainText("关注");
  await follow.click();
  await expect(page.getByTestId("item-menu")).not.toBeVisible();
  await expect(page.getByTestId("toast")).toHaveText("已关注");
  return creatorHref!.replace("/creator/", "");
}

test("follow from a card survives a reload and fills the 关注 tab; unfollow empties it", async ({ page, errors }) => {
  const creator = await followFirstCardCreator(page);
  await page.reload();
  await page.goto(`/creator/${creator}`);
  const button = page.getByTestId("creator-page").getByTestId("follow-button");
  await expect(button).toHaveAttribute("aria-pressed", "true");
  // One name and one word whatever the state (the state is aria-pressed, a check mark and a quieter look).
  await expect(button).toHaveText("关注");
  await expect(button).toHaveAccessibleName(/^关注 \S/);
  await expect(button.locator("svg")).toBeVisible();

  await page.getByRole("link", { name: "逛" }).first().click();
  await page.getByRole("link", { name: "关注", exact: true }).click();
  await expect(page).toHaveURL(/tab=following/);
  const feed = page.getByTestId("following-feed");
  await expect(feed.getByTestId("card").first()).toBeVisible();
  const hrefs = await feed.locator(".card-creator").evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(new Set(hrefs)).toEqual(new Set([`/creator/${creator}`]));
  // Newest first: the first page of the creator's own list, in the same order (DOM is column-major, so
  // compare as sets of the newest items).
  const all: any[] = [];
  for (let next: string | null = `creators/${creator}/items/1.json`; next; ) {
    const doc = await (await page.request.get(`/api/v1/${next}`)).json();
    all.push(...doc.items);
    next = doc.next;
  }
  const newest = all
    .slice()
    .sort((a: any, b: any) => Date.parse(b.published_at) - Date.parse(a.published_at))
    .map((i: any) => i.id);
  const shown = await feed.getByTestId("card").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
  expect(new Set(shown)).toEqual(new Set(newest.slice(0, shown.length)));

  // Unfollow from the creator page: the tab falls back to suggestions.
  await page.goto(`/creator/${creator}`);
  await page.getByTestId("creator-page").getByTestId("follow-button").click();
  await expect(page.getByTestId("creator-page").getByTestId("follow-button")).toHaveAttribute("aria-pressed", "false");
  await page.goto("/?tab=following");
  await expect(page.getByTestId("suggestions")).toBeVisible();
  await expect(page.getByTestId("suggested-creator").first()).toBeVisible();
});

test("suggested creators can be followed from the empty 关注 tab", async ({ page, errors }) => {
  await page.goto("/?tab=following");
  const first = page.getByTestId("suggested-creator").first();
  await expect(first).toBeVisible();
  const id = await first.getAttribute("data-id");
  await first.getByTestId("follow-button").click();
  await expect(page.getByTestId("following-feed").getByTestId("card").first()).toBeVisible();
  const hrefs = await page.locator("[data-testid=following-feed] .card-creator").evaluateAll((els) =>
    els.map((e) => e.getAttribute("href")),
  );
  expect(new Set(hrefs)).toEqual(new Set([`/creator/${id}`]));
});

test("with a writable API that fails then succeeds, a follow arrives exactly once", async ({ page, errors }) => {
  await writableApi(page);
  const seen: { key: string | null; body: any; status: number }[] = [];
  await page.route("**/api/v1/follows", async (route: Route) => {
    const req = route.request();
    const status = seen.length === 0 ? 503 : 200;
    seen.push({ key: req.headers()["idempotency-key"] ?? null, body: req.postDataJSON(), status });
    await route.fulfill({ status, contentType: "application/json", body: "{}" });
  });
  await page.goto("/creator/c07");
  const button = page.getByTestId("creator-page").getByTestId("follow-button");
  await button.click();
  // Optimistic: pressed at once, before any answer.
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => seen.filter((s) => s.status === 200).length, { timeout: 10_000 }).toBe(1);
  // Nothing more is sent once accepted.
  await page.waitForTimeout(2500);
  expect(seen.length).toBe(2);
  expect(seen[0].key).toBeTruthy();
  expect(seen[1].key).toBe(seen[0].key);
  expect(seen[1].body).toEqual({ version: 1, creator: "c07", follow: true, key: seen[0].key, level: 0 });
  await expect(button).toHaveAttribute("aria-pressed", "true");
});

test("a refused follow rolls the button back and says why", async ({ page, errors }) => {
  await writableApi(page);
  await page.route("**/api/v1/follows", (route) =>
    route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ error: "<b>关注太频繁</b>" }) }),
  );
  await page.goto("/creator/c08");
  const button = page.getByTestId("creator-page").getByTestId("follow-button");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  // The reason is shown as text, never as markup.
  await expect(page.getByTestId("toast")).toContainText("<b>关注太频繁</b>");
  await page.reload();
  await expect(page.getByTestId("creator-page").getByTestId("follow-button")).toHaveAttribute("aria-pressed", "false");
});

test("follow then unfollow while offline sends nothing when the network returns", async ({ page, context, errors }) => {
  await writableApi(page);
  // Routed requests bypass Playwright's offline switch, so the route plays the network: refused while
  // offline, answered once back.
  let offline = false;
  let attempts = 0;
  let delivered = 0;
  await page.route("**/api/v1/follows", (route) => {
    attempts += 1;
    if (offline) return route.abort("internetdisconnected");
    delivered += 1;
    return route.fulfill({ status: 200, contentType: "application/json", body: "{}" });
  });
  await page.goto("/creator/c09");
  const button = page.getByTestId("creator-page").getByTestId("follow-button");
  await expect(button).toBeVisible();
  await context.setOffline(true);
  offline = true;
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await page.waitForTimeout(300);
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  expect(attempts).toBeGreaterThan(0);
  offline = false;
  await context.setOffline(false);
  await page.waitForTimeout(2500);
  expect(delivered).toBe(0);
});

test("share sheet copies a link that lands on the item with source=share recorded", async ({ page, context, errors }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/item/i0001");
  const creator = (await page.getByTestId("creator-link").getAttribute("href"))!.replace("/creator/", "");
  await page.getByTestId("item-page").getByTestId("share-button").click();
  const sheet = page.getByTestId("share-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId("share-qr").locator("path")).toHaveAttribute("d", /^M\d/);
  await sheet.getByTestId("copy-link").click();
  await expect(page.getByTestId("toast")).toHaveText("链接已复制");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/item\/i0001\?src=share&code=[0-9A-Z-]+$/);
  const code = await sheet.getByTestId("share-code").inputValue();
  expect(link).toContain(`code=${code}`);
  await sheet.getByTestId("share-close").click();

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId("item-page")).toHaveAttribute("data-id", "i0001");
  // The visit is counted on the device under "share", visible to the creator in the preview studio.
  await other.goto(`/creator/${creator}/preview`);
  await expect(other.getByTestId("traffic-device")).toContainText("分享 1");
  await other.close();
});

test("a share code round-trips through the code box, typos are caught", async ({ page, errors }) => {
  await page.goto("/creator/c03");
  await page.getByTestId("creator-page").getByTestId("share-button").click();
  const code = await page.getByTestId("share-code").inputValue();
  expect(code).toMatch(/^[0-9A-Z]{1,4}(-[0-9A-Z]{1,4})+$/);
  await page.getByTestId("share-close").click();
  await page.goto("/");

  await page.getByTestId("open-code").click();
  const input = page.getByTestId("code-input");
  // A typo (one character changed) is refused with a message, not a wrong page.
  const last = code.slice(-1);
  const typo = code.slice(0, -1) + (last === "7" ? "8" : "7");
  await input.fill(typo);
  await page.getByTestId("code-submit").click();
  await expect(page.getByTestId("code-error")).not.toBeEmpty();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  // Lower case, spaces and surrounding text are fine.
  await input.fill(`复制这段口令 ${code.toLowerCase().replace(/-/g, " ")} 打开逛`);
  await page.getByTestId("code-submit").click();
  await expect(page).toHaveURL(/\/creator\/c03\?src=share&code=/);
  await expect(page.getByTestId("creator-page")).toHaveAttribute("data-id", "c03");
});

test("creator page tabs filter by kind", async ({ page, errors }) => {
  await page.goto("/creator/c09");
  await expect(cards(page).first()).toBeVisible();
  await page.getByTestId("creator-tabs").getByRole("link", { name: "视频" }).click();
  await expect(page).toHaveURL(/kind=video/);
  await expect(cards(page).first()).toBeVisible();
  // Counted in one read: a short filtered list goes on loading pages while the test looks.
  const kinds = (badges: string) =>
    cards(page).evaluateAll((els, badges) => els.filter((e) => !e.querySelector(badges)).map((e) => e.getAttribute("data-id")), badges);
  expect(await kinds(".badge-video")).toEqual([]);
  await page.getByTestId("creator-tabs").getByRole("link", { name: "直播" }).click();
  await expect(cards(page).first()).toBeVisible();
  expect(await kinds(".badge-live, .badge-ended")).toEqual([]);
});

test("a follow made offline is delivered once when the network returns", async ({ page, context, errors }) => {
  await writableApi(page);
  let offline = false;
  const delivered: string[] = [];
  await page.route("**/api/v1/follows", (route) => {
    if (offline) return route.abort("internetdisconnected");
    delivered.push(route.request().headers()["idempotency-key"]);
    return route.fulfill({ status: 200, contentType: "application/json", body: "{}" });
  });
  await page.goto("/creator/c10");
  const button = page.getByTestId("creator-page").getByTestId("follow-button");
  await expect(button).toBeVisible();
  offline = true;
  await context.setOffline(true);
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await page.waitForTimeout(1500);
  offline = false;
  await context.setOffline(false);
  await expect.poll(() => delivered.length, { timeout: 5000 }).toBe(1);
  await page.waitForTimeout(1500);
  expect(delivered.length).toBe(1);
});

test("with writes enabled, visits are sent as one batched event request when the page hides", async ({ page, errors }) => {
  await writableApi(page);
  const batches = await recordEvents(page);
  await page.goto("/item/i0002?src=campaign&campaign=c1111");
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.getByTestId("creator-link").click();
  await expect(page.getByTestId("creator-page")).toBeVisible();
  // Coming back to the item is not a new visit.
  await page.goBack();
  await expect(page.getByTestId("item-page")).toBeVisible();
  expect(batches.length).toBe(0);
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(() => batches.length).toBe(1);
  const events = batches[0].events;
  expect(batches[0].version).toBe(1);
  expect(events.map((e: any) => [e.source, e.item ?? null])).toEqual([
    ["campaign", "i0002"],
    ["campaign", null],
  ]);
  expect(new Set(events.map((e: any) => e.id)).size).toBe(2);
  // Sent events are not sent again.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await page.waitForTimeout(300);
  expect(batches.length).toBe(1);
});
