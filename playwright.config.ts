// End-to-end tests against the release build in dist/, served by scripts/serve-dist.mjs, in Debian's
// Chromium (Playwright never downloads a browser here).
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8091);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "target/playwright",
  fullyParallel: true,
  workers: 2,
  // One retry on CI only: a rare timing flake must not block a landing, and Playwright still reports it
  // as "flaky" in the output.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    // Routes (page.route) cannot see requests a service worker makes; the offline tests opt back in.
    serviceWorkers: "block",
    viewport: { width: 412, height: 915 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node scripts/serve-dist.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/config.json`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
