// Static server for a built dist/ with an SPA fallback, used by the end-to-end tests and `make preview`.
// Paths without a file extension get index.html (deep links work on reload); a missing file with an
// extension is a real 404, so the app can tell "no such item" from a page. Every response carries the
// headers of dist/_headers (public/_headers: the Content-Security-Policy), so the tests run the release
// build exactly as it is meant to be deployed. Loopback only.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.env.PORT ?? process.argv[3] ?? 8090);
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
const extra = deployHeaders(join(root, "_headers"));

async function send(res, path, status = 200) {
  const body = await readFile(path);
  res.writeHead(status, {
    ...extra,
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "content-length": body.length,
    "cache-control": "no-cache",
  });
  res.end(body);
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403, extra).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return await send(res, file);
    if (info?.isDirectory()) {
      const index = join(file, "index.html");
      if (await stat(index).catch(() => null)) return await send(res, index);
    }
    if (extname(rel) === "") return await send(res, join(root, "index.html"));
    res.writeHead(404, { ...extra, "content-type": "text/plain" }).end("not found");
  } catch (e) {
    res.writeHead(500, { ...extra, "content-type": "text/plain" }).end(String(e));
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
