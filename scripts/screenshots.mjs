// Screenshots of pages at phone (412 px) and desktop (1280 px) width, light and dark, zh and en, from a
// running server (default: make preview on :8080). Used to look at the UI as a user would.
//   node scripts/screenshots.mjs [baseURL] [outDir] [path ...]
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const base = process.argv[2] ?? "http://127.0.0.1:8080";
const out = process.argv[3] ?? "target/screenshots";
const paths = process.argv.slice(4).length ? process.argv.slice(4) : ["/", "/item/i0001", "/creator/c01"];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const problems = [];
for (const path of paths) {
  for (const [width, height] of [[412, 915], [1280, 800]]) {
    for (const scheme of ["light", "dark"]) {
      for (const locale of ["zh-CN", "en"]) {
        const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale });
        const page = await ctx.newPage();
        page.on("pageerror", (e) => problems.push(`${path} ${width} ${scheme} ${locale}: ${e.message}`));
        await page.goto(base + path);
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        const name = `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "feed"}-${width}-${scheme}-${locale}.png`;
        await page.screenshot({ path: `${out}/${name}` });
        await ctx.close();
      }
    }
  }
}
await browser.close();
console.log(problems.length ? problems.join("\n") : `screenshots in ${out}, no page errors`);
