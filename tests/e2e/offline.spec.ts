// Installable and offline: the service worker serves the app shell, the feed pages and covers already seen;
// offline, the cached feed shows with a banner.
import { test, expect, cards } from "./fixtures";
import type { Page } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

test.use({ serviceWorkers: "allow" });

test("offline, the cached feed shows with a banner; back online the banner goes", async ({ page, context, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit installed the worker; a second one is controlled by it and fills the data cache.
  await page.reload();
  await expect(cards(page).first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const firstIds = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
  // An item opened while online.
  await page.goto("/item/i0001");
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  const offlineIds = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
  expect(offlineIds.length).toBeGreaterThan(0);
  expect(offlineIds.some((id) => firstIds.includes(id))).toBe(true);
  // A cover that was seen comes from the cache.
  const loaded = await page.locator(".card-cover img").first().evaluate(async (img: HTMLImageElement) => {
    if (!img.complete) await new Promise((r) => img.addEventListener("load", r, { once: true }));
    return img.naturalWidth;
  });
  expect(loaded).toBeGreaterThan(0);
  // An item opened before is there offline too, deep link and all.
  await page.goto("/item/i0001");
  await expect(page.getByTestId("item-page")).toHaveAttribute("data-id", "i0001");
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("offline-banner")).toBeHidden();
});

test("every page's code is kept: offline, pages never opened before open", async ({ page, context, errors }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Every lazy chunk of this build is in the shell cache (the worker reads their names from the split loader).
  const chunks = readdirSync("dist").filter((f) => /^chunk-[0-9a-f]{16}-\w+\.wasm$/.test(f));
  expect(chunks.length).toBeGreaterThan(10);
  const kept = await page.evaluate(async () => {
    const shell = (await caches.keys()).find((k) => k.startsWith("guang-shell-"));
    const cache = await caches.open(shell!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1));
  });
  expect(chunks.filter((c) => !kept.includes(c))).toEqual([]);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.goto("/me/settings");
  await expect(page.getByTestId("settings-page")).toBeVisible();
  await page.goto("/me/interests");
  await expect(page.getByTestId("interests-page")).toBeVisible();
  await context.setOffline(false);
});

test("the app is installable: a manifest with icons and a service worker", async ({ page, errors }) => {
  await page.goto("/");
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i: any) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  const sw = await (await page.request.get("/sw.js")).text();
  expect(sw).toMatch(/const VERSION ?= ?"[0-9a-f]{16}"/);
  expect(sw).toMatch(/_bg\.wasm/);
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()))).toBe(true);
});

/**
 * Runs `body` against a private copy of the build on its own server, so a test can "deploy" a new version by
 * rewriting sw.js (a service worker's own script is fetched by the browser, out of reach of Playwright's routes),
 * once the page is controlled by the first version's worker.
 */
async function onPrivateCopy(page: Page, body: (base: string, deploy: (edit?: (sw: string) => string) => void) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), "guang-update-"));
  cpSync("dist", dir, { recursive: true });
  const port = 8300 + Math.floor(Math.random() * 500);
  const server = spawn("node", ["scripts/serve-dist.mjs", dir, String(port)], { stdio: "ignore" });
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await page.request.get(`${base}/config.json`).catch(() => null))?.ok() ?? false).toBe(true);
    await page.goto(base + "/");
    await expect(cards(page).first()).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const sw = join(dir, "sw.js");
    await body(base, (edit = (s) => s) =>
      writeFileSync(sw, edit(readFileSync(sw, "utf8").replace(/const VERSION ?= ?"[0-9a-f]+"/, `const VERSION = "${NEW_VERSION}"`))),
    );
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
const NEW_VERSION = "0000000000000000";

test("a new version waits for the user: a banner offers the reload", async ({ page, errors }) => {
  await onPrivateCopy(page, async (_base, deploy) => {
    deploy();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId("update-banner")).toBeVisible();
    // The running session is untouched until the user asks.
    await expect(cards(page).first()).toBeVisible();
    // A real press (pointer events and all): pressing reload is not reading, so it starts no loads ahead that
    // would reach the old worker while the new one takes over.
    const fallback: string[] = [];
    page.on("console", (m) => m.text().includes("did not take over") && fallback.push(m.text()));
    const reloaded = page.waitForEvent("load");
    await page.getByTestId("update-banner").getByRole("button").click();
    await reloaded;
    await expect(cards(page).first()).toBeVisible();
    await expect(page.getByTestId("update-banner")).toBeHidden();
    // The new version took over by itself, not through the fallback below.
    expect(fallback).toEqual([]);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await page.evaluate(() => caches.keys())).toContain(`guang-shell-${NEW_VERSION}`);
  });
});

test("a new version that never takes over is registered afresh, and the reload still comes", async ({ page, errors }) => {
  await onPrivateCopy(page, async (_base, deploy) => {
    // A new worker that ignores the request to take over, as a wedged switch looks from the page.
    deploy((sw) => {
      expect(sw).toContain("self.skipWaiting()");
      return sw.replace("self.skipWaiting()", "void 0");
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId("update-banner")).toBeVisible();
    const warned = page.waitForEvent("console", (m) => m.text().includes("did not take over"));
    const reloaded = page.waitForEvent("load");
    await page.getByTestId("update-banner").getByRole("button").click();
    await warned;
    await reloaded;
    await expect(cards(page).first()).toBeVisible();
    await expect(page.getByTestId("update-banner")).toBeHidden();
    // The new version was installed afresh and controls the page; the first version's shell is gone.
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect.poll(() => page.evaluate(() => caches.keys())).toContain(`guang-shell-${NEW_VERSION}`);
    expect((await page.evaluate(() => caches.keys())).filter((k) => k.startsWith("guang-shell-"))).toEqual([`guang-shell-${NEW_VERSION}`]);
  });
});
