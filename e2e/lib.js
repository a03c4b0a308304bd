// Shared by the end-to-end tests and the screenshot/bench scripts: a static server over dist/
// on 127.0.0.1 and a headless Chromium that cannot reach the network.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

const DIST = resolve(import.meta.dirname, "..", process.env.DIST_DIR || "dist");
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json",
  ".xml": "application/atom+xml", ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
};

/** The policy every test page is served under: no inline script or style, wasm allowed. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Serves dist/ (or another build folder) on a free loopback port, under the strict CSP;
 * resolves to { url, close }. With `gzip`, compresses as static hosts do (for Lighthouse, whose
 * simulated network charges every byte). `delay(path)` may name milliseconds to hold a file back. */
export async function serveDist(dir = DIST, { gzip = false, delay = () => 0 } = {}) {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`no build in ${dir}: run trunk build --release first`);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, path);
    const wait = delay(path);
    if (wait) await new Promise((ok) => setTimeout(ok, wait));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "content-security-policy": CSP };
      const squeeze = gzip && extname(file) !== ".svg" && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
      if (squeeze) headers["content-encoding"] = "gzip";
      res.writeHead(200, headers);
      res.end(squeeze ? gzipSync(body) : body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export function chromePath() {
  const found = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .find((p) => p && existsSync(p));
  if (!found) throw new Error("no Chromium found: install it or set CHROME_PATH");
  return found;
}

export function launch() {
  return chromium.launch({
    executablePath: chromePath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh page that records console errors, page errors and CSP violations in `page.errors`,
 * opened once the wasm has taken over (the prerendered page shows the table before that). */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.exposeFunction("__cspViolation", (v) => page.errors.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
    addEventListener("TrunkApplicationStarted", () => { window.__started = true; });
  });
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await page.waitForFunction(() => window.__started === true);
  await page.waitForSelector("main .summary");
  return page;
}

/** Waits until `box` (a locator) shows no "Loading…" for words of the prose file, which the
 * page fetches when a popover or a platform's details first opens. */
export const wordsArrived = (box) => box.locator(".prose-pending").first().waitFor({ state: "detached" });

/** What a person sees without scrolling, measured in the page: platforms whose name, RAM and Max
 * session are wholly inside the window, the height above the table, the median row height, and
 * (phone width) the first card's top and the fewest whole cards one screen holds. */
export function firstScreen(page) {
  return page.evaluate(() => {
    const inside = (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; };
    const table = document.querySelector(".results-table");
    if (table && getComputedStyle(table).display !== "none") {
      const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
      const cols = ["RAM", "Max session"].map((l) => heads.findIndex((h) => h.startsWith(l)));
      const rows = [...table.querySelectorAll("tbody tr:not(.detail):not(.retired)")];
      const heights = rows.map((r) => r.getBoundingClientRect().height).sort((a, b) => a - b);
      return {
        rowsInView: rows.filter((tr) => inside(tr.querySelector("a.name")) && cols.every((i) => i >= 0 && inside(tr.children[i]))).length,
        aboveTable: Math.round(table.getBoundingClientRect().top + scrollY),
        rowHeight: Math.round(heights[Math.floor(heights.length / 2)]),
      };
    }
    const cards = [...document.querySelectorAll(".card")].map((c) => c.getBoundingClientRect());
    return {
      firstCardTop: Math.round(cards[0].top + scrollY),
      cardsPerScreen: Math.min(...cards.slice(0, -3).map((c) => cards.filter((d) => d.top >= c.top && d.bottom <= c.top + innerHeight).length)),
    };
  });
}
