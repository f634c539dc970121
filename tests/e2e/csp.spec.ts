// The release build under its own Content-Security-Policy (public/_headers, served by scripts/serve-dist.mjs
// to every test): no inline script, 'wasm-unsafe-eval' as the only relaxation, no inline styles. The fixture
// fails any test on a CSP violation; this file checks the policy itself is there and bites.
import { readFileSync } from "node:fs";
import { test, expect, cards } from "./fixtures";

const policy = () => {
  const line = readFileSync("public/_headers", "utf8").split("\n").find((l) => l.trim().startsWith("Content-Security-Policy:"));
  return line!.split(":").slice(1).join(":").trim();
};

test("pages are served with the documented policy, and the README shows the same one", async ({ page, errors }) => {
  const response = await page.goto("/item/i0001");
  expect(response!.headers()["content-security-policy"]).toBe(policy());
  expect(policy()).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy()).not.toContain("unsafe-inline");
  expect(policy()).not.toMatch(/unsafe-eval'(?<!wasm-unsafe-eval')/);
  expect(readFileSync("README.md", "utf8")).toContain(policy());
});

test("the app starts and runs with no inline script and no violation", async ({ page, errors }) => {
  const violations: string[] = [];
  await page.exposeFunction("__violation", (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__violation(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  expect(await page.locator("script:not([src])").count()).toBe(0);
  // Styles set by the app (card boxes, masonry positions) go through the CSSOM, which the policy allows.
  const slot = page.locator(".masonry-slot").first();
  expect(await slot.evaluate((el) => (el as HTMLElement).style.transform)).toMatch(/^translate\(/);
  await cards(page).first().locator(".card-link").click();
  await expect(page.getByTestId("item-page")).toBeVisible();
  await page.goto("/creator/c01/preview");
  await page.getByTestId("draft-file").setInputFiles("demo/drafts/new-item.json");
  await expect(page.getByTestId("preview-frame")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the policy bites: an injected inline script and inline style attribute are refused", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", () => {});
  await page.exposeFunction("__violation", (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__violation(e.violatedDirective)),
  );
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.appendChild(s);
    const d = document.createElement("div");
    d.setAttribute("style", "color: red");
    document.body.appendChild(d);
    await new Promise((r) => setTimeout(r, 100));
    return { script: (window as any).__injected === true, style: getComputedStyle(d).color };
  });
  expect(ran.script).toBe(false);
  expect(ran.style).not.toBe("rgb(255, 0, 0)");
  await expect.poll(() => violations.sort()).toEqual(["script-src-elem", "style-src-attr"]);
});

test("a wasm that is not this build's is refused by its integrity hash, not run", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (m) => messages.push(m.text()));
  page.on("pageerror", (e) => messages.push(e.message));
  // The same module with one byte more (a valid wasm could be anything; the hash is what must refuse it).
  await page.route(/\/guang-[0-9a-f]+_bg\.wasm$/, async (route) => {
    const body = await (await route.fetch()).body();
    await route.fulfill({ body: Buffer.concat([body, Buffer.from([0])]), contentType: "application/wasm" });
  });
  await page.goto("/?lang=en");
  await expect.poll(() => messages.join("\n")).toMatch(/integrity/i);
  await page.waitForTimeout(500);
  expect(await cards(page).count()).toBe(0);
  expect(await page.locator("#main").count()).toBe(0);
});
