// Focus management: a route change puts focus on the new page's heading (a screen reader announces the page),
// dialogs keep Tab inside and give focus back to what opened them.
import { test, expect, cards } from "./fixtures";
import type { Page } from "@playwright/test";

const active = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return { id: a?.id ?? "", testid: a?.dataset.testid ?? "", tag: a?.tagName ?? "", inDialog: !!a?.closest("dialog[open]") };
  });

test("a route change moves focus to the new page's heading", async ({ page, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await cards(page).first().locator(".card-link").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("item-page")).toBeVisible();
  await expect.poll(async () => (await active(page)).id).toBe("page-heading");
  expect((await active(page)).tag).toBe("H1");

  await page.getByTestId("creator-link").focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await active(page)).id).toBe("page-heading");
  await page.getByTestId("settings-link").click();
  await expect.poll(async () => (await active(page)).id).toBe("page-heading");
  await expect(page.locator("#page-heading")).toHaveText("设置");
});

test("a dialog keeps Tab inside and returns focus to its opener on Escape", async ({ page, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  const more = cards(page).first().getByTestId("card-more");
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("item-menu")).toBeVisible();
  expect((await active(page)).inDialog).toBe(true);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect((await active(page)).inDialog, `focus stays in the dialog after ${i + 1} Tab presses`).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect((await active(page)).inDialog).toBe(true);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("item-menu")).toBeHidden();
  await expect(more).toBeFocused();

  // The share-code box from the header, closed with its button.
  const opener = page.getByTestId("open-code");
  await opener.focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await active(page)).inDialog).toBe(true);
  await page.keyboard.press("Escape");
  await expect(opener).toBeFocused();
});
