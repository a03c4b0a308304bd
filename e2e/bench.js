// What the page costs, side by side with a plain-JS page that shows the same rows (generated here
// from the same data, not committed): transfer size, first table row, first contentful paint,
// first working sort, re-sort and filter tick, median of several runs in headless Chromium on
// loopback, at the real size and at 1,000 generated rows. Figures only; nothing here passes or fails.
// Usage: node e2e/bench.js [runs]             (after scripts/bench.sh built both dists)
//        node e2e/bench.js --make-data FILE N  (writes a dataset of N rows made from the real one)
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { serveDist, launch } from "./lib.js";

const root = resolve(import.meta.dirname, "..");
const data = JSON.parse(readFileSync(join(root, "assets/platforms.json"), "utf8"));

if (process.argv[2] === "--make-data") {
  writeFileSync(process.argv[3], JSON.stringify(scaled(data, Number(process.argv[4]))));
  process.exit(0);
}

/** The real dataset grown to `n` platforms: copies with their own ids, names and amounts. */
function scaled(data, n) {
  const out = structuredClone(data);
  const base = data.platforms.filter((p) => p.snapshots.today);
  out.platforms = [];
  for (let i = 0; out.platforms.length < n; i++) {
    const p = structuredClone(base[i % base.length]);
    const k = Math.floor(i / base.length);
    p.id = `${p.id}-${k}`;
    p.name = `${p.name} ${k}`;
    // Unique and within the data's 24 characters (k stays under 1,000).
    p.short_name = `${p.short_name.slice(0, 20)} ${k}`;
    delete p.snapshots["2019"];
    // The amounts below change, so the history (which must end at today's values) would not hold.
    delete p.history;
    for (const fact of Object.values(p.snapshots.today.facts)) {
      if (typeof fact.number === "number") {
        fact.number = Math.round(fact.number * (1 + ((i * 37) % 23) / 10) * 10) / 10;
        if (fact.low !== undefined && fact.low >= fact.number) delete fact.low;
      }
    }
    out.platforms.push(p);
  }
  // The build refuses a source that nothing cites: keep the ones the kept platforms cite.
  const cited = new Set();
  const cite = (ids) => [ids ?? []].flat().forEach((id) => cited.add(id));
  for (const p of out.platforms) {
    cite(p.status.source);
    for (const fact of Object.values(p.snapshots.today.facts)) {
      cite(fact.source);
      cite(fact.alt?.source);
    }
    // The GPU allowance, its other reading and their prices cite sources too.
    for (const a of [p.gpu_allowance, p.gpu_allowance?.alt]) {
      cite(a?.source);
      for (const price of a?.prices ?? []) cite(price.source);
    }
  }
  for (const gpu of Object.values(out.gpus ?? {})) cite(gpu.source);
  out.sources = Object.fromEntries(Object.entries(out.sources).filter(([id]) => cited.has(id)));
  return out;
}

const FIELDS = [["gpu", "GPU"], ["gpu_quota", "GPU time"], ["ram", "RAM"], ["session", "Max session"],
  ["idle", "Idle timeout"], ["card", "Card needed"], ["phone", "Phone check"]];
const FACTOR = { GB: 1, MB: 0.001, h: 1, min: 1 / 60, "h/week": 1, "h/day": 7, "h/month": 7 * 12 / 365.25, "min/day": 7 / 60, cores: 1 };

