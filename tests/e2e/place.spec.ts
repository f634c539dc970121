// Never lose the user's place: a reload comes back to the same card; a stale or corrupt saved place starts
// fresh; refreshing never moves what is on screen, new items wait behind the "N new" pill.
import { test, expect, cards } from "./fixtures";
import type { Page } from "@playwright/test";

/** The topmost card below the app bar and its top edge. */
const topCard = (page: Page) =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>("[data-testid=masonry] [data-testid=card]")]
      .map((e) => ({ id: e.dataset.id!, top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom }))
      .filter((c) => c.bottom > 60)
      .sort((a, b) => a.top - b.top);
    return all[0];
  });

test("a reload comes back to the same card at the same place", async ({ page, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(900);
  const before = await topCard(page);
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(2000);
  await page.reload();
  await expect(page.locator(`[data-id="${before.id}"]`)).toBeVisible();
  await page.waitForTimeout(300);
  const after = await topCard(page);
  expect(after.id).toBe(before.id);
  expect(Math.abs(after.top - before.top)).toBeLessThan(3);
});

test("a saved place older than an hour, or corrupt, starts fresh at the top", async ({ page, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await page.mouse.wheel(0, 2500);
  await page.waitForTimeout(1000);
  // Leaving saves the place again (pagehide), so age it as the next page starts, before the app reads it.
  await page.addInitScript(() => {
    if (sessionStorage.getItem("aged")) return;
    sessionStorage.setItem("aged", "1");
    const place = JSON.parse(localStorage.getItem("guang.place")!);
    place.saved_at -= 2 * 60 * 60 * 1000;
    localStorage.setItem("guang.place", JSON.stringify(place));
  });
  await page.reload();
  await expect(cards(page).first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // A stale place is simply not used: no notice.
  await expect(page.getByTestId("toast")).toBeEmpty();

  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.mouse.wheel(0, 2500);
  await page.waitForTimeout(1000);
  await page.addInitScript(() => {
    if (sessionStorage.getItem("corrupted")) return;
    sessionStorage.setItem("corrupted", "1");
    localStorage.setItem("guang.place", '{"version":1,"items":[{"id":"<script>"}');
  });
  await page.reload();
  await expect(cards(page).first()).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect.poll(() => warnings.some((w) => w.includes("saved feed position"))).toBe(true);
  // A corrupt one is reset with a notice.
  await expect(page.getByTestId("toast")).toContainText("位置无法读取");
});

test("refresh never moves what is on screen; new items wait behind the pill", async ({ page, errors }) => {
  // Once armed, page 1 has two new items on top.
  let armed = false;
  await page.route("**/api/v1/feed/recommend/1.json", async (route) => {
    const response = await route.fetch();
    const doc = await response.json();
    if (armed) {
      const extra = (await (await page.request.get("/api/v1/feed/recommend/9.json")).json()).items.slice(0, 2);
      doc.items = [...extra.map((i: any, n: number) => ({ ...i, id: `new${n}` })), ...doc.items];
    }
    await route.fulfill({ response, body: JSON.stringify(doc) });
  });
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  // Once the reader is engaged (here a wheel), the feed fetches pages ahead for the ranker, each followed
  // by a re-rank of the unseen tail: let that settle, so what moves below is what the refresh did.
  await page.mouse.wheel(0, 1);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const positions = () =>
    cards(page).evaluateAll((els) => els.map((e) => [e.getAttribute("data-id"), Math.round(e.getBoundingClientRect().top)]));
  const before = await positions();
  armed = true;
  await page.getByTestId("refresh").click();
  const pill = page.getByTestId("fresh-pill");
  await expect(pill).toHaveText("2 条新内容");
  expect(await positions()).toEqual(before);
  await pill.click();
  await expect(pill).toBeHidden();
  await expect(page.locator('[data-id="new0"]')).toBeVisible();
  await expect(page.locator('[data-id="new1"]')).toBeVisible();
  // Nothing new the next time: the app says so.
  await page.getByTestId("refresh").click();
  await expect(page.getByTestId("toast")).toHaveText("已经是最新内容");
});
