// Prints raw, gzip (level 9) and brotli (quality 11) bytes of every file a first visit downloads
// (the app shell: html, js, wasm, css; not images or content JSON), then the totals on the last two lines:
// `total first-load gzip: N bytes` (what the budget checks) and `total first-load brotli: N bytes`. The
// brotli figure is the size of the build's precompressed `.br` copy (scripts/precompress.mjs), which is
// what the test server and a precompressed deployment send.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
// embed.js is the loader host pages include (docs/embed.md); the app itself never downloads it. studio.css is
// the creator studio's stylesheet, added when the studio opens (src/pages/studio/mod.rs); pages.css every other
// page's, loaded with its chunk (src/components/stylesheet.rs).
const notFirstLoad = new Set(["embed.js", "studio.css", "pages.css"]);
// Lazy route chunks (scripts/split-wasm.mjs) download when their route is first visited, or when the feed
// is idle (the item page's): listed after the total, not counted in it.
const isChunk = (f) => /^chunk-[0-9a-f]+-.*\.wasm$/.test(f);
const files = readdirSync(dir)
  .filter((f) => [".html", ".js", ".wasm", ".css"].includes(extname(f)) && !notFirstLoad.has(f) && !isChunk(f))
  .sort();
let total = { raw: 0, gzip: 0, br: 0 };
const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(40)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`);
for (const f of files) {
  const body = readFileSync(join(dir, f));
  const gz = gzipSync(body, { level: 9 }).length;
  const copy = join(dir, `${f}.br`);
  const br = existsSync(copy)
    ? statSync(copy).size
    : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total.raw += body.length;
  total.gzip += gz;
  total.br += br;
  console.log(`${f.padEnd(40)} ${pad(body.length, 10)} ${pad(gz, 10)} ${pad(br, 10)}`);
}
console.log(`${"total".padEnd(40)} ${pad(total.raw, 10)} ${pad(total.gzip, 10)} ${pad(total.br, 10)}`);
const chunks = readdirSync(dir).filter(isChunk).sort();
if (chunks.length > 0) {
  const lazy = { raw: 0, gzip: 0 };
  console.log("lazy chunks (not in the first load):");
  for (const f of chunks) {
    const body = readFileSync(join(dir, f));
    const gz = gzipSync(body, { level: 9 }).length;
    lazy.raw += body.length;
    lazy.gzip += gz;
    console.log(`  ${f.padEnd(58)} ${pad(body.length, 10)} ${pad(gz, 10)}`);
  }
  console.log(`  ${"all chunks".padEnd(58)} ${pad(lazy.raw, 10)} ${pad(lazy.gzip, 10)}`);
}
// The budget (size-budget.json) only ever goes down: exceeding it fails `make size` and so CI.
const budget = JSON.parse(readFileSync("size-budget.json", "utf8")).first_load_gzip;
if (total.gzip > budget) {
  console.error(`over budget: ${total.gzip} > ${budget} bytes gzip (size-budget.json)`);
  console.log(`total first-load gzip: ${total.gzip} bytes`);
  console.log(`total first-load brotli: ${total.br} bytes`);
  process.exit(1);
}
console.log(`budget: ${budget} bytes gzip, ${budget - total.gzip} to spare`);
console.log(`total first-load gzip: ${total.gzip} bytes`);
console.log(`total first-load brotli: ${total.br} bytes`);
