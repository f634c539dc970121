// Where the start's main-thread time goes, by Rust function: loads a build that keeps its functions' names
// (`make profile` builds one with GUANG_WASM_NAMES=1 into target/dist-profile) in Debian's Chromium under a CPU
// throttle, records a trace and a CPU profile together, and prints every main-thread task longer than MIN ms
// with the Guang functions that ran in it (inclusive time). Chromium compiles wasm lazily, on the main thread
// at a function's first call, so a first run's tasks are mostly compilation of whatever they run.
//   node scripts/profile-start.mjs URL [cpu-slowdown=4] [wait-ms=6000]   (env MIN=40, N=8, W=412)
import { chromium } from "playwright-core";

const url = process.argv[2];
const rate = Number(process.argv[3] ?? 4);
const wait = Number(process.argv[4] ?? 6000);
const MIN = Number(process.env.MIN ?? 40);
const N = Number(process.env.N ?? 8);
const ours = /5guang|first-screen|split-loader/;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({
  viewport: { width: Number(process.env.W ?? 412), height: 915 },
  isMobile: true,
  hasTouch: true,
  serviceWorkers: "block",
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "loading", "blink.user_timing"] });
await cdp.send("Profiler.start");
await page.goto(url);
await page.waitForTimeout(wait);
const { profile } = await cdp.send("Profiler.stop");
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
await browser.close();

const navs = events.filter((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.startsWith("http"));
const nav = navs.at(-1) ?? events.filter((e) => e.name === "navigationStart").at(-1);
const onMain = (e) => e.pid === nav.pid && e.tid === nav.tid;
const tasks = events.filter((e) => onMain(e) && e.name === "RunTask" && e.ph === "X" && e.dur > MIN * 1000);

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => {
  const f = n.callFrame;
  return (f.functionName || "(anonymous)") + (f.url ? ` ${f.url.split("/").pop()}` : "");
};
// Rust's mangled names, shortened to a path: _ZN5guang3app5state9PagedList9load_more...E -> guang::app::state::PagedList::load_more
const readable = (s) => {
  const m = s.match(/_ZN((?:\d+[^\d][^ ]*?)+)17h[0-9a-f]{16}E/);
  if (!m) return s;
  const parts = [];
  for (let rest = m[1]; rest; ) {
    const len = rest.match(/^\d+/);
    if (!len) break;
    parts.push(rest.slice(len[0].length, len[0].length + Number(len[0])));
    rest = rest.slice(len[0].length + Number(len[0]));
  }
  return parts.join("::").replaceAll("$u7b$$u7b$closure$u7d$$u7d$", "{closure}");
};
let t = profile.startTime;
const samples = profile.samples.map((id, i) => [(t += profile.timeDeltas[i]), id, profile.timeDeltas[i] / 1000]);

let blocking = 0;
for (const task of tasks) {
  const inclusive = {};
  for (const [ts, id, ms] of samples) {
    if (ts < task.ts || ts > task.ts + task.dur) continue;
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const k = name(nodes.get(x));
      if (!seen.has(k)) seen.add(k), (inclusive[k] = (inclusive[k] ?? 0) + ms);
    }
  }
  const layout = events.filter((e) => onMain(e) && e.name === "Layout" && e.ts >= task.ts && e.ts < task.ts + task.dur).reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
  blocking += Math.max(0, task.dur / 1000 - 50);
  console.log(`task at ${((task.ts - nav.ts) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms (layout ${layout.toFixed(0)} ms)`);
  const top = Object.entries(inclusive).filter(([k]) => ours.test(k)).sort((a, b) => b[1] - a[1]).slice(0, N);
  for (const [k, ms] of top) console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${readable(k)}`);
}
console.log(`tasks over ${MIN} ms: ${tasks.length}; their time over 50 ms each: ${blocking.toFixed(0)} ms (at ${rate}x slowdown)`);
