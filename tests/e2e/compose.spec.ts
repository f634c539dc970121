// The studio's compose workbench (issue #17): a note composed from scratch with images from the device, kept
// on the device across a reload, checked field by field with the contract's rules, exported as the contract's
// document and published exactly once through a writable API; hostile input; the drafts box.
import { closeSync, openSync, readFileSync, truncateSync } from "node:fs";
import { test, expect, writableApi } from "./fixtures";

const STUDIO = "/creator/c01/preview";
// Times are typed in the device's zone; the documents carry instants.
test.use({ timezoneId: "Asia/Shanghai" });
const PNG_192 = "public/icon-192.png";
const PNG_512 = "public/icon-512.png";

test("a note composed from scratch survives a reload, clears its problems, exports and publishes once", async ({ page, errors }) => {
  await writableApi(page);
  const puts: string[] = [];
  const posts: { key: string; body: any }[] = [];
  await page.route("**/api/v1/media/drafts/**", (route) => {
    puts.push(`${route.request().method()} ${new URL(route.request().url()).pathname}`);
    return route.fulfill({ status: 201, contentType: "application/json", body: "{}" });
  });
  await page.route("**/api/v1/items", (route) => {
    posts.push({ key: route.request().headers()["idempotency-key"], body: route.request().postDataJSON() });
    // The first try meets a server error: the outbox must try again with the same key.
    return route.fulfill({ status: posts.length === 1 ? 503 : 201, contentType: "application/json", body: "{}" });
  });
  await page.goto(STUDIO);
  await page.getByTestId("draft-new").click();
  await page.getByTestId("compose-title").fill("周末露营装备清单");
  await expect(page.locator("#c-title-count")).toHaveText("8/200");
  await page.getByTestId("compose-text").fill("第一次露营，带了这些。");
  // Nothing valid yet: the summary says what is missing, by field.
  await expect(page.locator('[data-testid=compose-problem][data-path="item.cover"]')).toBeVisible();
  await page.getByTestId("compose-image-input").setInputFiles([PNG_192, PNG_512]);
  await expect(page.getByTestId("compose-image")).toHaveCount(2);
  await page.getByTestId("topic-travel").click();
  await expect(page.getByTestId("topic-travel")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("add-product").click();
  const product = page.getByTestId("compose-product").first();
  await product.getByTestId("product-title").fill("折叠椅");
  await product.getByTestId("product-price").fill("八十九");
  await product.getByTestId("product-url").fill("https://shop.example/chair");
  // The price problem is shown at the field (tied to it for screen readers) and in the summary.
  await expect(page.locator('[data-testid=compose-problem][data-path="item.products[0].price.amount"]')).toBeVisible();
  await expect(product.getByTestId("field-errors")).not.toBeEmpty();
  await expect(product).toHaveAttribute("aria-describedby", "c-p0-err");

  // A reload midway (no pause for the debounce: hiding the page saves) loses nothing, images included.
  await page.reload();
  await expect(page.getByTestId("compose-title")).toHaveValue("周末露营装备清单");
  await expect(page.getByTestId("compose-text")).toHaveValue("第一次露营，带了这些。");
  await expect(page.getByTestId("compose-image")).toHaveCount(2);
  const firstThumb = page.getByTestId("compose-image").first().locator("img");
  await expect.poll(() => firstThumb.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(192);
  await expect(page.getByTestId("product-price")).toHaveValue("八十九");
  await expect(page.getByTestId("topic-travel")).toHaveAttribute("aria-pressed", "true");

  // Fixing the price clears the problem, and the live preview shows the note as visitors will see it.
  await page.getByTestId("product-price").fill("89.90");
  await expect(page.getByTestId("compose-problem")).toHaveCount(0);
  await expect(page.getByTestId("compose-ok")).toBeVisible();
  const frame = page.getByTestId("preview-frame");
  await expect(frame.getByTestId("preview-card").getByTestId("card")).toContainText("周末露营装备清单");
  await expect(frame.getByTestId("preview-card").locator("img").first()).toHaveAttribute("src", /^blob:/);
  // The preview follows typing.
  await page.getByTestId("compose-title").fill("周末露营装备清单（更新）");
  await expect(frame.getByTestId("preview-item").locator("h1")).toContainText("（更新）");

  // Export: the contract's document, device files named by their path under the API base.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  const doc = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(doc.version).toBe(1);
  expect(doc.item.title).toBe("周末露营装备清单（更新）");
  expect(doc.item.kind).toBe("note");
  expect(doc.item.topics).toEqual(["travel"]);
  expect(doc.item.products[0].price).toEqual({ amount: 8990, currency: "CNY" });
  expect(doc.item.media.images.map((i: any) => [i.width, i.height])).toEqual([[192, 192], [512, 512]]);
  expect(doc.item.media.images[0].url).toMatch(new RegExp(`^media/drafts/${doc.item.id}/[0-9a-z]{6}\\.png$`));
  expect(doc.item.cover.url).toBe(doc.item.media.images[0].url);

  // Publish: files first, then the document; a 503 is retried with the same key; one item in the end.
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("publish")).toBeDisabled();
  // Editing while the publish is pending does not change what the retry sends (one key, one body).
  await page.getByTestId("compose-title").fill("发布后又改了标题");
  await expect(page.getByTestId("publish-state")).toHaveText("已发布", { timeout: 15_000 });
  expect(posts).toHaveLength(2);
  expect(new Set(posts.map((p) => p.key)).size).toBe(1);
  expect(posts[1].body).toEqual(posts[0].body);
  expect(posts[1].body.item.title).toBe("周末露营装备清单（更新）");
  expect(posts[1].body.key).toBe(posts[1].key);
  expect(posts[1].body.item.id).toBe(doc.item.id);
  expect(posts[1].body.item.media.images[1].url).toBe(doc.item.media.images[1].url);
  expect(new Set(puts)).toEqual(new Set(doc.item.media.images.map((i: any) => `PUT /api/v1/${i.url}`)));
  // A reload finds it published and sends nothing again.
  await page.reload();
  await expect(page.getByTestId("draft-row").first()).toContainText("已发布");
  await page.waitForTimeout(1_500);
  expect(posts).toHaveLength(2);
});

test("a refused publish shows the server's reason as text and can be sent again", async ({ page, errors }) => {
  await writableApi(page);
  await page.route("**/api/v1/items", (route) =>
    route.fulfill({ status: 422, contentType: "application/json", body: JSON.stringify({ error: "<b>标题含违禁词</b>" }) }),
  );
  await page.goto(STUDIO);
  await page.getByTestId("draft-url").fill("drafts/new-item.json");
  await page.getByTestId("draft-url-load").click();
  await expect(page.getByTestId("compose-title")).toHaveValue(/初冬一周通勤穿搭/);
  // The loaded gallery is three distinct images; removing one keeps the other two.
  const thumbs = page.getByTestId("compose-image");
  await expect(thumbs).toHaveCount(3);
  await expect(thumbs.nth(2).locator(".thumb-alt")).toHaveValue("穿搭 3");
  await thumbs.nth(1).getByTestId("remove-image").click();
  await expect(thumbs).toHaveCount(2);
  await expect(thumbs.nth(1).locator(".thumb-alt")).toHaveValue("穿搭 3");
  // Loading the same file again starts a second draft instead of replacing the edited one.
  await page.getByTestId("draft-url-load").click();
  await expect(page.getByTestId("draft-row")).toHaveCount(2);
  await expect(thumbs).toHaveCount(3);
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("publish-state")).toHaveText("服务器拒绝了发布：<b>标题含违禁词</b>");
  await expect(page.getByTestId("publish-state").locator("b")).toHaveCount(0);
  await expect(page.getByTestId("publish")).toBeEnabled();
});

