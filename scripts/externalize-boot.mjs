// Part of the Trunk post-build hook (scripts/post-build.mjs): moves the inline module script Trunk writes
// into index.html (import the glue, init the wasm) into its own file, boot-<hash>.js, with an integrity
// hash, so the app runs under a Content-Security-Policy without 'unsafe-inline' scripts (public/_headers);
// and makes it wait for first-screen.js before it fetches the wasm (see below).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Rewrites `dir`/index.html; returns the new script's file name. Warns about any other inline script (the
 * policy would block it; `trunk serve` adds its live-reload script, which is fine in development), and the
 * CSP end-to-end test fails on one in the release build. */
export function externalizeBoot(dir, publicUrl = "/") {
  const page = join(dir, "index.html");
  const html = readFileSync(page, "utf8");
  const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
  const found = html.match(inline);
  if (!found) throw new Error("externalize-boot: no inline module script in index.html (did Trunk change?)");
  // The wasm is fetched once first-screen.js says the first screen may yield its bandwidth (guangFirstScreen):
  // at once on most visits; on a first visit's feed, once the first cards and covers it draws have painted.
  // A dynamic import of the module index.html already loads (one instance, no second fetch); if it failed, the
  // app starts anyway. So the wasm's preload leaves index.html.
  const init = /^const wasm = await init\(/m;
  if (!init.test(found[1])) throw new Error("externalize-boot: no `const wasm = await init(` in the boot script (did Trunk change?)");
  const wait = 'await import("./first-screen.js").then(() => window.guangFirstScreen, () => {});\n';
  // The preload carried the wasm's integrity hash; it goes on the request the glue fetches it with instead (the
  // glue fetches a Request as given), so a wasm that is not this build's is refused, not run.
  const preload = /<link\b[^>]*_bg\.wasm[^>]*>/;
  const link = html.match(preload);
  if (!link) throw new Error("externalize-boot: no preload of the wasm in index.html (did Trunk change?)");
  const hash = link[0].match(/\bintegrity="?(sha384-[A-Za-z0-9+/=]+)/);
  if (!hash) throw new Error("externalize-boot: the wasm's preload has no integrity hash (did Trunk change?)");
  const path = /module_or_path: ('[^']+_bg\.wasm')/;
  if (!path.test(found[1])) throw new Error("externalize-boot: no `module_or_path: '…_bg.wasm'` in the boot script");
  const code =
    found[1]
      .trim()
      .replace(init, (m) => wait + m)
      .replace(path, (_, url) => `module_or_path: new Request(${url}, { integrity: "${hash[1]}" })`) + "\n";
  const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  const integrity = "sha384-" + createHash("sha384").update(code).digest("base64");
  writeFileSync(join(dir, name), code);
  const out = html
    .replace(inline, `<script type="module" src="${publicUrl}${name}" integrity="${integrity}"></script>`)
    .replace(preload, "");
  const left = out.match(/<script(?![^>]*\bsrc=)[^>]*>/g);
  if (left) console.warn(`externalize-boot: inline script left in index.html (the CSP of public/_headers would block it; trunk serve adds one for live reload): ${left.join(" ")}`);
  writeFileSync(page, out);
  return name;
}
