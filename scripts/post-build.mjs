// Trunk post_build hook (Trunk.toml): in release builds the wasm is split into the first download and lazy
// chunks when the build has lazy routes (`--features split`, scripts/split-wasm.mjs), then the JS glue is minified (its integrity hash in
// index.html changes with it) and so is public/first-screen.js, then the boot script leaves index.html (strict CSP), then sw.js is
// written with the final list of shell files (and minified in release builds), then every text file gets .br and .gz copies. Order matters:
// the service worker precaches the boot file, and the compressed copies must be of the final files.
import { externalizeBoot } from "./externalize-boot.mjs";
import { minifyGlue, minifyScript } from "./minify-glue.mjs";
import { splitWasm } from "./split-wasm.mjs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set (run through trunk build)");
if (process.env.TRUNK_PROFILE !== "release") {
  // Only release builds are split; an unsplit build with lazy functions imports a module that does not exist.
  const glue = readdirSync(dir).find((f) => /^guang-[0-9a-f]+\.js$/.test(f));
  if (glue && readFileSync(join(dir, glue), "utf8").includes("__wasm_split_placeholder__")) {
    throw new Error("--features split needs a release build (trunk build --release): debug builds are not split");
  }
} else {
  const split = await splitWasm(dir);
  if (split) {
    const lazy = split.chunks.map(([name, bytes]) => `${name} ${bytes}`).join(", ");
    console.log(`wasm split: first download ${split.was} -> ${split.main} bytes; lazy: ${lazy}`);
  }
  const [before, after] = await minifyGlue(dir);
  console.log(`glue: minified ${before} -> ${after} bytes`);
  const [fsBefore, fsAfter] = await minifyScript(dir, "first-screen.js");
  console.log(`first-screen.js: minified ${fsBefore} -> ${fsAfter} bytes`);
}
console.log(`index.html: boot script moved to ${externalizeBoot(dir, process.env.TRUNK_PUBLIC_URL ?? "/")}`);
await import("./sw-precache.mjs");
if (process.env.TRUNK_PROFILE === "release") {
  // A classic worker script, not a module: its top-level names (VERSION, the cache names) stay as written.
  const [swBefore, swAfter] = await minifyScript(dir, "sw.js", false);
  console.log(`sw.js: minified ${swBefore} -> ${swAfter} bytes`);
}
await import("./precompress.mjs");
