// `make test-engines`: the release build in WebKit (WebKitGTK's MiniBrowser, the engine of every iPhone
// webview) and Firefox ESR, driven over W3C WebDriver, under the deployment's headers. Playwright covers
// Chromium in depth (tests/e2e/); this suite walks the flows whose behaviour differs between engines: the
// feed and its covers, infinite scroll, open and back to the same card, video, follow across a reload, the
// share sheet and clipboard, the embed host page (frame height and the bridge's origin rule), the service
// worker offline, and no error or CSP violation anywhere. It takes a screenshot per engine and page into
// target/engines/.
//
//   node tests/engines/run.mjs [dist] [--engine webkit|firefox] [--only feed,scroll,…] [--hold]
import { mkdirSync, readFileSync, writeFileSync, createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { distServer } from "../../scripts/serve-dist.mjs";
import { Session, startDriver, sleep } from "./webdriver.mjs";
import { checks } from "./checks.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const only = option("--engine");
const picked = option("--only")?.split(",") ?? null;
const dist = resolve(args.find((a, i) => !a.startsWith("--") && !["--engine", "--only"].includes(args[i - 1])) ?? "dist");
const out = resolve("target/engines");
mkdirSync(out, { recursive: true });

const BASE_PORT = Number(process.env.ENGINES_PORT ?? 8140);
const APP = `http://127.0.0.1:${BASE_PORT}`;
// Two more origins: the example host page, and a hostile page that frames the app and lies about its origin.
const HOST = `http://127.0.0.1:${BASE_PORT + 1}`;
const EVIL = `http://127.0.0.1:${BASE_PORT + 2}`;

let offline = false;
const app = distServer(dist, {
  files: { "/__engine-probe.js": join(here, "probe.js") },
  down: () => offline,
  rewrite(path, text) {
    if (path.endsWith(".html")) return text.replace("<meta charset=utf-8>", '<meta charset=utf-8><script src="/__engine-probe.js"></script>');
    if (path === join(dist, "config.json")) return JSON.stringify({ ...JSON.parse(text), embed_origins: [HOST] });
    return null;
  },
});
const hostHtml = readFileSync("demo/host/index.html", "utf8").replaceAll("http://127.0.0.1:8080", APP);
const evilHtml = `<!doctype html><meta charset="utf-8"><title>evil</title>
<p id="got">0</p>
<iframe id="app" style="width:100%;height:600px" src="${APP}/?embed=1&id=stolen&origin=${encodeURIComponent(HOST)}"></iframe>
<script>
  addEventListener("message", () => { const p = document.getElementById("got"); p.textContent = String(+p.textContent + 1); });
</script>`;
const page = (html) => (req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
const { createServer } = await import("node:http");
const servers = [
  app.listen(BASE_PORT, "127.0.0.1"),
  createServer(page(hostHtml)).listen(BASE_PORT + 1, "127.0.0.1"),
  createServer(page(evilHtml)).listen(BASE_PORT + 2, "127.0.0.1"),
];

const DRIVER_PORT = BASE_PORT + 10;
const engines = {
  webkit: {
    // WebKitGTK needs a display: xvfb-run gives it one. MiniBrowser's --automation mode is what the driver asks for.
    driver: (log) =>
      startDriver("xvfb-run", ["-a", "-s", "-screen 0 1400x1100x24", "WebKitWebDriver", `--port=${DRIVER_PORT}`], DRIVER_PORT, { log }),
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    },
  },
  firefox: {
    driver: (log) =>
      startDriver("geckodriver", ["--port", String(DRIVER_PORT + 1), "--binary", "/usr/bin/firefox-esr"], DRIVER_PORT + 1, { log }),
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": {
        args: ["-headless"],
        prefs: {
          "intl.accept_languages": "zh-CN, zh",
          // A closed network: nothing to phone home to.
          "browser.safebrowsing.malware.enabled": false,
          "browser.safebrowsing.phishing.enabled": false,
          "network.captive-portal-service.enabled": false,
          "app.update.auto": false,
        },
      },
    },
  },
};

const ctx = { APP, HOST, EVIL, out, setOffline: (v) => (offline = v) };
let failed = 0;
let ran = 0;
for (const [name, engine] of Object.entries(engines)) {
  if (only && only !== name) continue;
  const log = createWriteStream(join(out, `${name}-driver.log`));
  const started = Date.now();
  let driver;
  try {
    driver = await engine.driver(log);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name} did not start: ${e.message}`);
    continue;
  }
  // A new browser session for every check, as Playwright gives every test a new context: no check sees the
  // storage, service worker or caches another one left.
  // Starting a browser is retried once: MiniBrowser sometimes fails to reach Xvfb's display ("cannot open
  // display: :99" in its log) and WebKitWebDriver then never answers. That is the harness, not the app; a
  // check itself is never retried.
  const create = async () => {
    try {
      return await Session.create(driver.base, engine.capabilities);
    } catch (e) {
      console.log(`    (the browser did not start: ${e.message}; starting it once more)`);
      return Session.create(driver.base, engine.capabilities);
    }
  };
  const open = async () => {
    const session = await create();
    await session.timeouts({ script: 30_000, pageLoad: 30_000, implicit: 0 });
    await session.setWindow(1280, 1000).catch(() => {});
    return session;
  };
  try {
    const first = await open();
    console.log(`${name} ${first.capabilities.browserVersion ?? "?"} (${first.capabilities.browserName})`);
    if (args.includes("--hold")) {
      // For debugging a check by hand: the servers and the session stay up; WebDriver calls go to the driver.
      writeFileSync(join(out, "session.json"), JSON.stringify({ base: driver.base, id: first.id, ...ctx }));
      process.on("SIGUSR1", () => console.log(`app server ${(offline = !offline) ? "down" : "up"}`));
      console.log(`holding ${name}: ${join(out, "session.json")} (SIGUSR1 takes the app server down and up; Ctrl-C ends)`);
      await new Promise(() => {});
    }
    await first.quit().catch(() => {});
    for (const check of checks) {
      if (picked && !picked.includes(check.id)) continue;
      ran++;
      const t = Date.now();
      let session;
      try {
        session = await open();
        await check.run(session, { ...ctx, engine: name });
        console.log(`  ✓ ${check.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${check.name}\n      ${String(e.message ?? e).replaceAll("\n", "\n      ")}`);
        await session
          ?.screenshot()
          .then((png) => writeFileSync(join(out, `${name}-FAILED-${check.id}.png`), png))
          .catch(() => {});
      } finally {
        offline = false;
        await session?.quit().catch(() => {});
      }
    }
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}: ${e.message}`);
  } finally {
    try {
      process.kill(-driver.child.pid, "SIGTERM");
    } catch {
      driver.child.kill("SIGTERM");
    }
    await sleep(300);
    console.log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}
for (const s of servers) s.close();
console.log(failed ? `engines: ${failed} of ${ran} checks failed` : `engines: all ${ran} checks passed`);
process.exit(failed ? 1 : 0);
