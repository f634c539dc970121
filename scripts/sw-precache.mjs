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
// Absolute paths under the public URL; "" (the directory itself) stands for index.html too. The lazy chunks are
// not listed: the worker reads their names from the split loader (one of these files).
const isChunk = (f) => /^chunk-[0-9a-f]+-.*\.wasm$/.test(f);
const assets = [publicUrl, ...shell.filter((f) => !isChunk(f)).map((f) => publicUrl + f)];
const chunks = shell.filter(isChunk);
const loader = shell.find((f) => /^split-loader-[0-9a-f]+\.js$/.test(f));
const listed = loader ? new Set(readFileSync(join(dir, loader), "utf8").match(/chunk-[0-9a-f]{16}-\w+\.wasm/g)) : new Set();
const unlisted = chunks.filter((f) => !listed.has(f));
if (unlisted.length) throw new Error(`sw.js: the split loader does not name ${unlisted.join(", ")}, so the worker would not keep them`);
const template = readFileSync("public/sw.template.js", "utf8");
const out = template
  .replace("__VERSION__", version)
  .replace("__ASSETS__", JSON.stringify(assets));
writeFileSync(join(dir, "sw.js"), out);
console.log(`sw.js: version ${version}, ${assets.length} shell files, ${chunks.length} lazy chunks`);
