// Issue #23 in headless Chromium: nothing cut short at laptop widths, page states saved for the Nu
// HTML checker, the keyboard's way to the table, and input made before the wasm arrives.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { serveDist, launch, openPage, firstScreen } from "../lib.js";

const data = JSON.parse(readFileSync(new URL("../../assets/platforms.json", import.meta.url), "utf8"));
const HTML_OUT = new URL("../out/html/", import.meta.url);
let server, browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every element on screen whose text is cut: wider inside than its box while it clips (overflow
 * not visible), or drawn with an ellipsis. Words for screen readers only (a 1 px box) are clipped
 * on purpose. */
const cutTexts = (page) => page.evaluate(() => [...document.querySelectorAll("main *")]
  .filter((e) => e.getBoundingClientRect().width > 1 && !e.closest(".sr-only") && e.textContent.trim() !== "")
  .filter((e) => {
    const style = getComputedStyle(e);
    const clips = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
    // Boxes that scroll on purpose (the table's own scroller) are checked apart.
    return clips && !/(auto|scroll)/.test(style.overflowX) && e.scrollWidth > e.clientWidth;
  })
  .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.trim().slice(0, 50)}`));

for (const [width, height] of [[1280, 800], [1440, 900]]) {
  test(`at ${width}×${height} no name or value is cut short, and the first screen holds 12+ platforms`, async () => {
    const page = await openPage(browser, server.url, { viewport: { width, height } });
    assert.deepEqual(await cutTexts(page), [], "cut texts");
    const region = await page.$eval(".results-table", (r) => [r.scrollWidth, r.clientWidth]);
    assert.ok(region[0] <= region[1], `the table fits the page: ${region}`);
    // Each line reads the short name from the data file, the link's title the full one.
    const links = await page.$$eval(".results-table a.name", (as) => as.map((a) => [a.textContent, a.title]));
    const expected = data.platforms.map((p) => [p.short_name, p.name]);
    assert.deepEqual(links.slice().sort(), expected.slice().sort());
    // Modal's ten GPU types read as their count and ends; the popover lists them all.
    const modal = page.locator("#row-modal [data-f=gpu] .value");
    assert.equal(await modal.textContent(), "10 types, T4 to B200");
    await modal.focus();
    assert.match(await page.textContent("#row-modal [data-f=gpu] .pop-value"), /^T4, L4, A10, L40S, A100 40GB, A100 80GB, RTX PRO 6000, H100, H200, B200$/);
    // A value wider than its column takes two lines (not three), and its row stays under 48 px.
    const tall = await page.$$eval(".results-table tbody tr:not(.detail)", (trs) => trs.map((tr) => tr.getBoundingClientRect().height).filter((h) => h > 48));
    assert.deepEqual(tall, [], "rows taller than two lines");
    const seen = await firstScreen(page);
    console.log(`# ${width}×${height}: ${seen.rowsInView} platforms on the first screen`);
    assert.ok(seen.rowsInView >= (width === 1280 ? 12 : 14), `${seen.rowsInView} platforms in view`);
    await page.context().close();
  });
}

test("between 641 and 1279 px the header row stays readable: no label cut, the platform column in view", async () => {
  for (const width of [1024, 800]) {
    const page = await openPage(browser, server.url, { viewport: { width, height: 800 } });
    const heads = await page.$$eval(".results-table thead th button", (bs) => bs.map((b) => [b.scrollWidth - b.clientWidth, b.textContent]));
    assert.deepEqual(heads.filter(([over]) => over > 0), [], `${width}: header labels cut`);
    assert.deepEqual((await cutTexts(page)).filter((t) => !t.startsWith("div.table-scroll")), [], `${width}: cut texts`);
    await page.context().close();
  }
});

/** Saves the page as it stands (after hydration) for scripts/check_html.sh. */
async function saveHtml(page, name) {
  mkdirSync(HTML_OUT, { recursive: true });
  writeFileSync(new URL(`${name}.html`, HTML_OUT), await page.content());
}

