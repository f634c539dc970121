// Trunk post_build hook (Trunk.toml): in release builds the JS glue is minified first (its integrity hash in
// index.html changes with it), then the boot script leaves index.html (strict CSP), then sw.js is
// written with the final list of shell files, then every text file gets .br and .gz copies. Order matters:
// the service worker precaches the boot file, and the compressed copies must be of the final files.
import { externalizeBoot } from "./externalize-boot.mjs";
import { minifyGlue } from "./minify-glue.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set (run through trunk build)");
if (process.env.TRUNK_PROFILE === "release") {
  const [before, after] = await minifyGlue(dir);
  console.log(`glue: minified ${before} -> ${after} bytes`);
}
console.log(`index.html: boot script moved to ${externalizeBoot(dir, process.env.TRUNK_PUBLIC_URL ?? "/")}`);
await import("./sw-precache.mjs");
await import("./precompress.mjs");