test("without writes the studio offers export only, and says why", async ({ page, errors }) => {
  await page.goto(`${STUDIO}?lang=en`);
  await page.getByTestId("draft-new").click();
  await expect(page.getByTestId("publish")).toHaveCount(0);
  await expect(page.getByTestId("publish-state")).toContainText("export the document");
  await expect(page.getByTestId("export-download")).toBeDisabled();
});

test("hostile input gives clear messages and breaks nothing", async ({ page, errors }, testInfo) => {
  await page.goto(STUDIO);
  await page.getByTestId("draft-new").click();
  const status = page.getByTestId("studio-status");
  // A file that claims to be an image but is not one.
  await page.getByTestId("compose-image-input").setInputFiles({ name: "evil.png", mimeType: "image/png", buffer: Buffer.from("<script>alert(1)</script>") });
  await expect(status).toContainText("evil.png 不是可用的图片或视频文件");
  // A 50 MB image.
  const huge = testInfo.outputPath("huge.jpg");
  closeSync(openSync(huge, "w"));
  truncateSync(huge, 50 * 1024 * 1024);
  await page.getByTestId("compose-image-input").setInputFiles(huge);
  await expect(status).toContainText("huge.jpg 有 50.0 MB，超过 10 MB 的上限");
  // A text file.
  await page.getByTestId("compose-image-input").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
  await expect(status).toContainText("notes.txt");
  await expect(page.getByTestId("compose-image")).toHaveCount(0);
  // Pasted markup stays text; a huge paste is cut by the field and reported over the limit.
  await page.getByTestId("compose-title").fill(`<img src=x onerror="document.title='pwned'">${"长".repeat(5000)}`);
  const title = await page.getByTestId("compose-title").inputValue();
  expect(title.length).toBe(1200);
  await expect(page.locator("#c-title-count")).toHaveClass(/is-over/);
  await expect(page.locator('[data-testid=field-errors][data-field="Title"]')).toContainText("200");
  // An absurd price.
  await page.getByTestId("add-product").click();
  await page.getByTestId("product-price").fill("99999999999");
  await expect(page.locator('[data-testid=compose-problem][data-path="item.products[0].price.amount"]')).toBeVisible();
  expect(await page.title()).not.toBe("pwned");
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});

