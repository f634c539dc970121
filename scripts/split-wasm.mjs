// Part of the Trunk post-build hook (scripts/post-build.mjs), release builds with `--features split` only:
// splits the wasm so a viewer's first download holds the feed and nothing else. Trunk cannot split
// (trunk-rs/trunk#1022: its hooks run after wasm-bindgen, and the split must come before), so this redoes
// what Trunk did from the raw cargo wasm, which `--emit-relocs` (build.rs) leaves splittable:
//   1. wasm-split-cli cuts every `#[wasm_split]` function (src/shell/lazy.rs: the lazy pages and sheets; the
//      feed's 关注 tab in src/pages/feed.rs) into a chunk of its own, code shared by several into shared chunks, and writes the JS loader that fetches them;
//   2. wasm-bindgen 0.2.130 makes the glue again from the split main module (`--keep-lld-exports`, which the
//      loader needs to reach the main module's memory and function table);
//   3. wasm-opt -Oz shrinks the main module and every chunk;
//   4. the chunks and the loader get content-hashed names (`chunk-<hash>-<name>.wasm`,
//      `split-loader-<hash>.js`), the loader is minified, and index.html gets the new integrity hashes and a
//      modulepreload of the loader, which the glue imports before it can start.
// Trunk's names for the glue and the main wasm stay: they already change whenever the raw wasm does.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minify } from "terser";

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const short = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "pipe", "inherit"] }).toString();

/** The module wasm-bindgen's glue imports for lazy functions in a build that has not been split yet. */
const PLACEHOLDER = "__wasm_split_placeholder__";

/**
 * Splits the build in `dir` when its wasm has lazy functions; returns a summary of what was written, or null
 * for a build without them (`--features split` off), which is left as it is.
 */
export async function splitWasm(dir) {
  const glueName = readdirSync(dir).find((f) => /^guang-[0-9a-f]+\.js$/.test(f));
  if (!glueName) throw new Error(`split-wasm: no guang-<hash>.js in ${dir}`);
  const stem = glueName.slice(0, -3);
  const wasmName = `${stem}_bg.wasm`;
  const oldGlue = readFileSync(join(dir, glueName));
  if (!oldGlue.includes(PLACEHOLDER)) return null;

  // Where cargo put it: the target directory as cargo itself resolves it (CARGO_TARGET_DIR, config files), as
  // Trunk does.
  const target = JSON.parse(run("cargo", ["metadata", "--no-deps", "--format-version", "1"])).target_directory;
  const raw = join(target, "wasm32-unknown-unknown", "release", "guang.wasm");
  if (!existsSync(raw)) throw new Error(`split-wasm: no raw cargo wasm at ${raw}`);
  // The raw wasm must be this build's: cargo wrote it moments before Trunk ran wasm-bindgen.
  if (statSync(raw).mtimeMs > statSync(join(dir, glueName)).mtimeMs) {
    throw new Error(`split-wasm: ${raw} is newer than this build's glue`);
  }
  const tmp = mkdtempSync(join(tmpdir(), "guang-split-"));
  try {
    const splitDir = join(tmp, "split");
    const bgDir = join(tmp, "bindgen");
    run("wasm-split-cli", [raw, splitDir, "--out-name", stem]);
    run("wasm-bindgen", [
      join(splitDir, `${stem}.wasm`), "--target", "web", "--keep-lld-exports", "--no-demangle",
      "--no-typescript", "--out-dir", bgDir, "--out-name", stem,
    ]);
    // GUANG_WASM_NAMES=1 keeps the functions' names (a larger build, for profiling only: a CPU profile of it
    // names the Rust functions that run in each task; README "Performance").
    const names = process.env.GUANG_WASM_NAMES ? ["-g"] : [];
    const optimise = (from, to) =>
      run("wasm-opt", [...names, "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", from, "-o", to]);

    // Chunks: optimised, then named by their content.
    let loader = readFileSync(join(splitDir, "__wasm_split.js"), "utf8");
    const chunks = [];
    for (const f of readdirSync(splitDir).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`).sort()) {
      const optimised = join(tmp, `opt-${f}`);
      optimise(join(splitDir, f), optimised);
      const bytes = readFileSync(optimised);
      const name = `chunk-${short(bytes)}-${f}`;
      writeFileSync(join(dir, name), bytes);
      // The loader fetches each chunk as `fetch(new URL("./<file>", import.meta.url))`. The chunks are not given
      // integrity hashes: 62 of them cost 3.7 KB gzip of first load (hashes do not compress), for files served
      // from the same origin as the page and glue they would guard.
      const reference = `fetch(new URL("./${f}", import.meta.url))`;
      if (!loader.includes(reference)) throw new Error(`split-wasm: the loader does not fetch ${f} as expected`);
      loader = loader.replaceAll(reference, `fetch(new URL("./${name}", import.meta.url))`);
      chunks.push([name, bytes.length]);
    }
    if (chunks.length === 0) throw new Error("split-wasm: lazy functions but no chunk was written");

    // The loader, minified and named by its content.
    const { code } = await minify(loader, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
    if (!code) throw new Error("split-wasm: terser returned nothing for the loader");
    const loaderName = `split-loader-${short(code)}.js`;
    writeFileSync(join(dir, loaderName), code);

    // The main module and its glue replace Trunk's, under Trunk's names.
    optimise(join(bgDir, `${stem}_bg.wasm`), join(tmp, "main.wasm"));
    const newWasm = readFileSync(join(tmp, "main.wasm"));
    let glue = readFileSync(join(bgDir, `${stem}.js`), "utf8");
    if (glue.includes(PLACEHOLDER)) throw new Error("split-wasm: the split glue still imports the placeholder");
    // Only the module specifiers change: the import object's keys must keep the name the wasm imports by.
    const specifier = /from\s*(["'])\.\/__wasm_split\.js\1/g;
    if (!specifier.test(glue)) throw new Error("split-wasm: the split glue does not import the loader");
    glue = glue.replace(specifier, `from "./${loaderName}"`);
    const oldWasm = readFileSync(join(dir, wasmName));
    writeFileSync(join(dir, wasmName), newWasm);
    writeFileSync(join(dir, glueName), glue);

    // index.html: the new integrity of both, and the loader preloaded beside the glue.
    const page = join(dir, "index.html");
    let html = readFileSync(page, "utf8");
    for (const [before, after] of [[oldGlue, glue], [oldWasm, newWasm]]) {
      if (!html.includes(sri(before))) throw new Error("split-wasm: index.html lacks an integrity hash it should have");
      html = html.replaceAll(sri(before), sri(after));
    }
    const preload = `<link rel="modulepreload" href="${process.env.TRUNK_PUBLIC_URL ?? "/"}${loaderName}" crossorigin="anonymous" integrity="${sri(code)}">`;
    html = html.replace("</head>", `${preload}</head>`);
    writeFileSync(page, html);
    return { main: newWasm.length, was: oldWasm.length, loader: loaderName, chunks };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
