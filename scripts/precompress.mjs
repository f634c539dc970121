// Part of the Trunk post_build hook (scripts/post-build.mjs), last: writes `name.br` (brotli, quality 11) and
// `name.gz` (gzip, level 9) beside every text file of the build, as a CDN would serve them, so the test server
// (scripts/serve-dist.mjs), the end-to-end suites, `make bench` and `make audit` all see compressed responses,
// and a static host that serves precompressed files (nginx `gzip_static` / `brotli_static`, Caddy
// `precompressed`) can ship dist/ as it is. Files under 512 bytes, or that compression would not shrink, are
// left alone: a CDN does not compress those either.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Extensions worth compressing: everything but images that are already compressed and video. */
export const TEXT = /\.(html|js|mjs|wasm|css|json|svg|webmanifest|txt)$/;
const MIN_BYTES = 512;

/** Compresses every text file under `dir`; returns how many files got encoded copies. */
export function precompress(dir) {
  let count = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEXT.test(entry.name) && statSync(path).size >= MIN_BYTES) {
        const body = readFileSync(path);
        const br = brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            [constants.BROTLI_PARAM_MODE]: entry.name.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
          },
        });
        const gz = gzipSync(body, { level: 9 });
        if (br.length < body.length) writeFileSync(`${path}.br`, br);
        if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
        count++;
      }
    }
  };
  walk(dir);
  return count;
}

if (process.env.TRUNK_STAGING_DIR) {
  const started = Date.now();
  const n = precompress(process.env.TRUNK_STAGING_DIR);
  console.log(`precompressed ${n} files (.br, .gz) in ${Date.now() - started} ms`);
}
