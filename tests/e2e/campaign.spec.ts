// Campaign venues (/campaign/:id, docs/api.md "Campaign venues"): the three states of the countdown with the
// clock pinned, badge links on cards and item pages, the feed's banner while a campaign is on, the venue
// feed's pages, attribution of visits through a venue, embed mode, and hostile venue documents.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, cards, scrollToEnd, writableApi, recordEvents } from "./fixtures";

// Days are the reader's: the demo windows open and close at midnight Beijing time.
test.use({ timezoneId: "Asia/Shanghai" });

const pack = (p: string) => JSON.parse(readFileSync(`demo/api/v1/${p}`, "utf8"));
const venue = (id: string) => pack(`campaigns/${id}.json`).campaign;
const at = (s: string) => new Date(s).getTime();
/** The countdown as the page writes it: "N天 HH:MM:SS", or the clock alone on the last day. */
function countdown(ms: number, lang: "zh" | "en" = "zh") {
  const s = Math.floor(ms / 1000);
  const [d, h, m, sec] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60];
  const hms = [h, m, sec].map((n) => String(n).padStart(2, "0")).join(":");
  return d > 0 ? (lang === "zh" ? `${d}天 ${hms}` : `${d}d ${hms}`) : hms;
}
// The pack's moment and "today" of this work: the demo windows put one campaign in each state at both.
const PACK_NOW = "2026-11-20T12:00:00+08:00";
const TODAY = "2026-12-02T12:00:00+08:00";

/** Fakes the clock and stops it at `time`: it moves only by `runFor`, so a countdown can be read exactly. */
async function clockAt(page: Page, time: number) {
  await page.clock.install({ time: time - 1000 });
  await page.clock.pauseAt(time);
}

async function openVenue(page: Page, id: string, query = "") {
  await page.goto(`/campaign/${id}${query}`);
  await expect(page.getByTestId("venue-page")).toBeVisible();
}

for (const moment of [PACK_NOW, TODAY]) {
  test(`at ${moment} the venues show upcoming, on and ended, and the countdown ticks`, async ({ page, errors }) => {
    const now = at(moment);
    await clockAt(page, now);
    const countdownEl = page.getByTestId("venue-countdown");

    await openVenue(page, "cnewyear");
    await expect(page.locator("#page-heading")).toHaveText("年货节");
    await expect(countdownEl).toHaveAttribute("data-phase", "upcoming");
    await expect(countdownEl).toHaveText(`距开始 ${countdown(at(venue("cnewyear").starts_at) - now)}`);
    await expect(page.getByTestId("venue-window")).toHaveText("活动时间 2028年1月5日 – 2028年2月5日");
    // Live: two seconds later it says two seconds less.
    await page.clock.runFor(2000);
    await expect(countdownEl).toHaveText(`距开始 ${countdown(at(venue("cnewyear").starts_at) - now - 2000)}`);

    await openVenue(page, "c1212");
    await expect(countdownEl).toHaveAttribute("data-phase", "on");
    await expect(countdownEl).toHaveText(new RegExp(`^距结束 \\d+天 \\d\\d:\\d\\d:\\d\\d$`));
    await expect(page.getByTestId("venue-rule")).toContainText(venue("c1212").rule["zh-CN"]);

    await openVenue(page, "c1111");
    await expect(countdownEl).toHaveAttribute("data-phase", "ended");
    await expect(countdownEl).toHaveText("已结束");
  });
}

test("a venue that is on turns to ended at its end, live; English reads the English way", async ({ page, errors }) => {
  const end = at(venue("c1212").ends_at);
  await clockAt(page, end - 3000);
  await openVenue(page, "c1212", "?lang=en");
  const countdownEl = page.getByTestId("venue-countdown");
  await expect(countdownEl).toHaveText("Ends in 00:00:03");
  await expect(page.locator("#page-heading")).toHaveText(venue("c1212").name.en);
  await page.clock.runFor(4000);
  await expect(countdownEl).toHaveText("Ended");
  await expect(countdownEl).toHaveAttribute("data-phase", "ended");
  await page.clock.setFixedTime(at(venue("cnewyear").starts_at) - 86_400_000 - 3_600_000);
  await openVenue(page, "cnewyear", "?lang=en");
  await expect(countdownEl).toHaveText(`Starts in ${countdown(86_400_000 + 3_600_000, "en")}`);
});

