// Static server for a built dist/ with an SPA fallback, used by the end-to-end tests and `make preview`.
// Paths without a file extension get index.html (deep links work on reload); a missing file with an
// extension is a real 404, so the app can tell "no such item" from a page. Every response carries the
// headers of dist/_headers (public/_headers: the Content-Security-Policy), so the tests run the release
// build exactly as it is meant to be deployed. Text files are sent as their precompressed `.br` or `.gz` copy
// (scripts/precompress.mjs, at build time) when the request accepts it, with `Vary: Accept-Encoding`, as a
// CDN would, so every test and audit downloads what users would. Loopback only.
//
// `distServer` is also imported by the other-engine suite (tests/engines/), which needs two test-only hooks:
// `rewrite` changes a text response's body (config.json's embed allow-list, an error probe in the HTML) and
// `down()` makes the server drop every connection, the way a lost network looks to a service worker.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { TEXT } from "./precompress.mjs";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webm": "video/webm",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

/** The `/*` block of a Netlify-style `_headers` file: indented `Name: value` lines under a path line. */
function deployHeaders(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return {};
  }
  const headers = {};
  let inAll = false;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === "/*";
      continue;
    }
    const colon = line.indexOf(":");
    if (!inAll || colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
/**
 * The dist/ server. `rewrite(path, text)` may return a new body for an html or json file; `down()` true
 * drops every connection unanswered; `files` maps extra URL paths to files outside dist/.
 */
export function distServer(root, { rewrite = null, down = () => false, files = {} } = {}) {
  const extra = deployHeaders(join(root, "_headers"));

  /** The precompressed copy the client accepts (brotli first), as a CDN would pick it. A copy older than its
   * file is stale (the file was replaced after the build, as the update test does with sw.js) and not used. */
  async function encoded(req, path) {
    const accepted = new Set();
    for (const part of String(req.headers["accept-encoding"] ?? "").split(",")) {
      const [token, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      if (token && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(token);
    }
    for (const [token, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!accepted.has(token)) continue;
      const copy = `${path}${ext}`;
      const [original, info] = await Promise.all([stat(path), stat(copy).catch(() => null)]);
      if (info && info.mtimeMs >= original.mtimeMs) return { encoding: token, file: copy };
    }
    return null;
  }

  async function send(req, res, path, status = 200) {
    const compressible = TEXT.test(path);
    let body = null;
    if (rewrite && /\.(html|json)$/.test(path)) {
      const changed = rewrite(path, (await readFile(path)).toString("utf8"));
      if (typeof changed === "string") body = Buffer.from(changed, "utf8");
    }
    const pick = body === null && compressible ? await encoded(req, path) : null;
    body ??= await readFile(pick ? pick.file : path);
    res.writeHead(status, {
      ...extra,
      "content-type": types[extname(path)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-cache",
      ...(compressible ? { vary: "Accept-Encoding" } : {}),
      ...(pick ? { "content-encoding": pick.encoding } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  return createServer(async (req, res) => {
    if (down()) {
      req.socket.destroy();
      return;
    }
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (Object.hasOwn(files, url.pathname)) return await send(req, res, files[url.pathname]);
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
      const file = join(root, rel);
      if (!file.startsWith(root)) {
        res.writeHead(403, extra).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) return await send(req, res, file);
      if (info?.isDirectory()) {
        const index = join(file, "index.html");
        if (await stat(index).catch(() => null)) return await send(req, res, index);
      }
      if (extname(rel) === "") return await send(req, res, join(root, "index.html"));
      res.writeHead(404, { ...extra, "content-type": "text/plain" }).end("not found");
    } catch (e) {
      res.writeHead(500, { ...extra, "content-type": "text/plain" }).end(String(e));
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(process.argv[2] ?? "dist");
  const port = Number(process.env.PORT ?? process.argv[3] ?? 8090);
  distServer(root).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
}
