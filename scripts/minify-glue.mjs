// Part of the Trunk post-build hook (scripts/post-build.mjs), release builds only: minifies wasm-bindgen's JS
// glue with terser. Trunk's own minifier gives up on it ("Failed to minify JS: RequiredTokenNotFound") and
// ships it as written, 2.4 KB gzip more on every first visit. Only local names are mangled: the glue's
// import object keys, which the wasm links against by name, are properties and stay as they are. The
// file keeps its name; its integrity hash in index.html is rewritten to the new content.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

/** Minifies `dir`/`name`, a script of ours copied as written (its comments are for readers of the repository),
 * in place; returns [before, after] sizes in bytes. */
export async function minifyScript(dir, name, module = true) {
  const file = join(dir, name);
  const source = readFileSync(file, "utf8");
  const { code } = await minify(source, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!code) throw new Error(`minify-glue: terser returned nothing for ${name}`);
  writeFileSync(file, code);
  return [Buffer.byteLength(source), Buffer.byteLength(code)];
}

/** Minifies `dir`'s glue file in place and fixes index.html; returns [before, after] sizes in bytes. */
export async function minifyGlue(dir) {
  const glue = readdirSync(dir).filter((f) => /^guang-[0-9a-f]+\.js$/.test(f));
  if (glue.length !== 1) throw new Error(`minify-glue: expected one guang-<hash>.js in ${dir}, found ${glue.length}`);
  const file = join(dir, glue[0]);
  const source = readFileSync(file, "utf8");
  // `unsafe_methods` writes the import object's `name: function (…) {…}` entries as methods (-110 bytes gzip):
  // the wasm only calls its imports, never constructs one, and a method's `this` and `arguments` are a
  // function's.
  const compress = { passes: 2, unsafe_methods: true };
  const { code } = await minify(source, { module: true, ecma: 2020, compress, mangle: true, format: { comments: false } });
  if (!code) throw new Error("minify-glue: terser returned nothing");
  const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
  const page = join(dir, "index.html");
  const html = readFileSync(page, "utf8");
  const before = sri(source);
  if (!html.includes(before)) throw new Error(`minify-glue: index.html has no integrity ${before} for ${glue[0]}`);
  writeFileSync(file, code);
  writeFileSync(page, html.replaceAll(before, sri(code)));
  return [Buffer.byteLength(source), Buffer.byteLength(code)];
}
