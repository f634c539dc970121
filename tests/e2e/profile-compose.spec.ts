// The studio's profile form (资料, issue #17): the creator's own name, bio, avatar and topics, started from
// the current profile, kept on the device across a reload, checked with the contract's rules field by field,
// exported as the contract's creator document (what the form does not edit carried unchanged) and published
// once through a writable API; reset to the current profile, and undo it; an unreadable stored draft is set aside.
import { readFileSync } from "node:fs";
import { test, expect, writableApi } from "./fixtures";

const STUDIO = "/creator/c01/preview";
const PNG_192 = "public/icon-192.png";
const served = JSON.parse(readFileSync("demo/api/v1/creators/c01.json", "utf8"));
const current = served.creator ?? served;

test("a profile edit survives a reload, clears its problems, exports and publishes once", async ({ page, errors }) => {
  await writableApi(page);
  const uploads: string[] = [];
  const puts: { key: string; body: any }[] = [];
  await page.route("**/api/v1/media/drafts/**", (route) => {
    uploads.push(`${route.request().method()} ${new URL(route.request().url()).pathname}`);
    return route.fulfill({ status: 201, contentType: "application/json", body: "{}" });
  });
  await page.route("**/api/v1/creators/c01", (route) => {
    puts.push({ key: route.request().headers()["idempotency-key"], body: route.request().postDataJSON() });
    expect(route.request().method()).toBe("PUT");
    // The first try meets a server error: the outbox tries again with the same key and body.
    return route.fulfill({ status: puts.length === 1 ? 503 : 200, contentType: "application/json", body: "{}" });
  });
  await page.goto(STUDIO);
  await page.getByTestId("mode-profile").check();
  // The form starts from the current profile.
  await expect(page.getByTestId("profile-name")).toHaveValue(current.name);
  await expect(page.getByTestId("profile-bio")).toHaveValue(current.bio);
  await expect(page.getByTestId("profile-topic-fashion")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("profile-ok")).toBeVisible();

  await page.getByTestId("profile-name").fill("小鹿的衣橱");
  await page.getByTestId("profile-bio").fill("每周三更新通勤穿搭");
  await expect(page.locator("#p-bio-count")).toHaveText("9/10000");
  await expect(page.locator("#p-name-count")).toHaveText("5/300");
  await page.getByTestId("profile-topic-travel").click();
  await expect(page.getByTestId("profile-topic-travel")).toHaveAttribute("aria-pressed", "false");
  await page.getByTestId("profile-avatar-input").setInputFiles(PNG_192);
  await expect(page.getByTestId("profile-avatar")).toHaveAttribute("src", /^blob:/);

  // A reload (no pause for the debounce: hiding the page saves) loses nothing, the avatar included.
  await page.reload();
  await page.getByTestId("mode-profile").check();
  await expect(page.getByTestId("profile-name")).toHaveValue("小鹿的衣橱");
  await expect(page.getByTestId("profile-bio")).toHaveValue("每周三更新通勤穿搭");
  await expect(page.getByTestId("profile-topic-travel")).toHaveAttribute("aria-pressed", "false");
  const avatar = page.getByTestId("profile-avatar");
  await expect.poll(() => avatar.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(192);

  // An empty name is reported at the field (tied to it for screen readers) and in the summary; fixing it clears it.
  await page.getByTestId("profile-name").fill("");
  await expect(page.locator('[data-testid=profile-problem][data-path="creator.name"]')).toBeVisible();
  await expect(page.locator("#p-name-err")).not.toBeEmpty();
  await expect(page.getByTestId("profile-name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("profile-name")).toHaveAttribute("aria-describedby", /p-name-err/);
  await expect(page.getByTestId("profile-export-download")).toBeDisabled();
  await page.getByTestId("profile-name").fill("小鹿的衣橱");
  await expect(page.getByTestId("profile-problem")).toHaveCount(0);
  await expect(page.getByTestId("profile-ok")).toBeVisible();

  // The preview is the creator page from the draft.
  const frame = page.getByTestId("preview-frame");
  await expect(frame.getByTestId("preview-creator")).toContainText("小鹿的衣橱");
  await expect(frame.getByTestId("preview-creator")).toContainText("每周三更新通勤穿搭");

  // Export: the contract's creator document; what the form does not edit is carried unchanged.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("profile-export-download").click()]);
  const doc = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(doc.version).toBe(1);
  expect(doc.creator.id).toBe("c01");
  expect(doc.creator.name).toBe("小鹿的衣橱");
  expect(doc.creator.bio).toBe("每周三更新通勤穿搭");
  expect(doc.creator.topics).toEqual(["fashion"]);
  expect(doc.creator.avatar).toMatch(/^media\/drafts\/[0-9a-z]+\/[0-9a-z]{6}\.png$/);
  expect(doc.creator.stats).toEqual(current.stats);
  expect(doc.creator.traffic).toEqual(current.traffic);
  expect(doc.creator.share_by_level).toEqual(current.share_by_level);
  expect(doc.creator.collabs.map((c: any) => c.id)).toEqual(current.collabs.map((c: any) => c.id));

  // Publish: the avatar first, then PUT creators/c01; a 503 is retried with the same key and body.
  await page.getByTestId("profile-publish").click();
  await expect(page.getByTestId("profile-publish-state")).toHaveText("已发布", { timeout: 15_000 });
  expect(puts).toHaveLength(2);
  expect(puts[0].key).toBeTruthy();
  expect(puts[1].key).toBe(puts[0].key);
  expect(puts[1].body).toEqual(puts[0].body);
  expect(puts[1].body.key).toBe(puts[1].key);
  expect(puts[1].body.creator.name).toBe("小鹿的衣橱");
  expect(puts[1].body.creator.avatar).toBe(doc.creator.avatar);
  expect(new Set(uploads)).toEqual(new Set([`PUT /api/v1/${doc.creator.avatar}`]));
  // A reload finds it published and sends nothing again.
  await page.reload();
  await page.getByTestId("mode-profile").check();
  await expect(page.getByTestId("profile-publish-state")).toHaveText("已发布");
  await page.waitForTimeout(1_500);
  expect(puts).toHaveLength(2);
});

test("reset brings back the current profile, with an undo; an unreadable stored draft is set aside, not dropped", async ({ page, errors }) => {
  await page.goto(`${STUDIO}?lang=en`);
  await page.getByTestId("mode-profile").check();
  await page.getByTestId("profile-name").fill("<b>new</b>");
  await page.getByTestId("profile-avatar-input").setInputFiles(PNG_192);
  await expect(page.getByTestId("profile-avatar")).toHaveAttribute("src", /^blob:/);
  await page.getByTestId("profile-reset").click();
  await expect(page.getByTestId("profile-name")).toHaveValue(current.name);
  await expect(page.getByTestId("profile-avatar")).not.toHaveAttribute("src", /^blob:/);
  await expect(page.getByTestId("studio-status")).toContainText("Reset");
  // Focus is on the undo, and Enter brings the draft back, its device avatar included (kept while offered).
  await expect(page.getByTestId("profile-reset-undo")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("profile-name")).toHaveValue("<b>new</b>");
  await expect(page.getByTestId("studio-status")).toContainText("Reset undone");
  await expect(page.getByTestId("profile-reset-undo")).toHaveCount(0);
  await expect(page.getByTestId("profile-reset")).toBeFocused();
  const avatar = page.getByTestId("profile-avatar");
  await expect.poll(() => avatar.evaluate((i: HTMLImageElement) => i.src.startsWith("blob:") && i.complete && i.naturalWidth)).toBe(192);
  // Kept on the device too: after a reload the undone draft is what the form shows.
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByTestId("mode-profile").check();
  await expect(page.getByTestId("profile-name")).toHaveValue("<b>new</b>");
  await expect.poll(() => avatar.evaluate((i: HTMLImageElement) => i.src.startsWith("blob:") && i.complete && i.naturalWidth)).toBe(192);
  // An edit after a reset ends its undo (which would drop the edit).
  await page.getByTestId("profile-reset").click();
  await expect(page.getByTestId("profile-reset-undo")).toBeVisible();
  await page.getByTestId("profile-bio").fill("after the reset");
  await expect(page.getByTestId("profile-reset-undo")).toHaveCount(0);
  await expect(page.getByTestId("profile-name")).toHaveValue(current.name);
  // Saved once typing pauses (before the stored draft is spoiled below, or leaving the page would save it over).
  await expect.poll(() => page.evaluate(() => localStorage.getItem("guang.profile-draft.c01"))).toContain("after the reset");
  // Without writes: export only, and the studio says why.
  await expect(page.getByTestId("profile-publish")).toHaveCount(0);
  await expect(page.getByTestId("profile-publish-state")).toContainText("export the document");

  await page.evaluate(() => localStorage.setItem("guang.profile-draft.c01", '{"version": 1, "draft": {"id": "../x"'));
  await page.reload();
  await page.getByTestId("mode-profile").check();
  await expect(page.getByTestId("profile-aside")).toBeVisible();
  await expect(page.getByTestId("profile-name")).toHaveValue(current.name);
  const kept = await page.evaluate(() => localStorage.getItem("guang.profile-draft-aside.c01"));
  expect(kept).toBe('{"version": 1, "draft": {"id": "../x"');
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("profile-aside-download").click()]);
  expect(readFileSync((await download.path())!, "utf8")).toContain('"../x"');
  await page.getByTestId("profile-aside-clear").click();
  await expect(page.getByTestId("profile-aside")).toHaveCount(0);
});

test("a profile JSON file fills the profile form; the item form is the default", async ({ page, errors }) => {
  await page.goto(STUDIO);
  await expect(page.getByTestId("mode-items")).toBeChecked();
  await page.getByTestId("draft-url").fill("drafts/profile-edit.json");
  await page.getByTestId("draft-url-load").click();
  await expect(page.getByTestId("mode-profile")).toBeChecked();
  await expect(page.getByTestId("profile-bio")).toHaveValue(/每周三更新/);
  await expect(page.getByTestId("studio-status")).toContainText("已用草稿文件填好资料表单");
  await expect(page.getByTestId("preview-frame")).toHaveCount(1);
  await expect(page.getByTestId("preview-frame").getByTestId("preview-creator")).toContainText("每周三更新");
  // Kept on the device like any edit.
  await page.reload();
  await page.getByTestId("mode-profile").check();
  await expect(page.getByTestId("profile-bio")).toHaveValue(/每周三更新/);
});
