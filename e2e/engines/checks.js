// The checks Firefox and WebKit both run, on a copy of the release build with engines/probe.js
// first in <head>, served under the strict CSP. Each engine's file hands over a small driver:
// goto(url), eval(fn, arg), click(selector) (a real pointer click), press(key) ("Tab", "Escape":
// a real key), wheel(selector, dy) (a real wheel over the element), resize(width, height) (of the
// viewport), close(); optionally rest() (the pointer off the page's values).
// A driver may also name `downloads`: the folder its engine saves downloads in.
// Controls are found by what the page keeps through layout changes: every <details> opened first,
// then inputs by name and value, value cells by data-f (and their platform by data-p), sort
// headers by their text, and the address bar. A control in a folded <details> menu is unfolded
// first (only its own menus: the drop-downs of others would lie over it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serveDist } from "../lib.js";

const root = resolve(import.meta.dirname, "../..");
const data = JSON.parse(readFileSync(join(root, "assets/platforms.json"), "utf8"));

// Oracles from the data file: platforms as the cells name them (data-p, the index in the file).
const platformsWhere = (keep) => data.platforms.flatMap((p, i) => (keep(p) ? [String(i)] : [])).sort();
const todayOr2019 = (p, field) => p.snapshots.today?.facts[field] ?? p.snapshots["2019"]?.facts[field];
// Today a retired platform is one folded line without values; in 2019 it has them.
const retired = (p) => p.status?.state === "retired";
const TODAY = platformsWhere((p) => !retired(p));
const WITH_GPU = platformsWhere((p) => {
  const gpu = todayOr2019(p, "gpu") ?? {};
  return !retired(p) && (gpu.bool === true || (Array.isArray(gpu.list) && gpu.list.length > 0));
});
const IN_2019 = platformsWhere((p) => "2019" in p.snapshots);
const LIGHTNING = String(data.platforms.findIndex((p) => p.id === "lightning-ai"));
const COLAB_KAGGLE = platformsWhere((p) => p.id === "colab" || p.id === "kaggle");

/** A RAM cell's amount in GB (the upper end of a range), or null for unknown and none. */
function gigabytes(text) {
  const m = text.match(/(?:[\d.]+–)?([\d.]+) (GB|MB|TB)\b/);
  return m ? Number(m[1]) * { GB: 1, MB: 1 / 1000, TB: 1000 }[m[2]] : null;
}

