// A page fixture that fails the test on any uncaught page error (a wasm panic shows up as one) and on anything
// the Content-Security-Policy blocks.
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // With the panic hook (debug builds), a Rust panic also logs its message: keep it for the report.
    page.on("console", (m) => m.type() === "error" && m.text().includes("panicked") && errors.push(m.text()));
    // Every test runs under the deployment's Content-Security-Policy (public/_headers): anything the policy
    // blocks is an error too, since in production it would silently not work.
    page.on("console", (m) => m.type() === "error" && m.text().includes("Content Security Policy") && errors.push(m.text()));
    await use(errors);
    expect(errors, "uncaught page errors").toEqual([]);
  },
});
export { expect };

/** Cards currently in the DOM. */
export const cards = (page: Page) => page.getByTestId("card");

/** Scrolls to the bottom a few times, letting infinite scroll react. */
export async function scrollToEnd(page: Page, times = 1) {
  for (let i = 0; i < times; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(150);
  }
}

/** Serves config.json with writes enabled, so the app sends follows and visit events to the API. */
export async function writableApi(page: Page) {
  await page.route("**/config.json", (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ version: 1, api_base: "api/v1/", default_locale: "zh-CN", embed_origins: [], api_writes: true }),
    }),
  );
}

/** Answers the events endpoint with 200 and collects every batch the app posts, in order. */
export async function recordEvents(page: Page): Promise<any[]> {
  const batches: any[] = [];
  await page.route("**/api/v1/events", (route) => {
    batches.push(route.request().postDataJSON());
    return route.fulfill({ status: 200, contentType: "application/json", body: "{}" });
  });
  return batches;
}
