// Coupons (券) under their products on the item page: a valid one with its offer, end day and a copy button
// that copies the code; one not open yet with its start day and no copy button; an ended one not offered.
// The demo pack's coupons have fixed windows (docs/api.md, Coupons); the clock is pinned inside them.
import { test, expect } from "./fixtures";

// Days are the buyer's: the demo coupons open and end at midnight Beijing time.
test.use({ timezoneId: "Asia/Shanghai" });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-12-01T12:00:00+08:00"));
});

test("a valid coupon shows its offer and copies its code; one not open yet has no copy button", async ({ page, context, errors }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/item/i0098");
  const coupons = page.getByTestId("item-page").getByTestId("coupon");
  await expect(coupons).toHaveCount(2);
  const valid = coupons.and(page.locator("[data-state=valid]"));
  await expect(valid.locator(".coupon-offer")).toHaveText("立减 12%");
  await expect(valid.locator(".coupon-when")).toHaveText("有效期至 2027年12月31日");
  await expect(valid.getByTestId("coupon-code")).toHaveText("SPORTS-FANS12");
  const copy = valid.getByTestId("coupon-copy");
  await expect(copy).toHaveAccessibleName("复制券码 SPORTS-FANS12");
  await copy.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("toast")).toHaveText("券码已复制，下单时填写");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("SPORTS-FANS12");

  const upcoming = coupons.and(page.locator("[data-state=upcoming]"));
  await expect(upcoming.locator(".coupon-offer")).toHaveText("满 ¥300.00 减 ¥50.00");
  await expect(upcoming.locator(".coupon-when")).toHaveText("2028年1月10日起可用");
  await expect(upcoming.getByTestId("coupon-copy")).toHaveCount(0);

  // In English, amounts and days read the English way.
  await page.goto("/item/i0098?lang=en");
  await expect(valid.locator(".coupon-offer")).toHaveText("12% off");
  await expect(valid.locator(".coupon-when")).toHaveText("Until Dec 31, 2027");
  await expect(upcoming.locator(".coupon-offer")).toHaveText("¥50.00 off orders of ¥300.00 or more");
  await expect(upcoming.locator(".coupon-when")).toHaveText("From Jan 10, 2028");
});

test("an ended coupon is not offered, and its product still is", async ({ page, errors }) => {
  await page.goto("/item/i0033");
  const item = page.getByTestId("item-page");
  await expect(item.locator(".product")).toHaveCount(2);
  await expect(item.getByTestId("coupon")).toHaveCount(1);
  await expect(item.getByTestId("coupon-code")).toHaveText("BABY-GUANG");
  // Past its end, the same coupon is gone too.
  await page.clock.setFixedTime(new Date("2028-01-01T00:00:00+08:00"));
  await page.reload();
  await expect(item.locator(".product")).toHaveCount(2);
  await expect(item.getByTestId("coupon")).toHaveCount(0);
});