test("drafts: duplicate, delete with undo, and unreadable stored drafts set aside with a notice", async ({ page, errors }) => {
  const good = { id: "dgood1", updated_ms: 1_764_000_000_000, kind: "note", title: "旧草稿" };
  await page.addInitScript((good) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("guang.drafts.c01", JSON.stringify({ version: 1, drafts: [good, { id: "bad", updated_ms: "yesterday" }] }));
  }, good);
  await page.goto(STUDIO);
  await expect(page.getByTestId("drafts-aside")).toContainText("有 1 份本机草稿无法读取");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("drafts-aside-download").click()]);
  expect(readFileSync((await download.path())!, "utf8")).toContain("yesterday");
  // The readable draft opened (the newest), and the aside text is kept across reloads until discarded.
  await expect(page.getByTestId("compose-title")).toHaveValue("旧草稿");
  await page.reload();
  await expect(page.getByTestId("drafts-aside")).toBeVisible();
  await page.getByTestId("drafts-aside-clear").click();
  await expect(page.getByTestId("drafts-aside")).toHaveCount(0);

  await page.getByTestId("draft-duplicate").first().click();
  await expect(page.getByTestId("draft-row")).toHaveCount(2);
  await page.getByTestId("compose-title").fill("复制出来的草稿");
  await expect(page.getByTestId("draft-row").first()).toContainText("复制出来的草稿");
  await page.getByTestId("draft-delete").nth(1).click();
  await expect(page.getByTestId("draft-row")).toHaveCount(1);
  await page.getByTestId("draft-undo").click();
  await expect(page.getByTestId("draft-row")).toHaveCount(2);
  await expect(page.getByTestId("draft-row").nth(1)).toContainText("旧草稿");
  await page.reload();
  await expect(page.getByTestId("draft-row")).toHaveCount(2);
});

test("drafts keep keyboard focus: open lands on the title, delete on undo, other rows stay put", async ({ page, errors }) => {
  await page.goto(STUDIO);
  await page.getByTestId("draft-new").click();
  await expect(page.locator("#c-title")).toBeFocused();
  await page.getByTestId("compose-title").fill("第一份");
  await page.getByTestId("draft-new").click();
  await page.getByTestId("compose-title").fill("第二份");
  await expect(page.getByTestId("draft-row")).toHaveCount(2);
  // Typing saves the open draft and re-draws its row only: a focused button of another row keeps its focus.
  const other = page.getByTestId("draft-row").nth(1).getByTestId("draft-duplicate");
  await other.focus();
  await page.waitForTimeout(700);
  await expect(other).toBeFocused();
  await page.getByTestId("draft-row").nth(1).getByTestId("draft-open").click();
  await expect(page.locator("#c-title")).toBeFocused();
  await expect(page.getByTestId("compose-title")).toHaveValue("第一份");
  await page.getByTestId("draft-row").first().getByTestId("draft-delete").click();
  await expect(page.getByTestId("draft-undo")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("draft-row")).toHaveCount(2);
});

