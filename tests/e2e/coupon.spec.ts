// Coupons (券) under their products on the item page: a valid one with its offer, end day and a copy button
// that copies the code; one not open yet with its start day and no copy button; an ended one not offered;
// a share code that carries a coupon, opened while it is valid, after it ended, and once it is no longer offered.
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

test("a coupon travels with a share code: the code box opens the item with it marked, and after it ends the code still opens the item and says so", async ({ page, errors }) => {
  await page.goto("/item/i0098");
  const valid = page.getByTestId("item-page").getByTestId("coupon").and(page.locator("[data-state=valid]"));
  const share = valid.getByTestId("coupon-share");
  await expect(share).toHaveAccessibleName("分享券码 SPORTS-FANS12");
  // Only a usable coupon can be handed out.
  await expect(page.locator("[data-state=upcoming]").getByTestId("coupon-share")).toHaveCount(0);
  await share.click();
  const sheet = page.getByTestId("share-sheet");
  await expect(sheet.getByTestId("share-coupon")).toHaveText("附带优惠券 SPORTS-FANS12");
  const code = await sheet.getByTestId("share-code").inputValue();
  expect(code).toMatch(/^GQ[0-9A-Z]{2}(-[0-9A-Z]{1,4})+$/);
  await expect(sheet.getByTestId("share-link")).toHaveValue(new RegExp(`/item/i0098\\?src=share&code=${code}$`));
  await page.keyboard.press("Escape");

  // Someone in the group types it into the code box.
  await page.goto("/");
  await page.getByTestId("open-code").click();
  await page.getByTestId("code-input").fill(`进群领券 ${code.toLowerCase()} 打开逛`);
  await page.getByTestId("code-submit").click();
  await expect(page).toHaveURL(new RegExp(`/item/i0098\\?src=share&code=${code}$`));
  const note = page.getByTestId("shared-coupon");
  await expect(note).toHaveAttribute("data-state", "valid");
  await expect(note).toHaveText("分享给你的优惠券 SPORTS-FANS12 可以使用，已在下方商品中标出");
  const marked = page.locator('[data-testid=coupon][data-code="SPORTS-FANS12"]');
  await expect(marked).toHaveAttribute("data-shared", "true");
  // Marked in words too, for everyone and for screen readers; the other coupon is not.
  await expect(marked.getByTestId("coupon-shared-tag")).toHaveText("分享给你的券");
  await expect(page.getByTestId("coupon-shared-tag")).toHaveCount(1);

  // Before the coupon's window opens, the link says it has not started.
  await page.clock.setFixedTime(new Date("2026-10-15T12:00:00+08:00"));
  await page.reload();
  await expect(note).toHaveAttribute("data-state", "upcoming");
  await expect(note).toHaveText("分享给你的优惠券 SPORTS-FANS12 还没开始，开始日期见下方商品");
  await expect(page.locator('[data-testid=coupon][data-code="SPORTS-FANS12"]')).toHaveAttribute("data-state", "upcoming");

  // After the coupon's end the same link still opens the post, and says the coupon ended.
  await page.clock.setFixedTime(new Date("2028-01-01T00:00:00+08:00"));
  await page.reload();
  await expect(page.getByTestId("item-page")).toBeVisible();
  await expect(note).toHaveAttribute("data-state", "ended");
  await expect(note).toHaveText("分享给你的优惠券 SPORTS-FANS12 已结束，内容照常可看");
  await expect(page.locator('[data-testid=coupon][data-code="SPORTS-FANS12"]')).toHaveCount(0);
  await page.goto(`/item/i0098?src=share&code=${code}&lang=en`);
  await expect(note).toHaveText("Coupon SPORTS-FANS12 that was shared with you has ended; the post is still here");
});

test("a shared coupon the product no longer offers says it ended; a plain share code says nothing of coupons", async ({ page, errors }) => {
  await page.goto("/item/i0098");
  await page.getByTestId("item-page").getByTestId("coupon-share").click();
  const code = await page.getByTestId("share-sheet").getByTestId("share-code").inputValue();
  await page.route("**/api/v1/items/i0098.json", async (route) => {
    const doc = await (await route.fetch()).json();
    for (const p of doc.item.products) delete p.coupon;
    await route.fulfill({ contentType: "application/json", body: JSON.stringify(doc) });
  });
  await page.goto(`/item/i0098?src=share&code=${code}`);
  await expect(page.getByTestId("item-page")).toBeVisible();
  await expect(page.getByTestId("shared-coupon")).toHaveAttribute("data-state", "ended");
  await expect(page.getByTestId("coupon")).toHaveCount(0);
  // The item's own share code carries no coupon, and a coupon code for another item is ignored here.
  await page.unroute("**/api/v1/items/i0098.json");
  await page.goto("/item/i0098");
  await page.getByTestId("item-page").getByTestId("share-button").click();
  const plain = await page.getByTestId("share-sheet").getByTestId("share-code").inputValue();
  expect(plain).toMatch(/^G1/);
  await expect(page.getByTestId("share-sheet").getByTestId("share-coupon")).toHaveCount(0);
  await page.goto(`/item/i0098?src=share&code=${plain}`);
  await expect(page.getByTestId("item-page")).toBeVisible();
  await expect(page.getByTestId("shared-coupon")).toHaveCount(0);
  await page.goto(`/item/i0002?src=share&code=${code}`);
  await expect(page.getByTestId("item-page")).toBeVisible();
  await expect(page.getByTestId("shared-coupon")).toHaveCount(0);
});