test("page states are saved for the HTML checker: filters open, the cards at 375 px, details open", async () => {
  let page = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await page.click(".filters-menu > summary");
  await page.waitForSelector(".filters-menu[open]");
  await saveHtml(page, "filters-open");
  await page.keyboard.press("Escape");
  await page.click("#row-kaggle .more");
  await page.waitForSelector("#detail-t-kaggle");
  await page.locator("#row-colab [data-f=gpu] .value").focus();
  await page.waitForSelector("#row-colab .pop");
  await saveHtml(page, "details-and-popover-open");
  await page.context().close();
  page = await openPage(browser, server.url, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  assert.ok(await page.isVisible(".cards"));
  await saveHtml(page, "cards-375");
  await page.context().close();
  page = await openPage(browser, `${server.url}?cmp=colab,kaggle`, { viewport: { width: 1280, height: 800 } });
  await page.waitForSelector(".compare");
  await saveHtml(page, "compare");
  await page.context().close();
});

/** What has focus: "header Platform" for a sort header's button, else the tag and its words. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const words = (a.textContent || a.getAttribute("aria-label") || "").trim().slice(0, 40);
  return a.closest(".results-table thead") ? `header ${a.firstChild.textContent}` : `${a.tagName.toLowerCase()} ${words}`;
});

test("the keyboard reaches the first sort header in 10 Tabs or fewer, and a skip link is the first stop", async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "a Skip to the table");
  // Shown when focused: inside the window, above everything else.
  const skip = await page.locator(".skip-link").boundingBox();
  assert.ok(skip.y >= 0 && skip.y + skip.height <= 800 && skip.width > 50, `skip link at ${JSON.stringify(skip)}`);
  const stops = ["a Skip to the table"];
  while (!stops.at(-1).startsWith("header") && stops.length < 30) {
    await page.keyboard.press("Tab");
    stops.push(await focused(page));
  }
  console.log(`# ${stops.length} Tab presses to the first sort header: ${stops.join(" | ")}`);
  assert.equal(stops.at(-1), "header Platform");
  assert.ok(stops.length <= 10, `${stops.length} presses: ${stops.join(" | ")}`);
  // Nothing a keyboard user needs left the order: every control of the bar is a stop of its own.
  for (const stop of ["summary Share", "input ", "summary Filters", "summary Columns: Essentials"]) {
    assert.ok(stops.some((s) => s.startsWith(stop)), `${stop} is a stop`);
  }
  // The quick picks are one stop; arrow keys move among all their links, Home and End to the ends.
  const picks = await page.$$eval(".picks a", (as) => as.map((a) => a.textContent));
  assert.ok(picks.length >= 5, `${picks.length} picks`);
  const pickStops = stops.filter((s) => s.startsWith("a ") && !s.startsWith("a Skip"));
  assert.deepEqual(pickStops, [`a ${picks[0]}`]);
  await page.locator(".picks a").first().focus();
  const walked = [await focused(page)];
  for (let i = 1; i < picks.length; i++) {
    await page.keyboard.press("ArrowRight");
    walked.push(await focused(page));
  }
  assert.deepEqual(walked, picks.map((p) => `a ${p}`));
  await page.keyboard.press("Home");
  assert.equal(await focused(page), `a ${picks[0]}`);
  await page.keyboard.press("End");
  assert.equal(await focused(page), `a ${picks.at(-1)}`);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focused(page), `a ${picks.at(-2)}`);
  assert.ok(await page.isVisible(".picks-keys"), "the arrow keys are named while the picks have focus");
  // From any pick, Tab goes on to the table.
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "header Platform");
  // The skip link: Enter, then one Tab to the first header.
  await page.reload();
  await page.waitForFunction(() => window.__started === true);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "header Platform");
  await page.context().close();
});

test("the table's box is a Tab stop only while it scrolls sideways", async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  assert.equal(await page.getAttribute(".results-table", "tabindex"), null);
  await page.setViewportSize({ width: 800, height: 800 });
  await page.waitForSelector(".results-table[tabindex='0']");
  const [scroll, client] = await page.$eval(".results-table", (r) => [r.scrollWidth, r.clientWidth]);
  assert.ok(scroll > client, "it scrolls at 800 px");
  await page.context().close();
});

test("a sort header, a compare box and Columns choices clicked before the wasm arrives are applied once it has", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route("**/*.wasm", async (route) => { await held; await route.continue(); });
  await page.addInitScript(() => addEventListener("TrunkApplicationStarted", () => { window.__started = true; }));
  await page.goto(server.url);
  // On the prerendered page, with no wasm yet: RAM's header, Kaggle's compare box, the Hardware
  // preset, then the Account box on top of it.
  await page.click(".results-table thead button[value=ram]");
  await page.locator(".results-table input[name=cmp][value=kaggle]").check();
  await page.click(".column-picker > summary");
  await page.check(".column-picker input[name=preset][value=hardware]");
  await page.check(".column-picker input[name=cols][value=account]");
  assert.equal(await page.evaluate(() => window.__started), undefined, "the wasm is still held back");
  release();
  await page.waitForFunction(() => window.__started === true);
  await page.waitForFunction(() => /[?&]sort=-ram(&|$)/.test(location.search), null, { timeout: 5000 });
  const query = new URLSearchParams(await page.evaluate(() => location.search));
  assert.equal(query.get("cmp"), "kaggle");
  const heads = await page.$$eval(".results-table thead th button", (bs) => bs.map((b) => b.value));
  // Hardware's columns (from the data's field table: GPU, GPU memory, TPU, CPU cores, RAM, disk,
  // storage) and the Account box ticked after it.
  assert.deepEqual(heads.toSorted(), ["account", "cpu_cores", "disk", "gpu", "gpu_memory", "name", "ram", "storage", "tpu"]);
  assert.equal(await page.getAttribute(".results-table th[aria-sort]", "aria-sort"), "descending");
  assert.match(await page.textContent(".results-table th[aria-sort]"), /RAM/);
  assert.match(await page.textContent(".compare-hint"), /Kaggle Notebooks is chosen to compare/);
  // The first rows have the most RAM: read back from the cells, largest first.
  const ram = await page.$$eval(".results-table tbody tr:not(.detail):not(.retired) [data-f=ram] .value", (vs) => vs.map((v) => v.textContent));
  const gb = ram.map((t) => { const m = t.match(/([\d.]+) (GB|MB)/); return m ? Number(m[1]) / (m[2] === "MB" ? 1000 : 1) : null; }).filter((x) => x !== null);
  assert.deepEqual(gb, [...gb].sort((a, b) => b - a), `${ram}`);
  // A click after the start is the app's alone: one more on RAM reverses the sort, once.
  await page.click(".results-table thead button[value=ram]");
  await page.waitForFunction(() => /[?&]sort=ram(&|$)/.test(location.search), null, { timeout: 5000 });
  await context.close();
});