test("a product's coupon and the co-creators are form fields, checked and exported in the contract's shape", async ({ page, errors }) => {
  await page.goto(STUDIO);
  await page.getByTestId("draft-new").click();
  await page.getByTestId("compose-title").fill("双十二囤货");
  await page.getByTestId("compose-image-input").setInputFiles([PNG_192]);
  await expect(page.getByTestId("compose-image")).toHaveCount(1);
  await page.getByTestId("add-product").click();
  const product = page.getByTestId("compose-product").first();
  await product.getByTestId("product-title").fill("保温杯");
  await product.getByTestId("product-price").fill("129");
  await product.getByTestId("product-url").fill("https://shop.example/cup");
  await product.getByTestId("coupon-add").click();
  await product.getByTestId("coupon-code").fill("双12");
  await product.getByTestId("coupon-off").fill("二十");
  // Each problem of the row names its input, and the inputs are marked.
  const errorsLine = product.getByTestId("field-errors");
  await expect(errorsLine).toContainText("券码");
  await expect(errorsLine).toContainText("立减金额（元）");
  await expect(errorsLine).toContainText("结束时间");
  await expect(product.getByTestId("coupon-code")).toHaveAttribute("aria-invalid", "true");
  await product.getByTestId("coupon-code").fill("double12");
  await expect(product.getByTestId("coupon-code")).toHaveValue("DOUBLE12");
  await product.getByTestId("coupon-off").fill("20");
  await product.getByTestId("coupon-min").fill("199");
  await product.getByTestId("coupon-ends").fill("2030-12-12T23:59");
  await expect(product.getByTestId("coupon-code")).toHaveAttribute("aria-invalid", "false");
  // Co-creators: a creator worked with, by chip; another by id (looked up); a wrong id is said.
  await page.getByTestId("co-c25").click();
  await expect(page.getByTestId("co-c25")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("co-id").fill("c30");
  await page.getByTestId("co-id").press("Enter");
  await expect(page.getByTestId("co-c30")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("co-id").fill("nobody-here");
  await page.getByTestId("co-add").click();
  await expect(page.getByTestId("studio-status")).toContainText("没有找到创作者 nobody-here");
  // No answer at all is not a "no": it says the server was not reached, keeps the id, and a retry adds.
  await page.route("**/api/v1/creators/c31.json", (route) => route.abort());
  await page.getByTestId("co-id").fill("c31");
  await page.getByTestId("co-add").click();
  await expect(page.getByTestId("studio-status")).toContainText("查找创作者 c31 时连不上服务器");
  await expect(page.getByTestId("co-id")).toHaveValue("c31");
  await page.unroute("**/api/v1/creators/c31.json");
  await page.getByTestId("co-add").click();
  await expect(page.getByTestId("co-c31")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("co-c31").click();
  await expect(page.getByTestId("co-c31")).toHaveCount(0);
  await expect(page.getByTestId("compose-problem")).toHaveCount(0);
  // The preview's item page offers the coupon and credits the co-creators.
  const frame = page.getByTestId("preview-frame");
  await expect(frame.getByTestId("coupon-code")).toContainText("DOUBLE12");
  await expect(frame.getByTestId("co-creators")).toContainText("橙子爱穿搭");
  // Reload: all of it was kept.
  await page.reload();
  await expect(product.getByTestId("coupon-code")).toHaveValue("DOUBLE12");
  await expect(product.getByTestId("coupon-ends")).toHaveValue("2030-12-12T23:59");
  await expect(page.getByTestId("co-c30")).toHaveAttribute("aria-pressed", "true");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  const doc = JSON.parse(readFileSync((await download.path())!, "utf8"));
  const coupon = doc.item.products[0].coupon;
  expect(coupon.code).toBe("DOUBLE12");
  expect([coupon.amount_off, coupon.min_spend, coupon.percent_off]).toEqual([2000, 19900, undefined]);
  // Typed in the device's zone (the suite runs in Asia/Shanghai), carried as an instant.
  expect(Date.parse(coupon.ends_at)).toBe(Date.parse("2030-12-12T23:59:00+08:00"));
  expect(doc.item.co_creators.map((c: any) => c.id)).toEqual(["c25", "c30"]);
  // A percentage instead; removing the coupon removes it from the document.
  await product.getByTestId("coupon-kind").selectOption("percent");
  await product.getByTestId("coupon-off").fill("95");
  await expect(page.locator('[data-testid=compose-problem][data-path="item.products[0].coupon.percent_off"]')).toBeVisible();
  await product.getByTestId("coupon-remove").click();
  await expect(page.getByTestId("compose-problem")).toHaveCount(0);
  await expect(product.getByTestId("coupon-add")).toBeVisible();
});

test("a 直播预告 needs a future start and a cover, and previews as an announcement", async ({ page, errors }) => {
  await page.goto(STUDIO);
  await page.getByTestId("draft-new").click();
  await page.getByTestId("kind-live").check();
  await page.getByTestId("compose-title").fill("直播预告｜冬季穿搭专场");
  await expect(page.locator('[data-testid=compose-problem][data-path="item.media.started_at"]')).toBeVisible();
  await page.getByTestId("compose-starts").fill("2020-01-01T20:00");
  await expect(page.locator('[data-testid=field-errors][data-field="Schedule"]')).toHaveText("开播时间要晚于现在");
  await expect(page.getByTestId("compose-starts")).toHaveAttribute("aria-invalid", "true");
  await page.getByTestId("compose-starts").fill("2030-12-12T20:00");
  await page.getByTestId("compose-poster-input").setInputFiles(PNG_512);
  await expect(page.getByTestId("compose-problem")).toHaveCount(0);
  const card = page.getByTestId("preview-frame").getByTestId("preview-card").getByTestId("card");
  await expect(card).toContainText("预告");
  await expect(card).toContainText("12/12 20:00");
  await expect(page.getByTestId("draft-row").first()).toContainText("直播预告");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  const doc = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(doc.item.kind).toBe("live");
  expect(doc.item.media.status).toBe("scheduled");
  expect(Date.parse(doc.item.media.started_at)).toBe(Date.parse("2030-12-12T20:00:00+08:00"));
  expect(doc.item.cover.width).toBe(512);
});

test("a video's cover can be a frame of the video", async ({ page, errors }) => {
  await page.goto(STUDIO);
  await page.getByTestId("draft-new").click();
  await page.getByTestId("kind-video").check();
  await page.getByTestId("compose-title").fill("一分钟看懂");
  await page.getByTestId("compose-video-input").setInputFiles("demo/api/v1/media/videos/clip-1.webm");
  await expect(page.getByTestId("compose-video")).toBeVisible();
  await expect(page.getByTestId("frame-at")).toBeVisible();
  await page.getByTestId("frame-at").fill("1");
  await page.getByTestId("capture-poster").click();
  await expect(page.locator(".thumb-poster")).toBeVisible();
  await expect(page.getByTestId("compose-problem")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  const doc = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(doc.item.cover.url).toMatch(/\.jpg$/);
  expect(doc.item.cover.width).toBeGreaterThan(0);
  expect(doc.item.media.duration_s).toBeGreaterThan(0);
});

test("the compose form works by keyboard and in embed mode", async ({ page, errors }) => {
  await page.goto(`${STUDIO}?embed=1&lang=en`);
  await page.getByTestId("draft-new").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("compose")).toBeVisible();
  await page.getByTestId("kind-video").focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("compose-video-input")).toBeAttached();
  await expect(page.locator('[data-testid=compose-problem][data-path="item.media.url"]')).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Keyboard only");
  await expect(page.getByTestId("compose-title")).toHaveValue("Keyboard only");
});

test("files no stored draft names any more are swept from the device; others stay", async ({ page, errors }) => {
  await page.goto("/");
  const old = "d0000000000a1"; // started long ago, named by nothing
  const kept = "d0000000000b2"; // started long ago, named by another creator's draft list
  await page.evaluate(async ([old, kept]) => {
    localStorage.setItem("guang.drafts.c02", JSON.stringify({ version: 1, drafts: [{ id: kept, updated_ms: 1, kind: "note", title: "别人的草稿" }] }));
    const cache = await caches.open("guang-draft-media");
    await cache.put(`/__drafts/${old}/a1b2c3.png`, new Response(new Blob(["x"], { type: "image/png" })));
    await cache.put(`/__drafts/${kept}/d4e5f6.png`, new Response(new Blob(["y"], { type: "image/png" })));
    // Started now: another tab's new draft, not saved yet.
    const fresh = "d" + Date.now().toString(16) + "abc";
    await cache.put(`/__drafts/${fresh}/g7h8i9.png`, new Response(new Blob(["z"], { type: "image/png" })));
  }, [old, kept]);
  await page.goto(STUDIO);
  await expect(page.getByTestId("drafts")).toBeVisible();
  const drafts = () => page.evaluate(async () => (await (await caches.open("guang-draft-media")).keys()).map((r) => new URL(r.url).pathname.split("/")[2]));
  await expect.poll(async () => (await drafts()).includes(old)).toBe(false);
  const left = await drafts();
  expect(left).toContain(kept);
  expect(left).toHaveLength(2);
});
