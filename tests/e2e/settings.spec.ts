// Settings (/me/settings): the colour scheme follows the system unless pinned, videos autoplay only muted,
// only in view, never under reduced motion or when switched off; unreadable saved settings reset with a notice.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

const DARK = "rgb(17, 17, 17)";
const LIGHT = "rgb(255, 255, 255)";
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** The `theme-color` metas' colours, light-scheme meta first. */
const themeColors = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("meta[name=theme-color]")].map((m) => m.getAttribute("content")));

/** i0030 is a video post in the demo pack. */
const VIDEO_ITEM = "/item/i0030";
const video = (page: Page) => page.getByTestId("video");
const playback = (page: Page) =>
  video(page).evaluate((v: HTMLVideoElement) => ({ paused: v.paused, muted: v.muted, time: v.currentTime, ready: v.readyState }));

test("the colour scheme follows the system unless the user pins one, and the choice survives a reload", async ({ page, errors }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await page.getByTestId("settings-link").click();
  await expect(page.getByTestId("settings-page")).toBeVisible();
  await expect(page.getByTestId("theme-system")).toBeChecked();
  expect(await background(page)).toBe(DARK);

  await page.getByTestId("theme-light").check();
  await expect.poll(() => background(page)).toBe(LIGHT);
  // The browser's bar follows the pinned scheme whatever the system says.
  expect(await themeColors(page)).toEqual(["#ffffff", "#ffffff"]);
  await page.reload();
  await expect(page.getByTestId("theme-light")).toBeChecked();
  expect(await background(page)).toBe(LIGHT);
  // The pinned scheme is on <html> before the app renders anything, on any page.
  await page.goto("/creator/c05");
  await expect(page.locator("html")).toHaveClass(/theme-light/);
  expect(await background(page)).toBe(LIGHT);

  // By keyboard: arrow keys move through the group; "match system" follows the system again.
  await page.goto("/me/settings");
  await page.getByTestId("theme-light").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("theme-dark")).toBeChecked();
  expect(await themeColors(page)).toEqual(["#111111", "#111111"]);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => background(page)).toBe(DARK);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("theme-system")).toBeChecked();
  await expect.poll(() => background(page)).toBe(LIGHT);
  await expect(page.locator("html")).not.toHaveClass(/theme-/);
  expect(await themeColors(page)).toEqual(["#ffffff", "#111111"]);
});

test("the language radios and the header switch agree", async ({ page, errors }) => {
  await page.goto("/me/settings");
  await expect(page.getByTestId("lang-zh")).toBeChecked();
  await page.getByTestId("lang-en").check();
  await expect(page.locator("#page-heading")).toHaveText("Settings");
  await page.getByTestId("lang-switch").click();
  await expect(page.locator("#page-heading")).toHaveText("设置");
  await expect(page.getByTestId("lang-zh")).toBeChecked();
});

test("a video in view plays by itself, muted, and pauses when scrolled away; a user's pause sticks", async ({ page, errors }) => {
  await page.goto(VIDEO_ITEM);
  await expect.poll(async () => (await playback(page)).time, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await playback(page)).toMatchObject({ paused: false, muted: true });

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => (await playback(page)).paused).toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(async () => (await playback(page)).paused).toBe(false);

  // The user pauses it: it stays paused, in view or after scrolling back.
  await video(page).evaluate((v: HTMLVideoElement) => v.pause());
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(800);
  expect((await playback(page)).paused).toBe(true);
});

test("switched off in the settings, videos stay still until the user plays them", async ({ page, errors }) => {
  await page.goto("/me/settings");
  await page.getByTestId("autoplay").uncheck();
  await page.goto(VIDEO_ITEM);
  await expect.poll(async () => (await playback(page)).ready).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(1000);
  expect(await playback(page)).toMatchObject({ paused: true, time: 0 });

  // Switched back on (here, from the settings page in the same session), the next visit plays.
  await page.goto("/me/settings");
  await expect(page.getByTestId("autoplay")).not.toBeChecked();
  await page.getByTestId("autoplay").check();
  await page.goto(VIDEO_ITEM);
  await expect.poll(async () => (await playback(page)).paused, { timeout: 10_000 }).toBe(false);
});

test("under reduced motion nothing plays by itself, and the settings page says why", async ({ page, errors }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(VIDEO_ITEM);
  await expect.poll(async () => (await playback(page)).ready).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(1000);
  expect(await playback(page)).toMatchObject({ paused: true, time: 0 });
  // The system setting is followed live: lifted, the video in view starts (muted).
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await expect.poll(async () => (await playback(page)).paused, { timeout: 10_000 }).toBe(false);
  expect((await playback(page)).muted).toBe(true);
  // Asked again for reduced motion, the video it started stops.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expect.poll(async () => (await playback(page)).paused).toBe(true);

  await page.goto("/me/settings");
  await expect(page.getByTestId("autoplay-note")).toContainText("减少动态效果");
  await expect(page.getByTestId("autoplay")).toBeChecked();
});

test("unreadable saved settings are reset to the defaults with a notice, and nothing else is lost", async ({ page, errors }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("guang.prefs", '{"version":1,"theme":"neon","autoplay":true}');
    localStorage.setItem("guang.locale", "en");
  });
  await page.goto("/");
  await expect(page.getByTestId("toast")).toContainText("settings were unreadable");
  expect(await page.evaluate(() => localStorage.getItem("guang.prefs"))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem("guang.locale"))).toBe("en");
  await expect(page.locator("nav.tabs a").first()).toHaveText("For you");
  await page.goto("/me/settings");
  await expect(page.getByTestId("theme-system")).toBeChecked();
  await expect(page.getByTestId("autoplay")).toBeChecked();
});
