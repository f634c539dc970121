// axe-core on every page, light and dark, zh-CN and en, phone and desktop widths: zero violations of the
// WCAG 2.0, 2.1 and 2.2 A and AA rules. It runs the current axe-core (package.json pins it) rather than the
// older copy @axe-core/playwright bundles, which misses rules such as label-in-name on links and toggles.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";

// The top-level copy (the one package.json pins), read from the repository root like the other specs' files.
const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const pages: [string, string, string][] = [
  ["feed", "/", "[data-testid=card]"],
  ["item", "/item/i0001", "[data-testid=item-page]"],
  ["coupon", "/item/i0098", "[data-testid=coupon]"],
  ["shared coupon", "/item/i0098", "[data-testid=shared-coupon]"],
  ["credits", "/item/i0092", "[data-testid=co-creators]"],
  ["creator", "/creator/c05", "[data-testid=card]"],
  ["campaign", "/campaign/c1212", "[data-testid=card]"],
  ["interests", "/me/interests", "#page-heading"],
  ["settings", "/me/settings", "[data-testid=settings-page]"],
  ["preview", "/creator/c01/preview", "[data-testid=studio]"],
  ["compose", "/creator/c01/preview", "[data-testid=drafts]"],
  ["profile", "/creator/c01/preview", "[data-testid=drafts]"],
];

test("the suite runs the pinned axe-core, not the bundled one", async ({ page }) => {
  await page.goto("/");
  await new AxeBuilder({ page, axeSource }).withTags(TAGS).analyze();
  const version = await page.evaluate(() => (window as unknown as { axe: { version: string } }).axe.version);
  expect(version).toBe(JSON.parse(readFileSync("node_modules/axe-core/package.json", "utf8")).version);
  expect(version.localeCompare("4.14", undefined, { numeric: true })).toBeGreaterThanOrEqual(0);
});

for (const scheme of ["light", "dark"] as const) {
  for (const lang of ["zh", "en"] as const) {
    for (const width of [412, 1280]) {
      test.describe(`${scheme}, ${lang}, ${width} px`, () => {
        test.use({ colorScheme: scheme, viewport: { width, height: 915 } });
        for (const [name, path, ready] of pages) {
          test(`${name} page has no axe violations`, async ({ page, errors }) => {
            // The coupon page shows a valid and a not-yet-open coupon only inside their fixed windows.
            if (name.includes("coupon")) await page.clock.setFixedTime(new Date("2026-12-01T12:00:00+08:00"));
            // The venue is on (countdown, banner-free) inside its demo window.
            if (name === "campaign") await page.clock.setFixedTime(new Date("2026-12-02T12:00:00+08:00"));
            if (name === "shared coupon") {
              // Land the way a coupon's share code does: its code, taken from the share sheet.
              await page.goto(path);
              await page.getByTestId("coupon-share").click();
              const code = await page.getByTestId("share-code").inputValue();
              await page.goto(`${path}?src=share&code=${code}${lang === "en" ? "&lang=en" : ""}`);
            } else {
              await page.goto(lang === "en" ? `${path}?lang=en` : path);
            }
            await expect(page.locator(ready).first()).toBeVisible();
            await expect(page.locator("html")).toHaveAttribute("lang", lang === "en" ? "en" : "zh-CN");
            if (name === "preview") {
              await page.getByTestId("draft-file").setInputFiles("demo/drafts/new-item.json");
              await expect(page.getByTestId("preview-frame")).toBeVisible();
            }
            if (name === "compose") {
              // A new draft with problems showing: errors tied to their fields, the summary, the empty preview.
              await page.getByTestId("draft-new").click();
              await page.getByTestId("compose-title").fill("标题");
              await page.getByTestId("add-product").click();
              await page.getByTestId("product-price").fill("abc");
              await page.getByTestId("coupon-add").click();
              await page.getByTestId("coupon-code").fill("x");
              await expect(page.getByTestId("compose-problem").first()).toBeVisible();
            }
            if (name === "profile") {
              // The profile form with a problem showing: the error tied to its field, the summary, the preview.
              await page.getByTestId("mode-profile").check();
              await page.getByTestId("profile-name").fill("");
              await expect(page.getByTestId("profile-problem").first()).toBeVisible();
            }
            await page.waitForTimeout(400);
            const result = await new AxeBuilder({ page, axeSource }).withTags(TAGS).analyze();
            const summary = result.violations.map(
              (v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`,
            );
            expect(summary).toEqual([]);
          });
        }
      });
    }
  }
}
