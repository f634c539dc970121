// The creator preview studio: a broken draft lists every problem; a valid draft renders in all frames.
import { test, expect } from "./fixtures";
import path from "node:path";

test("a broken draft lists every problem by field path", async ({ page, errors }) => {
  await page.goto("/creator/c01/preview");
  await expect(page.getByTestId("no-draft")).toBeVisible();
  await page.getByTestId("draft-url").fill("drafts/broken-item.json");
  await page.getByTestId("draft-url-load").click();
  const problems = page.getByTestId("draft-problems");
  await expect(problems).toBeVisible();
  const paths = await problems.getByTestId("draft-problem").evaluateAll((els) => els.map((e) => e.getAttribute("data-path")));
  expect(paths.length).toBeGreaterThanOrEqual(4);
  // Different mistakes in different places are all reported, not just the first.
  expect(paths).toContain("item.title");
  expect(paths.some((p) => p!.startsWith("item.media.images[1]"))).toBe(true);
  expect(paths.some((p) => p!.startsWith("item.topics[1]"))).toBe(true);
  await expect(page.getByTestId("preview-frame")).toHaveCount(0);
});

test("a draft from another site or a missing file is refused with a reason", async ({ page, errors }) => {
  await page.goto("/creator/c01/preview");
  await page.getByTestId("draft-url").fill("https://example.com/draft.json");
  await page.getByTestId("draft-url-load").click();
  await expect(page.getByTestId("draft-problem")).toHaveAttribute("data-path", "url");
  await page.getByTestId("draft-url").fill("drafts/nope.json");
  await page.getByTestId("draft-url-load").click();
  await expect(page.getByTestId("draft-problem")).toHaveAttribute("data-path", "url");
});

test("a valid draft renders as card, item page and creator page in all three frames", async ({ page, errors }) => {
  await page.goto("/creator/c01/preview");
  await page.getByTestId("draft-file").setInputFiles(path.join("demo", "drafts", "new-item.json"));
  const frame = page.getByTestId("preview-frame");
  await expect(frame).toBeVisible();
  for (const [name, width] of [["phone", 390], ["tablet", 768], ["desktop", 1280]] as const) {
    await page.getByTestId(`frame-${name}`).check();
    await expect(frame).toHaveAttribute("data-frame", name);
    expect(await frame.evaluate((el) => el.getBoundingClientRect().width / (parseFloat(getComputedStyle(el).zoom) || 1))).toBeCloseTo(width, -1);
    await expect(frame.getByTestId("preview-card").getByTestId("card")).toHaveAttribute("data-id", "draft-note-1");
    await expect(frame.getByTestId("preview-item").locator("h1")).toContainText("初冬一周通勤穿搭");
    await expect(frame.getByTestId("preview-creator").locator("h1")).toBeVisible();
  }
  // Language and theme apply to the frame only.
  await page.getByTestId("lang-en").check();
  await expect(frame).toHaveAttribute("lang", "en");
  await expect(frame.getByTestId("preview-card").getByTestId("card-more")).toHaveAttribute("aria-label", /.+/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByTestId("theme-dark").check();
  await expect(frame).toHaveClass(/theme-dark/);
  const bg = await frame.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe("rgb(17, 17, 17)");
  // The traffic panel charts the pack's sources and matches the draft against campaigns.
  await expect(page.getByTestId("traffic-chart").locator("g")).toHaveCount(9);
  await expect(page.getByTestId("traffic-chart")).toContainText("合作引流");
  await expect(page.getByTestId("campaign-match").first()).toBeVisible();
});

test("a profile edit previews the creator header", async ({ page, errors }) => {
  await page.goto("/creator/c01/preview");
  await page.getByTestId("draft-url").fill("drafts/profile-edit.json");
  await page.getByTestId("draft-url-load").click();
  // It fills the 资料 form, previewed beside it.
  await expect(page.getByTestId("mode-profile")).toBeChecked();
  const frame = page.getByTestId("preview-frame");
  await expect(frame.getByTestId("preview-creator")).toContainText("每周三更新");
  await expect(frame.getByTestId("preview-card")).toHaveCount(0);
});