test("the venue lists its creators with follow buttons and its topics as chips, keyboard reachable", async ({ page, errors }) => {
  await page.clock.setFixedTime(new Date(TODAY));
  await openVenue(page, "c1212");
  const v = venue("c1212");
  await expect(page.locator("#page-heading")).toBeFocused();
  const creators = page.getByTestId("venue-creators").locator("li");
  await expect(creators).toHaveCount(v.creators.length);
  await expect(creators.first().locator("a")).toHaveAttribute("href", `/creator/${v.creators[0].id}?src=campaign`);
  const follow = creators.first().getByTestId("follow-button");
  await expect(follow).toHaveAccessibleName(`关注 ${v.creators[0].name}`);
  const chips = page.getByTestId("venue-topics").locator("a");
  await expect(chips).toHaveText(["数码", "家居"]);
  // From the heading, Tab reaches the first topic chip, then the rest, then the creators.
  await page.keyboard.press("Tab");
  await expect(chips.first()).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(creators.first().locator("a")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(follow).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(follow).toHaveAttribute("aria-pressed", "true");
});

test("the venue feed loads its pages by next, every card of the campaign", async ({ page, errors }) => {
  const pages: string[] = [];
  page.on("request", (r) => {
    const m = r.url().match(/campaigns\/c1111\/feed\/(\d+)\.json$/);
    if (m) pages.push(m[1]);
  });
  let total = 0;
  for (let url: string | null = "campaigns/c1111/feed/1.json"; url; ) {
    const p = pack(url);
    total++;
    url = p.next;
  }
  expect(total).toBeGreaterThan(2);
  await openVenue(page, "c1111");
  await expect(cards(page).first()).toBeVisible();
  for (let i = 0; i < 60 && !(await page.getByTestId("end-of-feed").isVisible()); i++) await scrollToEnd(page, 1);
  await expect(page.getByTestId("end-of-feed")).toBeVisible();
  expect([...new Set(pages)]).toEqual(Array.from({ length: total }, (_, i) => String(i + 1)));
  // Every card on screen belongs to the campaign.
  const ids = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
  const inCampaign = new Set<string>();
  for (let url: string | null = "campaigns/c1111/feed/1.json"; url; ) {
    const p = pack(url);
    p.items.forEach((i: { id: string; campaign: string }) => inCampaign.add(i.id));
    url = p.next;
  }
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(inCampaign.has(id!)).toBe(true);
});

test("campaign badges on cards and item pages open the venue, heading focused", async ({ page, errors }) => {
  await page.clock.setFixedTime(new Date(TODAY));
  await openVenue(page, "c1111");
  const badge = cards(page).first().getByTestId("campaign-badge");
  await expect(badge).toHaveText("双11 全球狂欢节");
  await expect(badge).toHaveAttribute("href", "/campaign/c1111?src=campaign");
  // A card's badge is its own link: the card's link still opens the item.
  const id = await cards(page).first().getAttribute("data-id");
  await cards(page).first().locator(".card-link").click();
  await expect(page).toHaveURL(new RegExp(`/item/${id}$`));
  const itemBadge = page.getByTestId("item-page").getByTestId("campaign-badge");
  await expect(itemBadge).toHaveAttribute("href", "/campaign/c1111?src=campaign");
  await itemBadge.click();
  await expect(page).toHaveURL(/\/campaign\/c1111\?src=campaign$/);
  await expect(page.locator("#page-heading")).toBeFocused();
  await expect(page.locator("#page-heading")).toHaveText("双11 全球狂欢节");
  // From the feed: a card that carries a badge opens the venue from it.
  await page.goto("/");
  const withBadge = page.locator("[data-testid=card]:has([data-testid=campaign-badge])").first();
  await expect(withBadge).toBeVisible();
  const href = await withBadge.getByTestId("campaign-badge").getAttribute("href");
  await withBadge.getByTestId("campaign-badge").click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace("?", "\\?")}$`));
  await expect(page.getByTestId("venue-page")).toBeVisible();
});

test("the recommend feed shows a venue banner only while a campaign is on", async ({ page, errors }) => {
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto("/");
  const banner = page.getByTestId("venue-banner");
  await expect(banner).toHaveAttribute("data-campaign", "c1212");
  await expect(banner).toHaveText(/双12 年终好价 正在进行/);
  // Not on the following tab.
  await page.goto("/?tab=following");
  await expect(page.locator("#page-heading")).toBeAttached();
  await expect(banner).toHaveCount(0);
  // Between campaigns (年货节 2028 has not opened, 双12 has closed): no banner.
  await page.clock.setFixedTime(new Date("2027-12-20T12:00:00+08:00"));
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await expect(banner).toHaveCount(0);
  // During 双11 (before 双12 opened), its banner; it opens the venue.
  await page.clock.setFixedTime(new Date("2026-11-10T12:00:00+08:00"));
  await page.goto("/");
  await expect(banner).toHaveAttribute("data-campaign", "c1111");
  await banner.click();
  await expect(page).toHaveURL(/\/campaign\/c1111\?src=campaign$/);
  await expect(page.getByTestId("venue-countdown")).toHaveText(/^距结束 /);
});

test("visits that come through a venue count as campaign traffic", async ({ page, errors }) => {
  await writableApi(page);
  const batches = await recordEvents(page);
  // In the app: from the feed's banner to the venue, then an item and a creator from the venue.
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto("/");
  await page.getByTestId("venue-banner").click();
  await expect(page.getByTestId("venue-page")).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  const id = await cards(page).first().getAttribute("data-id");
  await cards(page).first().locator(".card-link").click();
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.goBack();
  await page.getByTestId("venue-creators").locator("li a").first().click();
  await expect(page.getByTestId("creator-page")).toBeVisible();
  const creator = await page.getByTestId("creator-page").getAttribute("data-id");
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(() => batches.length).toBe(1);
  const events = batches[0].events.map((e) => [e.source, e.item ?? `creator:${e.creator}`]);
  expect(events).toEqual([
    ["campaign", id],
    ["campaign", `creator:${creator}`],
  ]);
});

test("a venue embeds without the app bar", async ({ page, errors }) => {
  await page.clock.setFixedTime(new Date(TODAY));
  await openVenue(page, "c1212", "?embed=1");
  await expect(page.locator(".app-bar")).toHaveCount(0);
  await expect(page.getByTestId("venue-countdown")).toHaveAttribute("data-phase", "on");
  await expect(cards(page).first()).toBeVisible();
});

test("an unknown or malformed campaign id is a not-found page", async ({ page, errors }) => {
  await page.goto("/campaign/nope");
  await expect(page.getByTestId("not-found")).toContainText("这个活动不存在");
  // Not an id (a "!"): refused before any request.
  await page.goto("/campaign/bad%21id");
  await expect(page.getByTestId("not-found")).toContainText("这个活动不存在");
});

test("hostile venue documents: bad parts skipped with their paths, a broken one refused with a retry", async ({ page, errors }) => {
  const DIR = "tests/fixtures/hostile";
  const expected = JSON.parse(readFileSync(`${DIR}/expect.json`, "utf8"));
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  let body = readFileSync(`${DIR}/venue.json`, "utf8");
  await page.route("**/api/v1/campaigns/c1212.json", (route) => route.fulfill({ contentType: "application/json", body }));
  await openVenue(page, "c1212");
  await expect(page.locator("#page-heading")).toContainText("<script>");
  const creators = page.getByTestId("venue-creators").locator("li");
  await expect(creators).toHaveCount(expected.venue.creators.length);
  await expect(page.getByTestId("venue-topics").locator("a")).toHaveCount(expected.venue.topics.length);
  for (const path of expected.venue.notes) expect(warnings.some((w) => w.includes(path)), path).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const srcs = await page.locator("img").evaluateAll((els) => els.map((e) => e.getAttribute("src") ?? ""));
  for (const src of srcs) expect(src).toMatch(/^https?:\/\//);

  body = readFileSync(`${DIR}/venue-refused.json`, "utf8");
  await page.reload();
  await expect(page.getByTestId("error-state")).toBeVisible();
  for (const path of expected.venue_refused) expect(warnings.some((w) => w.includes(path)), path).toBe(true);
  await page.unroute("**/api/v1/campaigns/c1212.json");
  await page.getByTestId("retry").click();
  await expect(page.getByTestId("venue-page")).toBeVisible();
  await expect(page.locator("#page-heading")).toHaveText("双12 年终好价");
});
