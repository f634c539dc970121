// axe-core on every page, light and dark: zero violations (WCAG 2.1 A and AA rules).
import { test, expect, cards } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";

const pages: [string, string, string][] = [
  ["feed", "/", "[data-testid=card]"],
  ["item", "/item/i0001", "[data-testid=item-page]"],
  ["creator", "/creator/c05", "[data-testid=card]"],
  ["interests", "/me/interests", "#page-heading"],
  ["settings", "/me/settings", "[data-testid=settings-page]"],
  ["preview", "/creator/c01/preview", "[data-testid=studio]"],
];

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path, ready] of pages) {
      test(`${name} page has no axe violations`, async ({ page, errors }) => {
        await page.goto(path);
        await expect(page.locator(ready).first()).toBeVisible();
        if (name === "preview") {
          await page.getByTestId("draft-file").setInputFiles("demo/drafts/new-item.json");
          await expect(page.getByTestId("preview-frame")).toBeVisible();
        }
        await page.waitForTimeout(400);
        const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const summary = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        expect(summary).toEqual([]);
      });
    }
  });
}
