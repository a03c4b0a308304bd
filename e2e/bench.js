// Prints what the page costs: transfer sizes (raw and gzip) of the release build, and in headless
// Chromium the time to the first table and to a re-sort, median of several runs.
// Usage: node e2e/bench.js [runs]   (after trunk build --release)
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { serveDist, launch } from "./lib.js";

const runs = Number(process.argv[2] || 7);
const dist = new URL("../dist/", import.meta.url).pathname;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let raw = 0, gz = 0;
console.log("file                                      raw        gzip");
for (const f of readdirSync(dist).filter((f) => !f.startsWith("."))) {
  const body = readFileSync(join(dist, f));
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length; gz += g;
  console.log(`${f.padEnd(40)} ${kb(body.length).padStart(9)} ${kb(g).padStart(10)}`);
}
console.log(`${"total".padEnd(40)} ${kb(raw).padStart(9)} ${kb(gz).padStart(10)}`);

const server = await serveDist();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = [], sort = [], filter = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector("tbody tr")) { window.__firstTable = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForSelector("tbody tr");
  first.push(await page.evaluate(() => window.__firstTable));
  // A click, then the time until the DOM changed and a frame was painted.
  const timed = (selector) => page.evaluate((selector) => new Promise((done) => {
    const start = performance.now();
    new MutationObserver((_, obs) => { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - start)); })
      .observe(document.querySelector("main"), { childList: true, subtree: true, characterData: true });
    document.querySelector(selector).click();
  }), selector);
  sort.push(await timed("thead th:nth-child(8) button"));
  filter.push(await timed("input[value=gpu]"));
  await context.close();
}
await browser.close();
await server.close();
console.log(`\nheadless Chromium, median of ${runs} runs (loopback, no throttling):`);
console.log(`  first table rendered  ${median(first).toFixed(0)} ms after navigation start`);
console.log(`  re-sort by RAM        ${median(sort).toFixed(1)} ms to next frame`);
console.log(`  tick a filter         ${median(filter).toFixed(1)} ms to next frame`);
