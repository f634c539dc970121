// A small W3C WebDriver client over plain HTTP (Node's fetch), enough for the other-engine suite. Playwright
// cannot drive Debian's stock WebKitGTK or Firefox ESR; both speak the W3C protocol through their drivers
// (WebKitWebDriver, geckodriver), so a few endpoints are all it takes, with no npm dependency to pin.
import { spawn } from "node:child_process";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** A failure that names the WebDriver command and the driver's own error. */
class DriverError extends Error {}

/** Starts a driver process on `port` and waits until its `/status` says it is ready. */
export async function startDriver(command, args, port, { env = process.env, log = null } = {}) {
  // Its own process group, so stopping it also stops what it started (xvfb-run starts Xvfb and the driver).
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
    if (log) log.write(chunk);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = null;
  child.on("exit", (code) => (exited = code));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (exited !== null) throw new DriverError(`${command} exited with ${exited}:\n${output.join("")}`);
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok && (await r.json()).value?.ready !== false) return { base, child, output };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  child.kill();
  throw new DriverError(`${command} did not answer on ${base}/status:\n${output.join("")}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One browser session. Every method is one WebDriver command. */
export class Session {
  static async create(base, capabilities) {
    const r = await request(base, "POST", "/session", { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, r.sessionId, r.capabilities);
  }

  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  quit() {
    return this.cmd("DELETE", "");
  }
  timeouts(t) {
    return this.cmd("POST", "/timeouts", t);
  }
  go(url) {
    return this.cmd("POST", "/url", { url });
  }
  url() {
    return this.cmd("GET", "/url");
  }
  back() {
    return this.cmd("POST", "/back", {});
  }
  /** Reloads the page as the page itself would (`location.reload()`), then waits for the new document.
   * WebDriver's own `refresh` waits for a load event in the driver, and WebKitWebDriver has been seen to miss
   * it and never answer (a CI run hung here for the full 300 s of Node's fetch). */
  async reload() {
    await this.run(() => {
      window.__beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await this.waitFor("the reloaded page", () => !window.__beforeReload && document.readyState === "complete");
  }
  setWindow(width, height) {
    return this.cmd("POST", "/window/rect", { width, height });
  }
  /** Runs `fn` (a function, sent as source) in the page with `args`; element references come back as such. */
  run(fn, ...args) {
    return this.cmd("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments)`, args: args.map(wrap) });
  }
  /** Like `run`, but `fn` may return a promise. */
  runAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ error: String(e && e.stack || e) }));`;
    return this.cmd("POST", "/execute/async", { script, args: args.map(wrap) }).then((r) => {
      if (r && "error" in r) throw new DriverError(`script failed: ${r.error}`);
      return r?.ok;
    });
  }
  /** The first element matching `css`, as an element reference. */
  async find(css) {
    return (await this.cmd("POST", "/element", { using: "css selector", value: css }))[ELEMENT];
  }
  /** A real pointer click, which the driver performs as a user would (hit-tested). The element is scrolled to
   * the middle of the viewport first: the driver's own scrolling leaves a half-visible card where it is, with
   * its middle under the sticky header. */
  async click(css) {
    const el = await this.find(css);
    await this.cmd("POST", "/execute/sync", { script: "arguments[0].scrollIntoView({ block: 'center' })", args: [{ [ELEMENT]: el }] });
    await this.cmd("POST", `/element/${el}/click`, {});
  }
  async enterFrame(css) {
    const el = await this.find(css);
    await this.cmd("POST", "/frame", { id: { [ELEMENT]: el } });
  }
  leaveFrames() {
    return this.cmd("POST", "/frame", { id: null });
  }
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
  /** Polls `fn` in the page until it returns something truthy other than `{ pending }`; returns that value.
   * `{ pending: detail }` means "not yet", with a detail the timeout message shows. */
  async waitFor(what, fn, { timeout = 15_000, args = [] } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.run(fn, ...args);
        if (last && !(typeof last === "object" && "pending" in last)) return last;
      } catch (e) {
        last = e.message;
      }
      if (Date.now() > end) throw new DriverError(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await sleep(150);
    }
  }
}

const wrap = (a) => (a && a.element ? { [ELEMENT]: a.element } : a);

/** How long one command may take. Every command the suite sends answers in well under a second, or waits for a
 * page load that has its own 30 s timeout; a driver that has not answered in this time has hung, and the
 * failure should say which command hung instead of Node's bare "fetch failed" five minutes later. */
const COMMAND_DEADLINE_MS = 60_000;

async function request(base, method, path, body) {
  let r, text;
  try {
    r = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(COMMAND_DEADLINE_MS),
    });
    text = await r.text();
  } catch (e) {
    const why = e.name === "TimeoutError" ? `no answer in ${COMMAND_DEADLINE_MS / 1000} s` : `${e.message} (${e.cause?.message ?? "no cause"})`;
    throw new DriverError(`${method} ${path}: ${why}`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DriverError(`${method} ${path}: HTTP ${r.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (!r.ok || json.value?.error) {
    const v = json.value ?? {};
    throw new DriverError(`${method} ${path}: ${v.error ?? r.status}: ${v.message ?? text.slice(0, 300)}`);
  }
  return json.value;
}

export { ELEMENT, DriverError };
