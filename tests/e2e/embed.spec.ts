// Embed mode (docs/embed.md): the example host page (demo/host/index.html) embeds the app with the loader
// script from a real second origin. Playwright routes serve that page as https://host.test/ (https, so the
// frames are secure contexts with a clipboard, as on a real host) and a hostile page as https://evil.test/,
// while the frames load the release build from the test server; config.json is routed to allow the host.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures";
import type { Frame, Page } from "@playwright/test";
import config from "../../playwright.config";

// Chromium's Local Network Access checks keep a public page (host.test) from framing the loopback test server.
// A deployment has both on the public internet, so these tests switch that check off (and nothing else).
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), "--disable-features=LocalNetworkAccessChecks"] } });

const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 8091}`;
const HOST = "https://host.test";
const EVIL = "https://evil.test";

/** The example host page, with its app URLs pointing at the test server. */
const hostPage = () => readFileSync("demo/host/index.html", "utf8").replaceAll("http://127.0.0.1:8080", APP);

/** Serves config.json with `origins` as the embed allow-list. */
async function allowEmbedding(page: Page, origins: string[] = [HOST]) {
  await page.route("**/config.json", async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, embed_origins: origins } });
  });
}

/** Serves `html` for every path under `origin`. */
async function serve(page: Page, origin: string, html: string | ((path: string) => string)) {
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: typeof html === "string" ? html : html(new URL(route.request().url()).pathname),
    }),
  );
}

/** The host page at https://host.test/ with both embeds running. */
async function openHost(page: Page) {
  await allowEmbedding(page);
  await serve(page, HOST, hostPage());
  await page.goto(`${HOST}/`);
  await feedShows(page);
}

/** Scrolls the feed embed into view and waits for its cards. Chromium does not render (no animation frames,
 * no resize observations) a cross-origin frame that is outside the viewport, so an embed below the fold
 * sizes itself once the reader gets there; two apps booting at once on a small machine need some time. */
async function feedShows(page: Page) {
  await page.locator("#feed").scrollIntoViewIfNeeded();
  await expect(page.frameLocator("#feed iframe").getByTestId("card").first()).toBeVisible({ timeout: 15_000 });
  await staysPut(page, "#feed");
}

/** Presses one of the host page's own theme / language buttons. The event goes to the button itself rather
 * than to a screen point: the creator embed above it may still be growing to its content height, and a
 * click at the button's old position would land on whatever moved there. */
const hostButton = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).dispatchEvent("click");

/** The Frame inside the placeholder `#id`. */
/** Waits until `selector` has kept its place for 300 ms. The creator embed above the feed sizes itself to its
 * content as it loads, which pushes the feed down; a click aimed before that lands on whatever moved there. */
