// Part of the Trunk post_build hook (scripts/post-build.mjs): writes sw.js into the staging directory from public/sw.template.js, with the list
// of this build's shell files (their names carry content hashes) and a version derived from them, so a new
// build is a new service worker.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set (run through trunk build)");
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
const shell = readdirSync(dir)
  .filter((f) => /\.(html|js|wasm|css|svg|png|webmanifest)$/.test(f))
  .filter((f) => f !== "sw.js" && f !== "embed.js")
  .sort();
const hash = createHash("sha256");
for (const f of shell) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest("hex").slice(0, 16);
// Absolute paths under the public URL; "" (the directory itself) stands for index.html too.
const isChunk = (f) => /^chunk-[0-9a-f]+-.*\.wasm$/.test(f);
const assets = [publicUrl, ...shell.filter((f) => !isChunk(f)).map((f) => publicUrl + f)];
const chunks = shell.filter(isChunk).map((f) => publicUrl + f);
const template = readFileSync("public/sw.template.js", "utf8");
const out = template
  .replace("__VERSION__", version)
  .replace("__ASSETS__", JSON.stringify(assets))
  .replace("__CHUNKS__", JSON.stringify(chunks));
writeFileSync(join(dir, "sw.js"), out);
console.log(`sw.js: version ${version}, ${assets.length} shell files, ${chunks.length} lazy chunks`);