/** A plain page: one HTML file and one script with the rows as data, sorting and one filter. */
function writePlainPage(dir, data) {
  mkdirSync(dir, { recursive: true });
  const rows = data.platforms.map((p) => {
    const facts = { ...(p.snapshots["2019"]?.facts ?? {}), ...(p.snapshots.today?.facts ?? {}) };
    const cells = FIELDS.map(([id]) => {
      const f = facts[id] ?? { unknown: "" };
      if (typeof f.number === "number") return [`${f.up_to ? "up to " : ""}${f.number} ${f.unit}`, f.number * FACTOR[f.unit]];
      if (typeof f.bool === "boolean") return [f.bool ? "yes" : "no", f.bool ? 1 : 0];
      if (Array.isArray(f.list)) return [f.list.join(", ") || "none", f.list.length];
      if ("none" in f) return [f.none, -Infinity];
      return ["unknown", null];
    });
    const gpu = facts.gpu ?? {};
    return { name: p.name, cells, gpu: gpu.bool === true || (Array.isArray(gpu.list) && gpu.list.length > 0) };
  });
  writeFileSync(join(dir, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title>
<script type="module" src="./plain.js"></script></head><body><main><label><input type="checkbox" value="gpu"> Free GPU</label>
<p class="summary"></p><table><thead><tr><th><button>Platform</button></th>${FIELDS.map(([, l]) => `<th><button>${l}</button></th>`).join("")}</tr></thead><tbody></tbody></table></main></body></html>`);
  writeFileSync(join(dir, "plain.js"), `const rows = ${JSON.stringify(rows)};
let sort = -1, desc = false, gpu = false;
const tbody = document.querySelector("tbody");
function draw() {
  const shown = rows.filter((r) => !gpu || r.gpu);
  if (sort >= 0) shown.sort((a, b) => {
    const x = a.cells[sort][1], y = b.cells[sort][1];
    if (x === null || y === null) return (x === null) - (y === null);
    return (desc ? y - x : x - y) || a.name.localeCompare(b.name);
  });
  tbody.replaceChildren(...shown.map((r) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th"); th.scope = "row"; th.textContent = r.name; tr.append(th);
    for (const [text] of r.cells) { const td = document.createElement("td"); td.textContent = text; tr.append(td); }
    return tr;
  }));
  document.querySelector(".summary").textContent = shown.length + " of " + rows.length + " platforms shown.";
}
document.querySelectorAll("thead button").forEach((b, i) => b.addEventListener("click", () => {
  const col = i - 1; desc = col === sort ? !desc : true; sort = col;
  document.querySelectorAll("thead th").forEach((th) => th.removeAttribute("aria-sort"));
  b.parentElement.setAttribute("aria-sort", desc ? "descending" : "ascending");
  draw();
}));
document.querySelector("input").addEventListener("change", (e) => { gpu = e.target.checked; draw(); });
draw();
`);
}

// What the default page loads: not the page for readers without JavaScript or its stylesheet,
// nor the published data files and feeds (linked, not fetched; one feed-<id>.xml per platform with a
// history), nor the prose file (fetched when a popover or a platform's details first opens; printed on its own).
const OFF_PAGE = ["table.html", "noscript.css", "feed.xml", "llms.txt", "platforms.json", "platforms.csv",
  "platforms.schema.json"];
const onPage = (f) => !f.startsWith(".") && !OFF_PAGE.includes(f) && !/^prose-[0-9a-f]{16}\.json$/.test(f) &&
  !/^feed-[a-z0-9-]+\.xml$/.test(f);

function sizes(dir) {
  let raw = 0, gz = 0;
  const files = readdirSync(dir).filter(onPage).map((f) => {
    const body = readFileSync(join(dir, f));
    const g = gzipSync(body, { level: 9 }).length;
    raw += body.length; gz += g;
    return [f, body.length, g];
  });
  return { files, raw, gz };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians over `runs` fresh loads of one page. */
async function measure(browser, url, runs, { sortLabel, filter }) {
  const first = [], paint = [], ready = [], resort = [], tick = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript((label) => {
      new MutationObserver((_, obs) => {
        if (document.querySelector("tbody tr")) { window.__firstRow = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
      // The first working sort: click the header every frame until the table says it is sorted.
      const poke = () => {
        const button = [...document.querySelectorAll("thead th button")].find((b) => b.textContent.startsWith(label));
        if (button?.closest("th").getAttribute("aria-sort") === "descending") { window.__firstSort = performance.now(); return; }
        button?.click();
        requestAnimationFrame(poke);
      };
      requestAnimationFrame(poke);
    }, sortLabel);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstSort !== undefined, null, { timeout: 60000 });
    first.push(await page.evaluate(() => window.__firstRow));
    paint.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
    ready.push(await page.evaluate(() => window.__firstSort));
    const timed = (selector) => page.evaluate((selector) => new Promise((done) => {
      const start = performance.now();
      new MutationObserver((_, obs) => { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - start)); })
        .observe(document.querySelector("tbody"), { childList: true, subtree: true, characterData: true });
      document.querySelector(selector).click();
    }), selector);
    resort.push(await timed(`thead th[aria-sort] button`));
    tick.push(await timed(filter));
    await context.close();
  }
  return { first: median(first), paint: median(paint), ready: median(ready), resort: median(resort), tick: median(tick) };
}

const runs = Number(process.argv[2] || 7);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ours = sizes(join(root, "dist"));
console.log("our page, file by file              raw        gzip");
for (const [f, r, g] of ours.files) console.log(`${f.padEnd(34)} ${kb(r).padStart(9)} ${kb(g).padStart(10)}`);
console.log(`${"total".padEnd(34)} ${kb(ours.raw).padStart(9)} ${kb(ours.gz).padStart(10)}`);
for (const f of readdirSync(join(root, "dist")).filter((f) => /^prose-/.test(f))) {
  const body = readFileSync(join(root, "dist", f));
  console.log(`${`${f} (on demand)`.padEnd(34)} ${kb(body.length).padStart(9)} ${kb(gzipSync(body, { level: 9 }).length).padStart(10)}`);
}
console.log();

const browser = await launch();
const table = [];
for (const [label, dist, dataset] of [
  [`${data.platforms.length} rows`, join(root, "dist"), data],
  ["1,000 rows", join(root, "target/bench/dist-1000"), existsSync(join(root, "target/bench/platforms-1000.json")) ? JSON.parse(readFileSync(join(root, "target/bench/platforms-1000.json"), "utf8")) : null],
]) {
  if (!dataset || !existsSync(join(dist, "index.html"))) { console.log(`(${label}: no build; run scripts/bench.sh)`); continue; }
  const plainDir = join(root, "target/bench", `plain-${dataset.platforms.length}`);
  writePlainPage(plainDir, dataset);
  const [a, b] = [await serveDist(dist), await serveDist(plainDir)];
  const mine = await measure(browser, a.url, runs, { sortLabel: "RAM", filter: "input[value=gpu]:not([name=col])" });
  const plain = await measure(browser, b.url, runs, { sortLabel: "RAM", filter: "input[value=gpu]:not([name=col])" });
  await a.close(); await b.close();
  const size = [sizes(dist).gz, sizes(plainDir).gz];
  table.push([label, "first table row (ms)", mine.first, plain.first]);
  table.push([label, "first contentful paint (ms)", mine.paint, plain.paint]);
  table.push([label, "first working sort (ms)", mine.ready, plain.ready]);
  table.push([label, "re-sort to next frame (ms)", mine.resort, plain.resort]);
  table.push([label, "filter tick to next frame (ms)", mine.tick, plain.tick]);
  table.push([label, "transfer, gzip (KB)", size[0] / 1024, size[1] / 1024]);
}
await browser.close();
console.log(`headless Chromium, loopback, no throttling, median of ${runs} runs; plain = the generated plain-JS page`);
console.log(`${"size".padEnd(12)}${"measure".padEnd(32)}${"ours".padStart(10)}${"plain".padStart(10)}${"ratio".padStart(8)}`);
for (const [size, what, mine, plain] of table) {
  console.log(`${size.padEnd(12)}${what.padEnd(32)}${mine.toFixed(1).padStart(10)}${plain.toFixed(1).padStart(10)}${(mine / plain).toFixed(1).padStart(7)}×`);
}