async function staysPut(page: Page, selector: string) {
  let last = Number.NaN;
  let still = 0;
  await expect
    .poll(
      async () => {
        const box = await page.locator(selector).boundingBox();
        const y = box ? box.y : Number.NaN;
        still = y === last ? still + 1 : 0;
        last = y;
        return still >= 3;
      },
      { intervals: [100], timeout: 10_000 },
    )
    .toBe(true);
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const frame = await (await page.locator(`#${id} iframe`).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame in #${id}`);
  return frame;
}

const iframeHeight = async (page: Page, id: string) => (await page.locator(`#${id} iframe`).boundingBox())?.height ?? 0;
const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const background = (frame: Frame) => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
const log = (page: Page, type: string, embed: string) => page.locator(`#log li[data-type="${type}"][data-embed="${embed}"]`);

/** Records every postMessage the app makes to its parent (target origin and type), in every frame. The spy
 * replaces `window.parent` (a [Replaceable] attribute) with a proxy, so the app's own "source is my parent"
 * check no longer matches: use it only where incoming messages do not matter. */
const spyOnPostMessage = () => {
  if (window.parent === window) return;
  const real = window.parent;
  const calls: { type: unknown; targetOrigin: unknown }[] = [];
  (window as any).__posts = calls;
  (window as any).parent = new Proxy(real, {
    get(target, prop) {
      if (prop !== "postMessage") return (target as any)[prop];
      return (message: any, targetOrigin: any, ...rest: any[]) => {
        calls.push({ type: message?.type, targetOrigin: typeof targetOrigin === "string" ? targetOrigin : JSON.stringify(targetOrigin) });
        return (target.postMessage as any)(message, targetOrigin, ...rest);
      };
    },
  });
};

test("the host page embeds the app without its chrome, and the frame's height follows the content", async ({ page, errors }) => {
  await openHost(page);
  const feed = page.frameLocator("#feed iframe");
  await expect(feed.locator(".app-bar")).toHaveCount(0);
  await expect(feed.locator(".skip-link")).toHaveCount(0);
  await expect(feed.locator("html")).toHaveClass(/\bembed\b/);
  const frame = await frameOf(page, "feed");
  expect(frame.url()).toMatch(/[?&]embed=1&id=g[0-9a-f]{16}&origin=https%3A%2F%2Fhost\.test/);

  // Grown from the loader's 320 px to the first page of cards, and exactly as tall as the content.
  await expect.poll(() => iframeHeight(page, "feed")).toBeGreaterThan(1500);
  await expect.poll(async () => Math.abs((await iframeHeight(page, "feed")) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
  const first = await iframeHeight(page, "feed");
  const cardsBefore = await feed.getByTestId("card").count();

  // Scrolling the host page to the frame's end loads the next page inside it; the frame grows with it.
  for (let i = 0; i < 10 && (await iframeHeight(page, "feed")) <= first; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(300);
  }
  await expect.poll(() => iframeHeight(page, "feed")).toBeGreaterThan(first + 500);
  expect(await feed.getByTestId("card").count()).toBeGreaterThan(cardsBefore);
  await expect.poll(async () => Math.abs((await iframeHeight(page, "feed")) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);

  // The creator embed follows its own content: switching to another kind tab changes its height.
  await page.locator("#creator").scrollIntoViewIfNeeded();
  const creator = page.frameLocator("#creator iframe");
  await expect(creator.getByTestId("creator-page")).toBeVisible();
  await expect(creator.getByTestId("card").first()).toBeVisible();
  const creatorFrame = await frameOf(page, "creator");
  await expect.poll(async () => Math.abs((await iframeHeight(page, "creator")) - (await contentHeight(creatorFrame)))).toBeLessThanOrEqual(1);
  const all = await iframeHeight(page, "creator");
  await creator.getByTestId("creator-tabs").getByRole("link").last().click();
  await expect.poll(() => iframeHeight(page, "creator")).not.toBe(all);
  await expect.poll(async () => Math.abs((await iframeHeight(page, "creator")) - (await contentHeight(creatorFrame)))).toBeLessThanOrEqual(1);
});

test("theme and language from the URL and from the host apply inside the frame", async ({ page, errors }) => {
  await openHost(page);
  const creator = await frameOf(page, "creator");
  // data-theme="dark" data-lang="en" on the placeholder.
  await expect.poll(() => background(creator)).toBe("rgb(17, 17, 17)");
  await expect(page.frameLocator("#creator iframe").locator("html")).toHaveAttribute("lang", "en");

  const feed = await frameOf(page, "feed");
  const feedLocator = page.frameLocator("#feed iframe");
  expect(await background(feed)).toBe("rgb(255, 255, 255)");
  await hostButton(page, "Dark");
  await expect.poll(() => background(feed)).toBe("rgb(17, 17, 17)");
  await hostButton(page, "English");
  await expect(feedLocator.locator("nav.tabs a").first()).toHaveText("For you");
  // A pinned light theme wins over a dark system; "system" follows it again.
  await page.emulateMedia({ colorScheme: "dark" });
  await hostButton(page, "Light");
  await expect.poll(() => background(feed)).toBe("rgb(255, 255, 255)");
  await hostButton(page, "System");
  await expect.poll(() => background(feed)).toBe("rgb(17, 17, 17)");
  await hostButton(page, "中文");
  await expect(feedLocator.locator("nav.tabs a").first()).toHaveText("推荐");
});

test("open reaches the host: the host navigates, or lets Guang navigate in its frame", async ({ page, errors }) => {
  await openHost(page);
  const feed = page.frameLocator("#feed iframe");
  const frame = await frameOf(page, "feed");
  const feedUrl = frame.url();

  // data-navigation="host": the click reaches the host page's log and the frame stays on the feed.
  const card = feed.getByTestId("card").first();
  const id = await card.getAttribute("data-id");
  await card.locator(".card-link").click();
  await expect(log(page, "open", "feed")).toHaveCount(1);
  const detail = JSON.parse((await log(page, "open", "feed").textContent())!.replace(/^feed guang:open /, ""));
  expect(detail).toEqual({ kind: "item", id, url: `${APP}/item/${id}` });
  await page.waitForTimeout(300);
  expect(frame.url()).toBe(feedUrl);
  await expect(feed.getByTestId("item-page")).toHaveCount(0);
  expect(page.url()).toBe(`${HOST}/`);

  // A creator link is an open of kind creator.
  const creatorLink = feed.getByTestId("card").first().locator(".card-creator");
  const creatorId = (await creatorLink.getAttribute("href"))!.replace("/creator/", "");
  await creatorLink.click();
  await expect(log(page, "open", "feed").nth(1)).toContainText(`"kind":"creator","id":"${creatorId}"`);

  // The creator embed lets Guang navigate: the frame shows the item, and the host still hears of it.
  await page.locator("#creator").scrollIntoViewIfNeeded();
  const creator = page.frameLocator("#creator iframe");
  const item = creator.getByTestId("card").first();
  const itemId = await item.getAttribute("data-id");
  await item.locator(".card-link").click();
  await expect(creator.getByTestId("item-page")).toHaveAttribute("data-id", itemId!);
  await expect(log(page, "open", "creator")).toContainText(`"id":"${itemId}"`);
  expect(page.url()).toBe(`${HOST}/`);
});

test("follow and share results reach the host", async ({ page, context, errors }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP });
  await openHost(page);
  await page.locator("#creator").scrollIntoViewIfNeeded();
  const creator = page.frameLocator("#creator iframe");
  const follow = creator.getByTestId("creator-page").getByTestId("follow-button");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(log(page, "follow", "creator")).toContainText(`{"creator":"c01","following":true}`);
  await follow.click();
  await expect(log(page, "follow", "creator").nth(1)).toContainText(`{"creator":"c01","following":false}`);

  await creator.getByTestId("creator-page").getByTestId("share-button").click();
  const sheet = creator.getByTestId("share-sheet");
  await expect(sheet).toBeVisible();
  // The sheet opens near the button that opened it, inside what the host page shows of the frame.
  const box = (await sheet.boundingBox())!;
  const frameBox = (await page.locator("#creator iframe").boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(frameBox.y);
  expect(box.y + box.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
  await sheet.getByTestId("copy-link").click();
  await expect(log(page, "share", "creator")).toContainText(`"kind":"creator","id":"c01"`);
  await expect(log(page, "share", "creator")).toContainText(`"method":"copy-link"`);
  await expect(log(page, "share", "creator")).toContainText(`"url":"${APP}/creator/c01?src=share&code=`);
});

test("messages from another origin or another window change nothing", async ({ page, errors }) => {
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  // A third-party frame inside the host page, and a same-origin frame that is not Guang's parent, both try to
  // switch the feed to dark and take over navigation.
  const attack = `<script>
    for (let i = 0; i < parent.frames.length; i++) {
      const f = parent.frames[i];
      if (f === window) continue;
      f.postMessage({ guang: 1, type: "theme", theme: "dark" }, "*");
      f.postMessage({ guang: 1, type: "locale", locale: "en" }, "*");
    }
    document.title = "sent";
  </script>`;
  await serve(page, EVIL, attack);
  await allowEmbedding(page);
  await serve(page, HOST, (path) => (path === "/sibling.html" ? attack : hostPage()));
  await page.goto(`${HOST}/`);
  const feed = page.frameLocator("#feed iframe");
  await feedShows(page);
  const frame = await frameOf(page, "feed");
  expect(await background(frame)).toBe("rgb(255, 255, 255)");

  for (const src of [`${EVIL}/frame.html`, `${HOST}/sibling.html`]) {
    await page.evaluate((src) => {
      const f = document.createElement("iframe");
      f.src = src;
      document.body.appendChild(f);
    }, src);
  }
  await expect.poll(() => warnings.filter((w) => w.includes(`ignored a message from ${EVIL}`)).length).toBeGreaterThanOrEqual(2);
  await expect.poll(() => warnings.filter((w) => w.includes("not sent by the parent window")).length).toBeGreaterThanOrEqual(2);
  // Malformed messages from the real host are refused with a reason.
  await page.evaluate(() => {
    const w = (document.querySelector("#feed iframe") as HTMLIFrameElement).contentWindow!;
    w.postMessage({ guang: 1, type: "theme", theme: "neon" }, "*");
    w.postMessage({ guang: 2, type: "theme", theme: "dark" }, "*");
    w.postMessage("theme=dark", "*");
  });
  await expect.poll(() => warnings.filter((w) => w.includes("theme.theme: expected")).length).toBe(1);
  await expect.poll(() => warnings.filter((w) => w.includes("protocol version 2")).length).toBe(1);
  await expect.poll(() => warnings.filter((w) => w.includes("not an object")).length).toBe(1);
  await page.waitForTimeout(300);
  expect(await background(frame)).toBe("rgb(255, 255, 255)");
  await expect(feed.locator("nav.tabs a").first()).toHaveText("推荐");
});

test("messages are only ever posted to the host's origin, never to *", async ({ page, errors }) => {
  await page.addInitScript(spyOnPostMessage);
  await openHost(page);
  const frame = await frameOf(page, "feed");
  await page.frameLocator("#feed iframe").getByTestId("card").first().locator(".card-link").click();
  await expect(log(page, "open", "feed")).toHaveCount(1);
  const posts: { type: string; targetOrigin: string }[] = await frame.evaluate(() => (window as any).__posts);
  expect(posts.map((p) => p.type)).toEqual(expect.arrayContaining(["ready", "resize", "open"]));
  expect(new Set(posts.map((p) => p.targetOrigin))).toEqual(new Set([HOST]));
  // The loader, too, names the app's origin in every postMessage.
  expect(readFileSync("public/embed.js", "utf8")).not.toMatch(/postMessage\([^)]*["']\*["']/);
});

test("a page whose origin is not allowed gets nothing, even when it claims an allowed one", async ({ page, errors }) => {
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.addInitScript(spyOnPostMessage);
  await allowEmbedding(page);
  // evil.test frames the app directly and lies in ?origin=; it listens for anything the app says.
  await serve(
    page,
    EVIL,
    `<p id="got">0</p>
     <iframe id="app" style="width:100%;height:600px" src="${APP}/?embed=1&id=stolen&origin=${encodeURIComponent(HOST)}"></iframe>
     <script>
       addEventListener("message", () => { document.getElementById("got").textContent = String(+document.getElementById("got").textContent + 1); });
     </script>`,
  );
  await page.goto(`${EVIL}/`);
  const app = page.frameLocator("#app");
  await expect(app.getByTestId("card").first()).toBeVisible();
  await expect(app.locator(".app-bar")).toHaveCount(0);
  await expect.poll(() => warnings.some((w) => w.includes("no messages will be sent"))).toBe(true);
  // The evil parent's orders are ignored too.
  await page.evaluate(() =>
    (document.getElementById("app") as HTMLIFrameElement).contentWindow!.postMessage({ guang: 1, type: "theme", theme: "dark" }, "*"),
  );
  await app.getByTestId("card").first().locator(".card-link").click();
  await expect(app.getByTestId("item-page")).toBeVisible();
  const frame = (await (await page.locator("#app").elementHandle())!.contentFrame())!;
  expect(await frame.evaluate(() => (window as any).__posts)).toEqual([]);
  await expect(page.locator("#got")).toHaveText("0");
  expect(await background(frame)).toBe("rgb(255, 255, 255)");
});

test.describe("in WeChat's webview", () => {
  test.use({
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.47",
  });

  test("the share sheet points at WeChat's own menu and offers no system share button", async ({ page, errors }) => {
    await page.addInitScript(() => {
      // Even where the browser has the Web Share API, WeChat's is not offered.
      (navigator as any).share = () => Promise.resolve();
    });
    await page.goto("/creator/c01?embed=1");
    await page.getByTestId("creator-page").getByTestId("share-button").click();
    const sheet = page.getByTestId("share-sheet");
    await expect(sheet.getByTestId("share-menu-hint")).toHaveText("点右上角 ··· 分享");
    await expect(sheet.getByTestId("share-native")).toHaveCount(0);
    await expect(sheet.getByTestId("copy-link")).toBeVisible();
  });
});

test("embed mode keeps touch targets at 44 px and needs no hover", async ({ page, errors }) => {
  await page.goto("/creator/c01?embed=1&theme=dark");
  await expect(page.locator(".app-bar")).toHaveCount(0);
  await expect(page.getByTestId("card").first()).toBeVisible();
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, a[href], .chip")]
      .filter((el) => el.offsetParent !== null && !el.closest(".card-link, .visually-hidden"))
      // Rounded to layout units (1/64 px): a box translated to a fractional offset reads 43.9998.
      .map((el) => ({ what: el.className || el.tagName, h: Math.round(el.getBoundingClientRect().height * 64) / 64 }))
      .filter((t) => t.h < 44),
  );
  expect(small).toEqual([]);
  expect(await background((await page.mainFrame()))).toBe("rgb(17, 17, 17)");
  // An item page with co-creator credits and coupons.
  await page.goto("/item/i0092?embed=1");
  await expect(page.getByTestId("co-creators")).toBeVisible();
  const credits = await page.locator(".credit-link").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(credits.length).toBeGreaterThan(0);
  for (const h of credits) expect(Math.round(h * 64) / 64).toBeGreaterThanOrEqual(44);
});
