// The studio's compose workbench (issue #17): a note composed from scratch with images from the device, kept
// on the device across a reload, checked field by field with the contract's rules, exported as the contract's
// document and published exactly once through a writable API; hostile input; the drafts box.
import { closeSync, openSync, readFileSync, truncateSync } from "node:fs";
import { test, expect, writableApi } from "./fixtures";

const STUDIO = "/creator/c01/preview";
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
