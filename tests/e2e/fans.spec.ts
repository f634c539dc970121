// 粉丝等级 (#14): a level per creator earned on the device, shown on the creator page and the interests page,
// fading only after a grace period; a super fan's share says so and its link carries the level; share visits
// count by the sharer's level, on the device, in visit events and in the studio's traffic panel.
import { test, expect, writableApi, recordEvents } from "./fixtures";
import type { Page } from "@playwright/test";

const DAY = 86_400;

/** Stores a fan ledger before the app starts, once per tab (a reload keeps what the app saved since). */
async function seedFans(page: Page, creators: Record<string, { points: number; daysAgo?: number; name?: string }>) {
  const now = Math.floor(Date.now() / 1000);
  const doc = {
    version: 1,
    creators: Object.entries(creators).map(([id, c]) => ({
      id,
      name: c.name ?? "",
      points: c.points,
      active: now - (c.daysAgo ?? 0) * DAY,
      today: 0,
    })),
  };
  await page.addInitScript((json) => {
    if (!sessionStorage.getItem("fans-seeded")) {
      localStorage.setItem("guang.fans", json);
      sessionStorage.setItem("fans-seeded", "1");
    }
  }, JSON.stringify(doc));
}


test("a creator visit earns points, crossing into 粉丝 at the threshold, and the level survives a reload", async ({ page, errors }) => {
  await seedFans(page, { c07: { points: 18 } });
  await page.goto("/creator/c07");
  const card = page.getByTestId("fan-card");
  await expect(card).toBeVisible();
  // 18 stored + 2 for this visit = 20, the 粉丝 threshold.
  await expect(card.getByTestId("fan-level")).toHaveText("粉丝");
  await expect(card).toHaveAttribute("data-level", "1");
  await expect(card.getByTestId("fan-progress-text")).toHaveText("20 / 120 分，升到铁粉");
  await expect(card.locator("progress")).toHaveAttribute("aria-label", "距离下一等级的进度");
  await expect(card.getByTestId("fan-status")).toHaveText("14 天内没有互动，分数才会开始慢慢减少");
  // What counts is listed, from the same rules.
  await card.getByTestId("fan-rules").locator("summary").press("Enter");
  await expect(card.getByTestId("fan-rules")).toContainText("点赞 +3");
  await expect(card.getByTestId("fan-rules")).toContainText("每位创作者每天最多 +30");
  await expect(card.getByTestId("fan-rules")).toContainText("只在你的设备上计算");
  await page.reload();
  await expect(page.getByTestId("fan-card").getByTestId("fan-level")).toHaveText("粉丝");
  // A visit in the same page load does not count twice; a reload is a new visit (+2).
  await expect(page.getByTestId("fan-progress-text")).toHaveText("22 / 120 分，升到铁粉");
});

test("a passer-by with no points sees 路人 and the way up; English reads the same", async ({ page, errors }) => {
  await page.goto("/creator/c03?lang=en");
  const card = page.getByTestId("fan-card");
  await expect(card.getByRole("heading", { name: "Your fan level" })).toBeVisible();
  await expect(card.getByTestId("fan-level")).toHaveText("Passer-by");
  await expect(card.getByTestId("fan-progress-text")).toHaveText("2 / 20 points to Fan");
});

test("points fade after the grace period, gently, and the card says why", async ({ page, errors }) => {
  // 130 points, last earned 30 days ago: 16 days past the grace period at 2 % a day leaves about 94 (粉丝),
  // then this visit adds 2 and stops the fading.
  await seedFans(page, { c05: { points: 130, daysAgo: 30 } });
  await page.goto("/me/interests");
  const row = page.getByTestId("fan-levels").locator('li[data-id="c05"]');
  await expect(row).toHaveAttribute("data-level", "1");
  await expect(row).toContainText("粉丝");
  await expect(row).toContainText("94 分");
  await expect(row.getByTestId("fan-fading")).toHaveText("分数在减少");
  await row.getByRole("link").click();
  const card = page.getByTestId("fan-card");
  await expect(card.getByTestId("fan-progress-text")).toHaveText("96 / 120 分，升到铁粉");
  await expect(card.getByTestId("fan-status")).toHaveText("14 天内没有互动，分数才会开始慢慢减少");
});

