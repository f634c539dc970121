// Lighthouse (mobile preset) on the release build in dist/, in Debian's Chromium: prints the four category
// scores, the last line `lighthouse: perf P, a11y A, bp B, seo S`. Lighthouse 12.2.3 (pinned; newer needs
// Node 22). The report is written to target/lighthouse.html.
//   node scripts/audit.mjs [dist] [port]
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const dist = process.argv[2] ?? "dist";
const port = Number(process.argv[3] ?? 8099);
const url = `http://127.0.0.1:${port}/`;
const server = spawn("node", ["scripts/serve-dist.mjs", dist, String(port)], { stdio: "ignore" });
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(url + "config.json")).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const chrome = await chromeLauncher.launch({
    chromePath: "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "html", logLevel: "error" });
    if (result.lhr.runtimeError) {
      console.error(`lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`);
      process.exitCode = 1;
    }
    mkdirSync("target", { recursive: true });
    writeFileSync("target/lighthouse.html", result.report);
    const c = result.lhr.categories;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    for (const [id, cat] of Object.entries(c)) {
      const failed = Object.values(result.lhr.audits)
        .filter((a) => cat.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 0.9)
        .map((a) => a.id);
      console.log(`${id}: ${score(id)}${failed.length ? ` (below 90: ${failed.join(", ")})` : ""}`);
      if (id === "accessibility") {
        for (const a of failed) {
          const items = result.lhr.audits[a].details?.items ?? [];
          for (const it of items.slice(0, 4)) console.log(`  ${a}: ${it.node?.snippet ?? ""}`);
        }
      }
    }
    const m = result.lhr.audits;
    console.log(`first contentful paint: ${m["first-contentful-paint"].displayValue}, largest contentful paint: ${m["largest-contentful-paint"].displayValue}, total blocking time: ${m["total-blocking-time"].displayValue}, CLS: ${m["cumulative-layout-shift"].displayValue}`);
    console.log(`lighthouse: perf ${score("performance")}, a11y ${score("accessibility")}, bp ${score("best-practices")}, seo ${score("seo")}`);
  } finally {
    await chrome.kill();
  }
} finally {
  server.kill();
}
