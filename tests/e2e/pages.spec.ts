import { test, expect, cards } from "./fixtures";

test("a deep link to a creator renders, and again on reload", async ({ page, errors }) => {
  await page.goto("/creator/c05");
  const header = page.getByTestId("creator-page");
  await expect(header).toBeVisible();
  const name = await page.locator("#page-heading").innerText();
  expect(name.length).toBeGreaterThan(1);
  await expect(cards(page).first()).toBeVisible();
  await page.reload();
  await expect(page.locator("#page-heading")).toHaveText(name);
  await expect(cards(page).first()).toBeVisible();
  // Every card on a creator page is that creator's.
  const hrefs = await page.locator(".card-creator").evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  expect(hrefs.every((h) => h === "/creator/c05")).toBe(true);
});

test("an item deep link shows media, text, products and more from the creator", async ({ page, errors }) => {
  await page.goto("/item/i0001");
  const item = page.getByTestId("item-page");
  await expect(item).toBeVisible();
  await expect(page.locator("h1#page-heading")).not.toBeEmpty();
  await expect(page.getByTestId("more-from-creator").getByTestId("card").first()).toBeVisible();
  await expect(page.getByTestId("more-from-creator").locator('[data-id="i0001"]')).toHaveCount(0);
  await page.getByTestId("creator-link").click();
  await expect(page).toHaveURL(/\/creator\/c\d\d$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/item\/i0001$/);
});

test("a video item plays a local clip", async ({ page, errors }) => {
  // Find a video in the first feed page, open it.
  await page.goto("/");
  await page.locator(".card:has(.badge-video) .card-link").first().click();
  const video = page.getByTestId("video");
  await expect(video).toBeVisible();
  const src = await video.getAttribute("src");
  expect(src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/media\/videos\/clip-\d\.webm$/);
  const duration = await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    if (v.readyState < 1) await new Promise((r) => v.addEventListener("loadedmetadata", r, { once: true }));
    await v.play();
    await new Promise((r) => setTimeout(r, 300));
    return { duration: v.duration, time: v.currentTime };
  });
  expect(duration.duration).toBeGreaterThan(3);
  expect(duration.time).toBeGreaterThan(0);
});

test("unknown items, creators and routes show not-found pages", async ({ page, errors }) => {
  await page.goto("/item/i9999");
  await expect(page.getByTestId("not-found")).toContainText("这篇内容不存在");
  await page.goto("/creator/nobody");
  await expect(page.getByTestId("not-found")).toContainText("这位创作者不存在");
  await page.goto("/item/..%2F..%2Fetc");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.goto("/no/such/page");
  await expect(page.getByTestId("not-found")).toContainText("这个地址没有内容");
  await page.getByRole("link", { name: "回到首页" }).click();
  await expect(cards(page).first()).toBeVisible();
});

test("the back button on a deep-linked item goes to the feed", async ({ page, errors }) => {
  await page.goto("/item/i0002");
  await page.getByTestId("back").click();
  await expect(page).toHaveURL(/\/$/);
  await expect(cards(page).first()).toBeVisible();
});

test("a broken config shows the start-up retry screen", async ({ page, errors }) => {
  await page.route("**/config.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"version":1,"api_base":"javascript:alert(1)"}' }));
  await page.goto("/");
  await expect(page.getByRole("alert")).toContainText("无法启动");
  await expect(page.getByTestId("retry")).toBeVisible();
});

test.describe("a scheduled live stream (直播预告)", () => {
  // Beijing time, so the planned start reads the same on every machine; the clock stopped at the pack's moment
  // (2026-11-20 12:00 in Beijing) or a day later, when i0247's planned start (20:00 that day) has passed.
  test.use({ timezoneId: "Asia/Shanghai" });
  const at = async (page: import("@playwright/test").Page, iso: string) => {
    await page.clock.install({ time: Date.parse(iso) - 1000 });
    await page.clock.pauseAt(Date.parse(iso));
  };

  test("its card and item page show the planned start, in both languages", async ({ page, errors }) => {
    await at(page, "2026-11-20T12:00:00+08:00");
    await page.goto("/creator/c23");
    const badge = page.locator('[data-id="i0247"] .badge');
    await expect(badge).toHaveText("预告 · 11/20 20:00");
    await expect(badge).toHaveClass(/badge-scheduled/);
    await expect(badge).not.toHaveClass(/badge-live/);
    await page.locator('[data-id="i0247"] .card-link').click();
    await expect(page).toHaveURL(/\/item\/i0247$/);
    const live = page.getByTestId("live-card");
    await expect(live.locator(".badge")).toHaveText("预告");
    await expect(page.getByTestId("live-when")).toHaveText("11月20日 20:00 开播 · 4522 人已预约");
    await expect(page.getByTestId("live-when")).not.toContainText("观看");

    await page.goto("/item/i0247?lang=en");
    await expect(page.getByTestId("live-card").locator(".badge")).toHaveText("Upcoming");
    await expect(page.getByTestId("live-when")).toHaveText("Starts Nov 20, 20:00 · 4.5k booked");
    await page.goto("/creator/c23?lang=en");
    await expect(page.locator('[data-id="i0247"] .badge')).toHaveText("Upcoming · 11/20 20:00");
  });

  test("past its planned start while still scheduled it is about to start, not a time gone by", async ({ page, errors }) => {
    await at(page, "2026-11-21T12:00:00+08:00");
    await page.goto("/item/i0247");
    await expect(page.getByTestId("live-when")).toHaveText("即将开播 · 4522 人已预约");
    await page.goto("/creator/c23");
    await expect(page.locator('[data-id="i0247"] .badge')).toHaveText("即将开播");
  });
});