test("a super fan's share says 超级粉丝推荐 and its link carries the level; a passer-by's does not", async ({ page, errors }) => {
  await seedFans(page, { c06: { points: 400, name: "阿May育儿记" } });
  await page.goto("/item/i0002");
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.getByTestId("item-page").getByTestId("share-button").first().click();
  const sheet = page.getByTestId("share-sheet");
  await expect(sheet.getByTestId("share-fan-badge")).toHaveText("超级粉丝推荐");
  await expect(sheet.getByTestId("share-link")).toHaveValue(/\/item\/i0002\?src=share&code=G[0-9A-Z-]+&fan=3$/);
  await page.keyboard.press("Escape");
  await expect(sheet).not.toBeVisible();
  // Another creator's item: no standing, no badge, no level in the link.
  await page.goto("/item/i0001");
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.getByTestId("item-page").getByTestId("share-button").first().click();
  await expect(sheet.getByTestId("share-link")).toHaveValue(/\?src=share&code=G[0-9A-Z-]+$/);
  await expect(sheet.getByTestId("share-fan-badge")).toHaveCount(0);
});

test("a share visit counts by the sharer's level: in the visit event and in the studio's traffic panel", async ({ page, errors }) => {
  await writableApi(page);
  const batches = await recordEvents(page);
  await seedFans(page, { c06: { points: 150 } });
  await page.goto("/item/i0002?src=share&fan=3");
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.getByTestId("creator-link").click();
  await expect(page.getByTestId("creator-page")).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(() => batches.length).toBe(1);
  const events = batches[0].events.map((e: any) => [e.source, e.item ?? null, e.level ?? null, e.via_level ?? null]);
  // The landing carries the sharer's level once; the visitor is a 铁粉 (150 points) of c06 on both.
  expect(events).toEqual([
    ["share", "i0002", 2, 3],
    ["share", null, 2, null],
  ]);
  for (const e of batches[0].events) expect(Object.values(e)).not.toContain(null);
  // The studio shows the pack's 30-day split and this device's count by level.
  await page.getByTestId("studio-link").click();
  const line = page.getByTestId("traffic-share-levels");
  await expect(line).toContainText(/\d+% 来自超级粉丝/);
  await expect(line).toContainText("本设备的访问: 超级粉丝 1");
});

test("the interests page lists fan levels; export keeps them, reset forgets them, import brings them back", async ({ page, errors }) => {
  await seedFans(page, { c06: { points: 400, name: "阿May育儿记" }, c02: { points: 5 }, c09: { points: 150 } });
  await page.goto("/me/interests");
  const list = page.getByTestId("fan-levels");
  await expect(list.locator("li")).toHaveCount(2);
  await expect(list.locator("li").first()).toHaveAttribute("data-id", "c06");
  await expect(list.locator("li").first()).toContainText("阿May育儿记");
  await expect(list.locator("li").first()).toContainText("超级粉丝");
  // c09's name is fetched with the page's other labels when neither the ledger nor this load knows it.
  const c09 = list.locator('li[data-id="c09"]');
  await expect(c09).toContainText("铁粉");
  const name = JSON.parse(await (await page.request.get("/api/v1/creators/c09.json")).text()).creator.name;
  await expect(c09.getByRole("link")).toHaveText(name);
  // The profile export holds the fan levels, and importing it brings them back after a reset.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  const exported = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8"));
  expect(exported.version).toBe(2);
  expect(exported.fans.version).toBe(1);
  expect(exported.fans.creators.map((c: any) => c.id).sort()).toEqual(["c02", "c06", "c09"]);
  await page.getByTestId("reset").click();
  await page.getByTestId("reset").click();
  await expect(list).toHaveCount(0);
  await expect(page.getByText("还没有粉丝等级")).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("guang.fans") ?? "{}"));
  expect(stored.creators).toEqual([]);
  await page.getByTestId("import").setInputFiles({ name: "me.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.getByText("已导入兴趣档案")).toBeVisible();
  await expect(list.locator("li").first()).toHaveAttribute("data-id", "c06");
  await expect(list.locator("li")).toHaveCount(2);
});

test("hostile stored fan levels are refused or bounded, never fatal", async ({ page, errors }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("fans-seeded")) {
      localStorage.setItem("guang.fans", '{"version":1,"creators":[{"id":"c06","points":1e308,"active":1,"name":"<img src=x onerror=alert(1)>"},"x"]}');
      sessionStorage.setItem("fans-seeded", "1");
    }
  });
  await page.goto("/me/interests");
  const row = page.getByTestId("fan-levels").locator('li[data-id="c06"]');
  // Capped, decayed from 1970 to nothing, so the row is gone; the name is never markup.
  await expect(page.getByText("还没有粉丝等级")).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem("guang.fans", "{not json"));
  await page.goto("/creator/c06");
  await expect(page.getByTestId("fan-card").getByTestId("fan-level")).toHaveText("路人");
});