/** dist/ copied with the probe first in <head> and an empty same-origin page to hold frames. */
function probedCopy() {
  const dir = mkdtempSync(join(tmpdir(), "freeml-engines-"));
  cpSync(resolve(root, process.env.DIST_DIR || "dist"), dir, { recursive: true });
  const index = readFileSync(join(dir, "index.html"), "utf8");
  assert.match(index, /<script [^>]*src="\.\/early-[^"]*\.js"/, "early.js, to hold back, is in the build");
  writeFileSync(join(dir, "index.html"), index.replace("<head>", '<head><script src="./probe.js"></script>'));
  cpSync(join(import.meta.dirname, "probe.js"), join(dir, "probe.js"));
  writeFileSync(join(dir, "host.html"), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title>'
    + '<script src="./probe.js"></script></head><body></body></html>');
  return dir;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Splits RFC 4180 CSV into rows of fields (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  return rows;
}

/** A number of the data file in its field's canonical unit (GB for RAM). */
const inGigabytes = (fact) => fact.number * { GB: 1, MB: 1 / 1000 }[fact.unit];

/** Registers the checks for one engine; `start()` resolves to its driver. */
/** Where each engine's screenshots go, beside Chromium's (e2e/screenshots.js), to look at. */
const SHOTS = join(import.meta.dirname, "..", "screenshots");

export function engineSuite(engine, start) {
  let dir, server, b;
  const shot = (name) => { mkdirSync(SHOTS, { recursive: true }); return b.screenshot(join(SHOTS, `${engine.toLowerCase()}-${name}.png`)); };
  let holdEarly = 0; // ms to hold early.js back
  let holdWasm = 0; // ms to hold the wasm back
  before(async () => {
    dir = probedCopy();
    server = await serveDist(dir, { delay: (path) => (/^\/early-[^/]*\.js$/.test(path) ? holdEarly : /\.wasm$/.test(path) ? holdWasm : 0) });
    b = await start();
  });
  after(async () => {
    await b?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Polls `fn(arg)` in the page until it is truthy (a plain value: drivers differ on elements). */
  async function until(what, fn, arg = null, timeout = 15000) {
    for (const end = Date.now() + timeout; ;) {
      const value = await b.eval(fn, arg);
      if (value) return value;
      if (Date.now() > end) throw new Error(`${engine}: timed out waiting for ${what}`);
      await sleep(50);
    }
  }
  /** Opens the page at `query` once the app has taken over and lifted a shared link's cover. */
  async function open(query = "") {
    await b.goto(server.url + query);
    await until("the app to start", () => window.__probe.started);
    await until("the cover to be lifted", () => !document.documentElement.classList.contains("pending"));
  }
  /** Clicks the first element matching `selector` (whose text starts with `text`) that is visible
   * once the <details> around it are open. */
  async function click(selector, text = "") {
    const found = await b.eval(([selector, text]) => {
      document.querySelectorAll("[data-engine-target]").forEach((e) => e.removeAttribute("data-engine-target"));
      const el = [...document.querySelectorAll(selector)].find((e) => {
        if (!e.textContent.trim().startsWith(text)) return false;
        for (let d = e.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
        return e.getClientRects().length > 0;
      });
      el?.setAttribute("data-engine-target", "");
      // In the middle of the window, clear of sticky headers and columns.
      el?.scrollIntoView({ block: "center", inline: "center" });
      return Boolean(el);
    }, [selector, text]);
    assert.ok(found, `${engine}: nothing visible matches ${selector} ${text}`);
    await b.click("[data-engine-target]");
  }
  /** The platforms (data-p) of the visible cells matching `selector`, in page order. */
  const platformsIn = (selector) => b.eval((selector) => [...document.querySelectorAll(selector)]
    .filter((e) => e.getClientRects().length).map((e) => e.dataset.p), selector);
  const addressHas = (part) => until(`the address to hold ${part}`, (part) => location.search.includes(part), part);
  /** The open popover's box, its value button's box and the window's size. */
  const popover = () => b.eval(() => {
    const button = document.querySelector("button.value[aria-expanded=true]");
    const pop = button && document.getElementById(button.getAttribute("aria-controls"));
    const box = (e) => e && e.getBoundingClientRect().toJSON();
    return { button: box(button), pop: box(pop), focused: button !== null && document.activeElement === button,
      width: innerWidth, height: innerHeight };
  });
  function assertBeside({ button, pop, width, height }, what) {
    assert.ok(pop, `${engine}: ${what}: no popover open`);
    const inside = pop.top >= 0 && pop.left >= 0 && pop.bottom <= height && pop.right <= width;
    assert.ok(inside, `${engine}: ${what}: popover at ${JSON.stringify(pop)}, outside the ${width}×${height} window`);
    const gap = pop.top >= button.bottom - 1 ? pop.top - button.bottom : button.top - pop.bottom;
    assert.ok(gap >= -1 && gap <= 12, `${engine}: ${what}: popover ${gap.toFixed(0)} px from its value `
      + `(${pop.top.toFixed(0)}–${pop.bottom.toFixed(0)} beside ${button.top.toFixed(0)}–${button.bottom.toFixed(0)})`);
  }
  /** Errors and CSP violations the probe saw in the page and its same-origin frames. */
  const errors = () => b.eval(() => [window, ...[...document.querySelectorAll("iframe")].map((f) => f.contentWindow)]
    .flatMap((w) => { try { return w.__probe?.errors ?? []; } catch { return []; } }));
  /** One check: a test that ends with no console error and no CSP violation. */
  const check = (name, body) => test(`${engine}: ${name}`, async () => {
    await body();
    assert.deepEqual(await errors(), [], `${engine}: console errors or CSP violations`);
  });
  /** An iframe of the host page, loaded; resolves once `ready` holds in the frame. */
  async function frame(attributes, ready) {
    await b.goto(server.url + "host.html");
    await b.eval((attributes) => {
      const f = document.createElement("iframe");
      for (const [k, v] of Object.entries(attributes)) f.setAttribute(k, v);
      document.body.append(f);
    }, attributes);
    await until("the frame", ready);
  }

  check("the prerendered rows load and hydrate in place", async () => {
    await b.goto(server.url);
    await until("the app to start", () => window.__probe.started);
    assert.deepEqual((await platformsIn("td[data-f=ram]")).sort(), TODAY, `${engine}: every platform has its values`);
    const kept = await b.eval(() => window.__probe.prerendered.length > 0 && window.__probe.prerendered.every((tr) => tr.isConnected));
    assert.ok(kept, `${engine}: hydration replaced the prerendered rows instead of taking them over`);
    const count = data.platforms.length;
    assert.match(await b.eval(() => document.querySelector("main .summary").textContent), new RegExp(`\\b${count} of ${count}\\b`));
    await shot("page");
  });

  check("a click on the RAM header sorts by RAM, largest first, unknowns last", async () => {
    await open();
    await click("thead th button", "RAM");
    await until("RAM sorted descending", () => {
      const th = document.querySelector("thead th[aria-sort]");
      return th?.querySelector("button").textContent.trim().startsWith("RAM") && th.getAttribute("aria-sort") === "descending";
    });
    const texts = await b.eval(() => [...document.querySelectorAll("td[data-f=ram] button.value")].filter((e) => e.getClientRects().length)
      .map((b) => [...b.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("")));
    const amounts = texts.map(gigabytes);
    const firstUnknown = amounts.indexOf(null);
    const known = firstUnknown < 0 ? amounts : amounts.slice(0, firstUnknown);
    assert.ok(known.length >= 5, `${engine}: amounts ${texts}`);
    assert.deepEqual(known, known.toSorted((x, y) => y - x), `${engine}: largest first: ${texts}`);
    assert.ok(amounts.slice(known.length).every((a) => a === null), `${engine}: unknowns last: ${texts}`);
    await addressHas("sort=-ram");
  });

  check("the Must-have GPU box keeps exactly the platforms with a free GPU", async () => {
    await open();
    await click("input[name=f][value=gpu]");
    await addressHas("f=gpu");
    await until("the rows to filter", (n) => document.querySelectorAll("td[data-f=ram]").length === n, WITH_GPU.length);
    assert.deepEqual((await platformsIn("td[data-f=ram]")).sort(), WITH_GPU);
    assert.match(await b.eval(() => document.querySelector("main .summary").textContent), new RegExp(`\\b${WITH_GPU.length}\\b`));
  });

  check("a shared link paints its own view first, also with early.js held back 500 ms", async () => {
    for (const hold of [0, 500]) {
      holdEarly = hold;
      try {
        await b.goto(server.url + "?sort=-ram&f=gpu");
        await until("the app to start", () => window.__probe.started);
      } finally { holdEarly = 0; }
      const lifted = await until("the cover to be lifted", () => !document.documentElement.classList.contains("pending"))
        .then(() => true, () => false);
      // The probe records on the next animation frame: wait for one after the cover is lifted.
      await until("a frame that shows the rows", () => window.__probe.shown.length > 0).catch(() => {});
      const shown = await b.eval(() => window.__probe.shown);
      assert.ok(shown.length > 0 && shown.every((s) => s.startsWith("RAM")),
        `${engine}: early.js held ${hold} ms: the rows were painted sorted by ${JSON.stringify(shown)}, not only by RAM`);
      assert.ok(lifted, `${engine}: early.js held ${hold} ms: the page stays covered`);
      assert.deepEqual((await platformsIn("td[data-f=ram]")).sort(), WITH_GPU);
      assert.equal(await b.eval(() => location.search), "?sort=-ram&f=gpu");
      assert.deepEqual(await errors(), [], `${engine}: early.js held ${hold} ms: console errors or CSP violations`);
    }
  });

  check("a sort header, a compare box and Columns choices clicked before the wasm arrives are applied once it has", async () => {
    holdWasm = 8000;
    try {
      await b.goto(server.url);
      // On the prerendered page: RAM's header, Kaggle's compare box, the Hardware preset, then the
      // Account box on top of it.
      await click("thead th button", "RAM");
      await click(".results-table input[name=cmp][value=kaggle]");
      await click("input[name=preset][value=hardware]");
      await click("input[name=cols][value=account]");
      assert.equal(await b.eval(() => window.__probe.started), false, `${engine}: the clicks came after the wasm: hold it longer`);
    } finally { holdWasm = 0; }
    await until("the app to start", () => window.__probe.started);
    await addressHas("sort=-ram");
    await addressHas("cmp=kaggle");
    const heads = await b.eval(() => [...document.querySelectorAll(".results-table thead th button")].map((b) => b.value).sort());
    assert.deepEqual(heads, ["account", "cpu_cores", "disk", "gpu", "gpu_memory", "name", "ram", "storage", "tpu"], `${engine}: columns`);
    const sorted = await b.eval(() => [document.querySelector("thead th[aria-sort] button")?.value, document.querySelector("thead th[aria-sort]")?.getAttribute("aria-sort")]);
    assert.deepEqual(sorted, ["ram", "descending"], `${engine}: the early header click`);
    assert.match(await b.eval(() => document.querySelector(".compare-hint")?.textContent ?? ""), /Kaggle Notebooks is chosen to compare/);
  });

  check("a click on a value opens its popover beside it, inside the window, with its sources from the prose file", async () => {
    await open();
    await click("td[data-f=ram] button.value");
    await until("the popover", () => document.querySelector("button.value[aria-expanded=true]") !== null);
    // The sources' titles and links come from the prose file, fetched on this first popover.
    await until("the words of the prose file", () => {
      const pop = document.querySelector(".pop");
      return pop?.querySelector(".pop-sources a") && !pop.querySelector(".prose-pending");
    });
    const [p, links] = await b.eval(() => {
      const pop = document.querySelector(".pop");
      return [pop.closest("td").dataset.p, [...pop.querySelectorAll(".pop-sources a")].map((a) => [a.textContent, a.href])];
    });
    const platform = data.platforms[Number(p)];
    const fact = (platform.snapshots.today ?? platform.snapshots["2019"]).facts.ram;
    const want = [fact.source].flat().map((id) => [data.sources[id].title, data.sources[id].url]);
    assert.deepEqual(links, want, `${engine}: ${platform.id}'s RAM sources`);
    // Placed again now that the words made it taller.
    assertBeside(await popover(), "click");
    await shot("popover");
  });

  check("keyboard focus on a value below the fold opens its popover beside it, inside the window", async () => {
    // A short window, so that one-line rows still reach below the fold.
    await b.resize(1280, 600);
    try { await focusBelowTheFold(); } finally { await b.resize(1280, 900); }
  });
  async function focusBelowTheFold() {
    await open();
    await b.rest?.();
    // Focus the element before the last RAM value without scrolling, then Tab onto that value:
    // the engine scrolls it into view as a keyboard user would see it.
    const below = await b.eval(() => {
      const focusable = [...document.querySelectorAll("a[href], button, input, select, summary, [tabindex]")]
        .filter((e) => e.getClientRects().length && !e.disabled && e.tabIndex >= 0);
      const values = [...document.querySelectorAll("td[data-f=ram] button.value")].filter((e) => e.getClientRects().length);
      const target = values.at(-1);
      target.setAttribute("data-engine-target", "");
      focusable[focusable.indexOf(target) - 1].focus({ preventScroll: true });
      return target.getBoundingClientRect().top > innerHeight;
    });
    assert.ok(below, `${engine}: the last RAM value should start below the fold`);
    // Escape closes the popover of the element before if it is a value, so Tab goes on to ours
    // rather than into that popover's links.
    await b.press("Escape");
    await until("no popover open", () => document.querySelector("button.value[aria-expanded=true]") === null);
    await b.press("Tab");
    await until("focus on the value", () => document.activeElement?.hasAttribute("data-engine-target")
      && document.activeElement.getAttribute("aria-expanded") === "true");
    // Two frames and a moment for the engine to scroll and the page to place the popover.
    await b.eval(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 100)))));
    const place = await popover();
    assert.ok(place.focused, `${engine}: the focused value's popover is the open one`);
    assert.ok(place.button.top >= 0 && place.button.bottom <= place.height, `${engine}: the focused value was scrolled into view`);
    assertBeside(place, "keyboard focus");
  }

  check("a long popover (Lightning AI's GPU time) scrolls by wheel and keyboard, and placement keeps its scroll", async () => {
    await b.resize(1280, 600);
    try { await longPopover(); } finally { await b.resize(1280, 900); }
  });
  async function longPopover() {
    await open();
    await click(`td[data-f=gpu_quota][data-p="${LIGHTNING}"] button.value`);
    await until("the words of the prose file", () => {
      const pop = document.querySelector(".pop");
      return pop?.querySelector(".pop-sources a") && !pop.querySelector(".prose-pending");
    });
    const tall = await b.eval(() => { const p = document.querySelector(".pop"); return [p.scrollHeight, p.clientHeight]; });
    assert.ok(tall[0] > tall[1] + 100, `${engine}: the popover should be taller than its box at 600 px: ${tall}`);
    const settle = () => b.eval(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 150)))));
    const scrolled = () => b.eval(() => document.querySelector(".pop").scrollTop);
    // A scroll position survives the placement its own scroll event runs.
    await b.eval(() => { document.querySelector(".pop").scrollTop = 150; });
    await settle();
    assert.equal(await scrolled(), 150, `${engine}: a scroll within the popover was reset`);
    await b.eval(() => { document.querySelector(".pop").scrollTop = 0; });
    await b.wheel(".pop", 200);
    await settle();
    assert.ok(await scrolled() > 50, `${engine}: the wheel did not scroll the popover`);
    // Opened on purpose, the popover is the next Tab stop; the keyboard then scrolls it.
    await b.eval(() => { const p = document.querySelector(".pop"); p.scrollTop = 0; p.previousElementSibling.focus(); });
    await b.press("Tab");
    await until("focus on the popover", () => document.activeElement?.matches(".pop"));
    await b.press("PageDown");
    await settle();
    assert.ok(await scrolled() > 50, `${engine}: Page Down did not scroll the popover`);
    assert.ok(await b.eval(() => document.querySelector(".pop") !== null), `${engine}: still open`);
    await shot("popover-scrolled");
  }

  check("the 2019 switch shows the platforms of 2019", async () => {
    await open();
    await click("input[name=era][value='2019']");
    await addressHas("era=2019");
    await until("the 2019 rows", (n) => document.querySelectorAll("td[data-f=ram]").length === n, IN_2019.length);
    assert.deepEqual((await platformsIn("td[data-f=ram]")).sort(), IN_2019);
  });

  check("ticking Compare on Kaggle and Colab shows the two side by side", async () => {
    await open();
    await click("input[name=cmp][value=kaggle]");
    await click("input[name=cmp][value=colab]");
    await until("both in the address", () => /[?&]cmp=[^&]*kaggle/.test(location.search) && /[?&]cmp=[^&]*colab/.test(location.search));
    await until("the compare view", () => document.querySelector(".compare td[data-f=ram]") !== null);
    assert.deepEqual([...new Set(await platformsIn(".compare td[data-f=ram]"))].sort(), COLAB_KAGGLE);
  });

  check("by keyboard: Space ticks two compare boxes, the link after the box leads to the comparison", async () => {
    await open();
    for (const id of ["colab", "kaggle"]) {
      await b.eval((id) => document.querySelector(`#row-${id} .compare-box`).focus(), id);
      await b.press("Space");
      await until(`${id} ticked`, (id) => document.querySelector(`#row-${id} .compare-box`).checked, id);
    }
    await until("the comparison", () => document.querySelector(".compare table") !== null);
    // From Kaggle's box: its name, then the link.
    await b.press("Tab");
    await b.press("Tab");
    await until("focus on the link", () => document.activeElement?.matches("#row-kaggle .to-compare"));
    await b.press("Enter");
    await until("focus on the comparison", () => document.activeElement?.matches("section.compare"));
    assert.match(await b.eval(() => document.querySelector("main .summary").textContent), /Comparing Google Colab and Kaggle Notebooks side by side/);
  });

  check("at 375 px (in a 375 px frame) the platforms are cards that fit the width", async () => {
    await frame({ src: "index.html", width: "375", height: "800", title: "Phone" },
      () => document.querySelector("iframe").contentWindow.__probe?.started);
    const phone = await b.eval(() => {
      const doc = document.querySelector("iframe").contentDocument;
      const visible = (selector) => [...doc.querySelectorAll(selector)].filter((e) => e.getClientRects().length);
      return { cards: visible("dd[data-f=ram]").map((e) => e.dataset.p), tableCells: visible("td[data-f=ram]").length,
        width: doc.defaultView.innerWidth, scrollWidth: doc.documentElement.scrollWidth };
    });
    assert.equal(phone.width, 375);
    assert.deepEqual(phone.cards.sort(), TODAY, `${engine}: a card per platform`);
    assert.equal(phone.tableCells, 0, `${engine}: no table at 375 px`);
    assert.ok(phone.scrollWidth <= phone.width, `${engine}: ${phone.scrollWidth} px wide in a ${phone.width} px window`);
  });

  check("with JavaScript off (a sandboxed frame) the prerendered rows show, with a link to every value", async () => {
    await frame({ src: "index.html", sandbox: "allow-same-origin", width: "1280", height: "900", title: "No scripts" },
      () => document.querySelector("iframe").contentDocument?.readyState === "complete"
        && document.querySelector("iframe").contentDocument.querySelector("tbody tr") !== null);
    const off = await b.eval(() => {
      const doc = document.querySelector("iframe").contentDocument;
      const visible = (selector) => [...doc.querySelectorAll(selector)].filter((e) => e.getClientRects().length);
      return { ran: "__probe" in doc.defaultView, rows: visible("td[data-f=ram]").map((e) => e.dataset.p),
        link: visible(".noscript-note a").map((a) => a.getAttribute("href")), boxes: visible("input[name=f]").length };
    });
    assert.equal(off.ran, false, `${engine}: no script ran in the frame`);
    assert.deepEqual(off.rows.sort(), TODAY);
    assert.deepEqual(off.link, ["./table.html"]);
    assert.equal(off.boxes, 0, `${engine}: the inert boxes are hidden`);
  });

  /** The text of the file `name` once the engine has saved it whole in its downloads folder. */
  async function downloaded(name, timeout = 15000) {
    assert.ok(b.downloads, `${engine}: the driver names no downloads folder`);
    const path = join(b.downloads, name);
    for (let size = -1, end = Date.now() + timeout; ; await sleep(100)) {
      // Saved under another name first, renamed when complete; then the size holds still.
      const now = existsSync(path) ? statSync(path).size : -1;
      if (now > 0 && now === size) return readFileSync(path, "utf8");
      if (Date.now() > end) throw new Error(`${engine}: ${name} was not downloaded to ${b.downloads}`);
      size = now;
    }
  }

  check("the default view downloads as CSV and JSON, the rows shown in order with the data file's numbers", async () => {
    await open();
    // Full names, as the downloads write them: the line shows the short name, the link's title the full.
    const shown = await b.eval(() => [...document.querySelectorAll(".results-table tbody th[scope=row] a.name")]
      .map((a) => a.title));
    assert.deepEqual(shown.toSorted(), data.platforms.map((p) => p.name).toSorted(), `${engine}: every platform is shown`);
    const byName = (name) => data.platforms.find((p) => p.name === name);
    const file = `free-ml-platforms-${data.dataset_date}`;

    await click("button", "Download CSV");
    const rows = parseCsv(await downloaded(`${file}.csv`));
    assert.equal(rows[0][0], "Platform");
    assert.deepEqual(rows.slice(1).map((r) => r[0]), shown, `${engine}: the rows shown, in order`);
    // RAM in GB, as the data file writes it (512 MB is 0.512): every single amount compared.
    const ram = rows[0].findIndex((h) => h.startsWith("RAM"));
    let amounts = 0;
    for (const row of rows.slice(1)) {
      const fact = todayOr2019(byName(row[0]), "ram");
      if (typeof fact.number !== "number" || "low" in fact) continue;
      assert.ok(Math.abs(Number(row[ram]) - inGigabytes(fact)) < 1e-9, `${engine}: ${row[0]}'s RAM ${row[ram]}`);
      amounts++;
    }
    assert.ok(amounts > 5, `${engine}: only ${amounts} RAM amounts compared`);

    await click("button", "Download JSON");
    const doc = JSON.parse(await downloaded(`${file}.json`));
    assert.equal(doc.dataset_date, data.dataset_date);
    assert.deepEqual(doc.platforms.map((p) => p.name), shown, `${engine}: the rows shown, in order`);
    let numbers = 0;
    for (const p of doc.platforms) {
      const facts = byName(p.name);
      for (const [field, v] of Object.entries(p.values)) {
        if (v.from_2019 || v.number === undefined) continue;
        assert.equal(v.number, todayOr2019(facts, field).number, `${engine}: ${p.id} ${field}`);
        numbers++;
      }
    }
    assert.ok(numbers > 20, `${engine}: only ${numbers} numbers compared`);
  });

  check("the probe sees a CSP violation (so its silence elsewhere means none)", async () => {
    await b.goto(server.url + "host.html");
    await b.eval(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.append(s);
    });
    const seen = await until("the violation", () => window.__probe.errors.join(" "));
    assert.match(seen, /CSP: script-src/);
    assert.equal(await b.eval(() => window.__inlineRan ?? false), false, `${engine}: the inline script was blocked`);
    await b.eval(() => { window.__probe.errors = []; });
  });
}
