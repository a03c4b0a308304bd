// The release build in headless Chromium: sorting (mouse and keyboard), filters, the live region,
// URL state across reloads, bad URLs, provenance popovers, the 2019 switch and axe-core scans.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { serveDist, launch, openPage, firstScreen, wordsArrived } from "../lib.js";
import { keyboardTask } from "../keyboard-task.js";
import { embedInFrame } from "../embed-frame.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** How many fields the data records, read from the data file rather than written here. */
const fieldCount = new Set(
  JSON.parse(readFileSync(new URL("../../assets/platforms.json", import.meta.url), "utf8")).platforms.flatMap((p) =>
    Object.values(p.snapshots).flatMap((s) => Object.keys(s.facts)),
  ),
).size;
let server, browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Platform names in table order. */
const names = (page) => page.$$eval(".results-table tbody th[scope=row] a.name", (as) => as.map((a) => a.textContent));
/** Full platform names in table order (the line shows the short name; the link's title the full). */
const fullNames = (page) => page.$$eval(".results-table tbody th[scope=row] a.name", (as) => as.map((a) => a.title));
/** Platform names in card order (the cards are in the page at every width; CSS shows them on phones). */
const cardNames = (page) => page.$$eval(".cards a.name", (as) => as.map((a) => a.textContent));
/** Opens the Filters drop-down (the Must-have boxes and the At-least steps) if it is closed. */
async function openFilters(page) {
  if (!(await page.$(".filters-menu[open]"))) await page.click(".filters-menu > summary");
}
/** Opens the Share menu (copy link, embed, downloads, print) if it is closed. */
async function openShare(page) {
  if (!(await page.$(".share-menu[open]"))) await page.click(".share-menu > summary");
}
/** Header labels of the results table, in order. */
const headers = (page) => page.$$eval(".results-table thead th button", (bs) => bs.map((b) => b.firstChild.textContent));

/** The visible text of one column's value buttons, by header label. */
async function column(page, label) {
  return page.evaluate((label) => {
    const heads = [...document.querySelectorAll(".results-table thead th")];
    const index = heads.findIndex((th) => th.querySelector("button").firstChild.textContent === label);
    if (index < 0) throw new Error(`no column ${label}`);
    // A retired platform is one folded line with no values; it is always last.
    return [...document.querySelectorAll(".results-table tbody tr:not(.detail):not(.retired)")].map((tr) => {
      const value = tr.children[index].querySelector(".value");
      // The value's own words, without its icon, marks (≈ ⚠ Δ 2019) and screen-reader words.
      return [...value.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("");
    });
  }, label);
}

/** The number a cell sorts by (upper bound, in hours or GB as written), or null for unknown. */
function amount(text, toCanonical = {}) {
  const m = text.match(/(?:up to )?(?:[\d.]+–)?([\d.]+) (\S+)/);
  if (!m) return null;
  return Number(m[1]) * (toCanonical[m[2]] ?? 1);
}

const ariaSorts = (page) =>
  page.$$eval(".results-table thead th[aria-sort]", (ths) => ths.map((th) => [th.querySelector("button").firstChild.textContent, th.getAttribute("aria-sort")]));

async function axe(page, label) {
  // Through DevTools, not a script tag: the page's CSP forbids inline scripts, as it should.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
}

/** Waits until the address bar matches `re` (or stops matching it): the page writes it just after
 * the next paint. */
async function urlMatches(page, re, want = true) {
  await page.waitForFunction(([source, flags, want]) => new RegExp(source, flags).test(location.href) === want,
    [re.source, re.flags, want], { timeout: 5000 });
}

/** The prerendered page with its wasm held back until `start()`, which lets it through and waits
 * until the app has taken over. */
async function openBeforeWasm() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route("**/*.wasm", async (route) => { await held; await route.continue(); });
  await page.addInitScript(() => addEventListener("TrunkApplicationStarted", () => { window.__started = true; }));
  await page.goto(server.url);
  const start = async () => {
    release();
    await page.waitForFunction(() => window.__started === true);
  };
  return { page, context, start };
}

function checkNoErrors(page) {
  assert.deepEqual(page.errors, [], "console errors");
}

test("the page loads the table with every platform and no console errors", async () => {
  const page = await openPage(browser, server.url);
  const rows = await names(page);
  assert.ok(rows.length >= 14, `rows: ${rows.length}`);
  assert.match(await page.textContent("caption"), /Free tiers of ML platforms today/);
  assert.deepEqual(await ariaSorts(page), [["Platform", "ascending"]]);
  assert.equal(rows.at(-1), "Azure Notebooks", "the retired platform comes last");
  const open = rows.slice(0, -1);
  assert.deepEqual(open, [...open].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  assert.match(await page.title(), /Free ML platforms compared/);
  checkNoErrors(page);
  await axe(page, "default");
  await page.context().close();
});

test("sorting by RAM puts the largest first, unknowns last both ways, and sets aria-sort", async () => {
  const page = await openPage(browser, server.url);
  await page.click(".results-table thead th button:has-text('RAM')");
  assert.deepEqual(await ariaSorts(page), [["RAM", "descending"]]);
  assert.match(await page.textContent("main .summary"), /^Sorted by RAM, largest first\. \d+ of \d+ platforms shown\.$/);
  const units = { GB: 1, MB: 0.001 };
  for (const expectDesc of [true, false]) {
    const values = (await column(page, "RAM")).map((t) => amount(t, units));
    const known = values.filter((v) => v !== null);
    assert.ok(known.length >= 5, `known RAM values: ${values}`);
    assert.deepEqual(values.slice(0, known.length), known, `unknowns last: ${values}`);
    const sorted = [...known].sort((a, b) => (expectDesc ? b - a : a - b));
    assert.deepEqual(known, sorted, `order: ${known}`);
    if (expectDesc) await page.click(".results-table thead th button:has-text('RAM')");
  }
  assert.deepEqual(await ariaSorts(page), [["RAM", "ascending"]]);
  await urlMatches(page, /[?&]sort=ram(&|$)/);
  checkNoErrors(page);
  await page.context().close();
});

test("the session limit sorts by keyboard, hours and minutes compared as one unit", async () => {
  const page = await openPage(browser, server.url);
  await page.focus(".results-table thead th button:has-text('Max session')");
  await page.keyboard.press("Enter");
  assert.deepEqual(await ariaSorts(page), [["Max session", "descending"]]);
  const values = (await column(page, "Max session")).map((t) => amount(t, { h: 1, min: 1 / 60 }));
  const known = values.filter((v) => v !== null);
  assert.deepEqual(known, [...known].sort((a, b) => b - a));
  assert.deepEqual(values.slice(0, known.length), known, "unknowns last");
  await page.keyboard.press("Space");
  assert.deepEqual(await ariaSorts(page), [["Max session", "ascending"]]);
  assert.equal(await page.evaluate(() => document.activeElement.textContent.startsWith("Max session")), true, "focus stays on the header");
  checkNoErrors(page);
  await page.context().close();
});

test("ticking GPU narrows the rows, announces the count, and survives a reload", async () => {
  const page = await openPage(browser, server.url);
  const all = (await names(page)).length;
  const historyAtLoad = await page.evaluate(() => history.length);
  await openFilters(page);
  const label = page.locator("label", { hasText: "Free GPU" });
  const promised = Number((await label.textContent()).match(/\((\d+)\)/)[1]);
  await label.locator("input").check();
  const shown = await names(page);
  assert.equal(shown.length, promised, "the box's count is the number shown");
  assert.ok(shown.length < all && shown.length > 0);
  assert.ok(shown.includes("Kaggle Notebooks") && shown.includes("Google Colab") && shown.includes("marimo molab"));
  assert.ok(!shown.includes("Binder (mybinder.org)"));
  assert.match(await page.textContent("main .summary"), new RegExp(`${shown.length} of ${all} platforms shown`));
  await urlMatches(page, /[?&]f=gpu(&|$)/);
  await page.keyboard.press("Escape"); // the drop-down covers the table's header
  await page.click(".results-table thead th button:has-text('RAM')");
  const before = await names(page);
  await page.reload();
  await page.waitForSelector("tbody tr");
  assert.deepEqual(await names(page), before);
  assert.equal(await label.locator("input").isChecked(), true);
  assert.deepEqual(await ariaSorts(page), [["RAM", "descending"]]);
  assert.equal(await page.evaluate(() => history.length), historyAtLoad, "replaceState, not pushState");
  checkNoErrors(page);
  await axe(page, "filtered");
  await page.context().close();
});

test("a garbage query string still shows the full table and keeps foreign parameters", async () => {
  const page = await openPage(browser, `${server.url}?sort=%%zz&f=,,nope,gpu%2&era=1999&utm_source=blog&%E0%A4%A`);
  assert.ok((await names(page)).length >= 14);
  assert.deepEqual(await ariaSorts(page), [["Platform", "ascending"]]);
  await urlMatches(page, /utm_source=blog/);
  checkNoErrors(page);
  await page.context().close();
});

test("real facts show through the page: Kaggle's 12 h session, Azure Notebooks retired", async () => {
  const page = await openPage(browser, server.url);
  const kaggle = page.locator(".results-table tr", { has: page.locator("th a", { hasText: "Kaggle Notebooks" }) });
  const session = await column(page, "Max session");
  const rows = await names(page);
  assert.equal(session[rows.indexOf("Kaggle Notebooks")], "12 h");
  const azure = page.locator(".results-table tr", { has: page.locator("th a", { hasText: "Azure Notebooks" }) });
  assert.match(await azure.textContent(), /Retired 2020-10-09; replaced by Azure Machine Learning/);
  assert.equal(await azure.locator("[data-f]").count(), 0, "no row of '— service retired' values");
  assert.equal(await kaggle.locator(".status-mark").count(), 0, "an open platform needs no mark");
  const lab = page.locator(".results-table tr", { has: page.locator("th a", { hasText: "SageMaker Studio Lab" }) });
  assert.match(await lab.locator(".status-mark").textContent(), /◐, closed to new users since 2026-07-30/);
  // Its button shows the 2019 table.
  await azure.locator("button:has-text('See its 2019 values')").click();
  await urlMatches(page, /[?&]era=2019/);
  assert.equal((await names(page)).length, 4);
  await page.context().close();
});

test("a row's details open below it by keyboard: vendor, status, summary, pros and cons", async () => {
  const data = JSON.parse(readFileSync(new URL("../../assets/platforms.json", import.meta.url), "utf8"));
  const want = data.platforms.find((p) => p.id === "kaggle");
  const page = await openPage(browser, server.url);
  const button = page.locator("#row-kaggle button.more");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await page.locator("#detail-t-kaggle").count(), 0, "nothing drawn while closed");
  await button.focus();
  await page.keyboard.press("Enter");
  const detail = page.locator("#detail-t-kaggle");
  await detail.waitFor();
  await wordsArrived(detail);
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.equal(await button.getAttribute("aria-controls"), "detail-t-kaggle");
  assert.equal(await page.evaluate(() => document.querySelector("#row-kaggle").nextElementSibling.id), "detail-t-kaggle", "right below its row");
  assert.ok((await detail.textContent()).startsWith(`${want.vendor} · ● Open`), await detail.textContent());
  assert.equal(await detail.locator(".summary-line").textContent(), want.summary);
  const items = await detail.locator("li").allTextContents();
  assert.deepEqual(items, [...want.snapshots.today.pros.map((x) => `+ ${x}`), ...want.snapshots.today.cons.map((x) => `− ${x}`)]);
  await axe(page, "a row's details open");
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#detail-t-kaggle").count(), 0);
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  checkNoErrors(page);
  await page.context().close();
});

test("a platform with a history links its own Atom feed from its details and from table.html; one without has none", async () => {
  const data = JSON.parse(readFileSync(new URL("../../assets/platforms.json", import.meta.url), "utf8"));
  const kaggle = data.platforms.find((p) => p.id === "kaggle");
  assert.ok(kaggle.history.length > 0, "Kaggle has a history");
  const quiet = data.platforms.find((p) => !p.history?.length && p.status.state !== "retired" && p.snapshots.today);
  const page = await openPage(browser, server.url);
  await page.locator("#row-kaggle button.more").click();
  const link = page.locator("#detail-t-kaggle .feed a");
  assert.equal(await link.textContent(), `Follow changes to ${kaggle.name} (Atom feed)`);
  assert.equal(await link.getAttribute("type"), "application/atom+xml");
  // The file is served beside the page: Kaggle's entries only.
  const feed = await page.request.get(await link.evaluate((a) => a.href));
  assert.equal(feed.status(), 200);
  const xml = await feed.text();
  assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  assert.match(xml, new RegExp(`<title>Free ML platforms compared: what changed at ${kaggle.name}</title>`));
  await page.locator(`#row-${quiet.id} button.more`).click();
  await page.locator(`#detail-t-${quiet.id}`).waitFor();
  assert.equal(await page.locator(`#detail-t-${quiet.id} .feed`).count(), 0, `${quiet.id} has no history, so no feed`);
  await page.goto(`${server.url}table.html`);
  const row = page.locator("tr.detail", { has: page.locator(`a[href='./feed-kaggle.xml']`) });
  assert.equal(await row.count(), 1, "table.html links it in Kaggle's details");
  assert.equal(await page.locator(".feed a").count(), data.platforms.filter((p) => p.history?.length).length, "one per platform with a history");
  await page.context().close();
});

test("boxes ticked and a step chosen before the wasm takes over are kept and applied", async () => {
  const { page, context, start } = await openBeforeWasm();
  const gpu = page.locator("input[name=f][value=gpu]");
  await page.click(".filters-menu > summary"); // a native disclosure: it opens before any wasm
  await gpu.check(); // on the prerendered page, before any wasm
  await page.selectOption("select[name=min-ram]", "16");
  await page.locator(".results-table input[name=cmp][value=kaggle]").check();
  await start();
  await urlMatches(page, /[?&]f=gpu(&|$)/);
  await urlMatches(page, /[?&]min=ram:16(&|$)/);
  assert.equal(await gpu.isChecked(), true, "the tick survived hydration");
  assert.equal(await page.locator("select[name=min-ram]").inputValue(), "16");
  await urlMatches(page, /[?&]cmp=kaggle(&|$)/);
  assert.match(await page.textContent(".compare-hint"), /Kaggle Notebooks is chosen to compare/);
  // Every row left has a GPU and at least 16 GB, as the page's own filter says.
  assert.match(await page.textContent(".summary"), /of 17 platforms shown/);
  const rows = await names(page);
  assert.ok(rows.length > 0 && rows.length < 17, `${rows.length} rows`);
  await context.close();
});

test("the provenance popover opens on keyboard focus; Enter lets focus into it and its links; Escape closes it", async () => {
  const page = await openPage(browser, server.url);
  const kaggle = page.locator(".results-table tr", { has: page.locator("th a", { hasText: "Kaggle Notebooks" }) });
  const value = kaggle.locator(".value").nth(4); // Max session: the fifth value of the Essentials
  await value.focus();
  const pop = kaggle.locator(".pop");
  await pop.waitFor();
  await wordsArrived(pop);
  assert.match(await pop.textContent(), /Max session/);
  assert.match(await pop.textContent(), /Confidence: (verified|reported|uncertain|conflicting)/);
  assert.match(await pop.textContent(), /\d{4}-\d{2}-\d{2}/, "the source's date");
  assert.match(await pop.locator("a").first().getAttribute("href"), /^https:\/\//);
  assert.equal(await value.getAttribute("aria-expanded"), "true");
  // It sits next to its value, inside the window.
  const [box, anchor] = [await pop.boundingBox(), await value.boundingBox()];
  assert.ok(box.y >= 0 && box.y + box.height <= 900 && box.x >= 0 && box.x + box.width <= 1280, `popover at ${JSON.stringify(box)}`);
  assert.ok(Math.abs(box.y - (anchor.y + anchor.height)) < 12 || Math.abs(box.y + box.height - anchor.y) < 12, "touches its value");
  // Opened by focus, its links are not Tab stops: the next Tab goes to the next value, whose
  // popover replaces this one.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.closest(".pop") === null), true, "focus stayed out of the popover");
  assert.equal(await page.locator(".pop").count(), 1);
  assert.match(await page.locator(".pop").textContent(), /Idle timeout/);
  await page.keyboard.press("Escape");
  // Enter opens it on purpose: the next Tab is the popover itself (to scroll it), then its first link.
  await value.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.matches(".pop")), true, "focus moved onto the popover");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.matches(".pop a")), true, "then to its link");
  assert.equal(await pop.count(), 1, "still open");
  await page.keyboard.press("Escape");
  assert.equal(await pop.count(), 0);
  // A tap (click) pins it open, a second tap closes it.
  await value.click();
  assert.equal(await pop.count(), 1);
  await page.mouse.move(5, 5);
  assert.equal(await pop.count(), 1, "pinned through mouse-out");
  await value.click();
  await page.mouse.move(5, 5);
  assert.equal(await pop.count(), 0);
  checkNoErrors(page);
  await page.context().close();
});

test("a long popover (Lightning AI's GPU time) scrolls by wheel, touch and keyboard, and placement keeps its scroll", async () => {
  const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 150)))));
  // Laptop: wheel and keyboard.
  const page = await openPage(browser, server.url, { viewport: { width: 1280, height: 600 } });
  const value = page.locator(".results-table tr#row-lightning-ai td[data-f=gpu_quota] .value");
  await value.click();
  const pop = page.locator("#row-lightning-ai .pop");
  await wordsArrived(pop);
  const [content, box] = await pop.evaluate((p) => [p.scrollHeight, p.clientHeight]);
  assert.ok(content > box + 100, `taller than its box: ${content} in ${box}`);
  const top = () => pop.evaluate((p) => p.scrollTop);
  await pop.evaluate((p) => { p.scrollTop = 150; });
  await settle(page);
  assert.equal(await top(), 150, "placement kept the scroll");
  await pop.evaluate((p) => { p.scrollTop = 0; });
  const at = await pop.boundingBox();
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  const pageAt = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 300);
  await settle(page);
  assert.ok(await top() > 100, `the wheel scrolled it: ${await top()}`);
  assert.equal(await page.evaluate(() => scrollY), pageAt, "the page behind stayed put");
  await pop.evaluate((p) => { p.scrollTop = 0; });
  await value.focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.matches(".pop")), true);
  await page.keyboard.press("PageDown");
  await settle(page);
  assert.ok(await top() > 100, `Page Down scrolled it: ${await top()}`);
  // The whole of it can be read: its last line scrolls into the box.
  await pop.evaluate((p) => { p.scrollTop = p.scrollHeight; });
  await settle(page);
  assert.ok(await pop.evaluate((p) => p.scrollTop + p.clientHeight >= p.scrollHeight - 1), "scrolled to the end");
  checkNoErrors(page);
  await page.context().close();
  // Phone: a touch swipe on a tapped popover.
  const phone = await openPage(browser, server.url, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await phone.locator("#card-lightning-ai dd[data-f=gpu_quota] .value").tap();
  const sheet = phone.locator("#card-lightning-ai .pop");
  await wordsArrived(sheet);
  const where = await sheet.boundingBox();
  // A finger drawn up 200 px from near the popover's foot, through the browser's touch input.
  const cdp = await phone.context().newCDPSession(phone);
  const [x, y] = [Math.round(where.x + where.width / 2), Math.round(where.y + where.height - 20)];
  const phoneAt = await phone.evaluate(() => scrollY);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y - i * 20 }] });
    await phone.waitForTimeout(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await settle(phone);
  assert.ok(await sheet.evaluate((p) => p.scrollTop) > 50, "a swipe scrolled it");
  assert.equal(await phone.evaluate(() => scrollY), phoneAt, "and not the page behind");
  assert.equal(await sheet.count(), 1, "still open");
  await phone.context().close();
});

test("the prose file comes once, when a popover first opens; if it cannot, the popover says so, and the next asks again", async () => {
  const data = JSON.parse(readFileSync(new URL("../../assets/platforms.json", import.meta.url), "utf8"));
  const kaggleSession = data.platforms.find((p) => p.id === "kaggle").snapshots.today.facts.session;
  const asked = [];
  const page = await openPage(browser, server.url);
  page.on("request", (r) => /\/prose-[0-9a-f]{16}\.json$/.test(r.url()) && asked.push(r.url()));
  const kaggle = page.locator(".results-table tr", { has: page.locator("th a", { hasText: "Kaggle Notebooks" }) });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /prose-/.test(e.name)).length), 0, "not loaded with the page");
  const value = kaggle.locator(".value").nth(4); // Max session
  await value.focus();
  const pop = kaggle.locator(".pop");
  await wordsArrived(pop);
  // The note and each source's title and link, as the data file has them.
  const sources = [kaggleSession.source].flat().map((id) => data.sources[id]);
  if (kaggleSession.note) assert.match(await pop.textContent(), new RegExp(kaggleSession.note.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.deepEqual(await pop.locator(".pop-sources a").evaluateAll((as) => as.map((a) => [a.textContent, a.href])), sources.map((s) => [s.title, s.url]));
  // Other popovers and a row's details use the same copy.
  await page.keyboard.press("Escape");
  await page.locator("#row-colab button.more").click();
  await wordsArrived(page.locator("#detail-t-colab"));
  await page.locator("#row-colab .value").first().hover();
  await wordsArrived(page.locator("#row-colab .pop"));
  assert.equal(asked.length, 1, `asked ${asked.length} times`);
  checkNoErrors(page);
  await page.context().close();

  // A host that lost the file: the popover says why in its place, and nothing else breaks.
  const broken = await openPage(browser, server.url, { acceptDownloads: true });
  await broken.route(/\/prose-[0-9a-f]{16}\.json$/, (route) => route.fulfill({ status: 404, body: "" }));
  await broken.locator("#row-kaggle .value").first().focus();
  const said = broken.locator("#row-kaggle .pop .prose-pending").first();
  await said.waitFor();
  await broken.waitForFunction(() => /Could not be loaded/.test(document.querySelector("#row-kaggle .pop .prose-pending")?.textContent ?? ""));
  assert.match(await said.textContent(), /Could not be loaded \(prose-[0-9a-f]{16}\.json could not be read\)/);
  assert.equal(await said.locator("a").getAttribute("href"), "./table.html#sources", "and where every source is");
  assert.match(await broken.locator("#row-kaggle .pop").textContent(), /Confidence: /, "the rest of the popover is there");
  await broken.keyboard.press("Escape");
  await broken.click("th button:has-text('RAM')");
  assert.equal(await broken.locator(".results-table th[aria-sort]").getAttribute("aria-sort"), "descending");
  // The CSV needs no prose and still downloads; the JSON, which holds the notes, says why not.
  await openShare(broken);
  await Promise.all([broken.waitForEvent("download"), broken.click("button:has-text('Download CSV')")]);
  await broken.click("button:has-text('Download JSON')");
  await broken.waitForFunction(() => /^No JSON download: prose-[0-9a-f]{16}\.json could not be read\.$/.test(document.querySelector(".share-bar .said").textContent));
  // The network comes back: the next popover asks again and shows its words.
  await broken.unroute(/\/prose-[0-9a-f]{16}\.json$/);
  await broken.locator("#row-colab .value").first().focus();
  const again = broken.locator("#row-colab .pop");
  await again.waitFor();
  await wordsArrived(again);
  assert.ok((await again.locator(".pop-sources a").count()) > 0, "the sources are linked");
  await broken.context().close();
});

test("the 2019 switch shows the article's four platforms, in the URL and after a reload", async () => {
  const page = await openPage(browser, server.url);
  await page.check("input[name=era][value='2019']");
  const rows = await names(page);
  assert.deepEqual([...rows].sort(), ["Azure Notebooks", "CoCalc", "Google Colab", "Kaggle Notebooks"]);
  await urlMatches(page, /[?&]era=2019/);
  assert.match(await page.textContent("caption"), /January 2019/);
  const session = await column(page, "Max session");
  assert.equal(session[rows.indexOf("Kaggle Notebooks")], "6 h", "Kaggle's 2019 limit was 6 h");
  await page.reload();
  await page.waitForSelector("tbody tr");
  assert.equal((await names(page)).length, 4);
  await page.check("input[name=era][value='today']");
  assert.ok((await names(page)).length >= 14);
  checkNoErrors(page);
  await page.context().close();
});

test("when nothing matches the page says so and the clear button brings every row back", async () => {
  const page = await openPage(browser, `${server.url}?f=tpu,noaccount`);
  assert.equal(await page.locator("table").count(), 0);
  assert.match(await page.textContent(".empty"), /No platform has all of: Free TPU, No account\./);
  assert.match(await page.textContent("main .summary"), /0 of \d+ platforms shown/);
  await axe(page, "empty");
  await page.click(".empty button");
  assert.ok((await names(page)).length >= 14);
  await urlMatches(page, /f=/, false);
  await page.context().close();
});

test("dark mode passes axe", async () => {
  const page = await openPage(browser, server.url, { colorScheme: "dark" });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, "rgb(18, 20, 24)");
  await axe(page, "dark");
  await page.context().close();
});

test("at 375 px the platforms are cards in the table's order and nothing scrolls sideways", async () => {
  const wide = await openPage(browser, `${server.url}?sort=-ram`);
  const tableOrder = await names(wide);
  await wide.context().close();
  const page = await openPage(browser, `${server.url}?sort=-ram`, { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width} px wide`);
  assert.equal(await page.locator(".results-table").count(), 0, "the table gives way to cards");
  assert.equal(await page.locator(".cards").isVisible(), true);
  assert.deepEqual(await cardNames(page), tableOrder, "cards in the table's order");
  const overflowing = await page.$$eval(".card", (cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).length);
  assert.equal(overflowing, 0, "no card scrolls sideways");
  assert.equal(await page.locator(".card h3").count(), tableOrder.length, "a heading per card");
  // Widening the window brings the table back.
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.locator(".results-table").waitFor();
  assert.deepEqual(await names(page), tableOrder);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.locator(".cards").waitFor();
  await axe(page, "cards at 375 px");
  // On a touch screen a tap opens the provenance, inside the narrow window, and a second tap closes it.
  const value = page.locator(".card").first().locator(".value").first();
  await value.tap();
  const box = await page.locator(".pop").boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `popover at ${JSON.stringify(box)}`);
  await value.tap();
  assert.equal(await page.locator(".pop").count(), 0);
  checkNoErrors(page);
  await page.context().close();
});

/** Elements other than the document that scroll vertically. */
const innerScrollers = (page) => page.evaluate(() => [...document.querySelectorAll("body *")]
  .filter((e) => /(auto|scroll)/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1)
  .map((e) => e.className || e.tagName));

for (const [width, height, least] of [[1280, 800, 12], [1440, 900, 14]]) {
  test(`at ${width}×${height} the comparison is on the first screen: ${least}+ platforms with RAM and session, one scroller`, async () => {
    const page = await openPage(browser, server.url, { viewport: { width, height } });
    assert.deepEqual(await headers(page), ["Platform", "GPU", "GPU time", "GPU compute a week", "RAM", "Max session", "Idle timeout", "Card needed", "Phone check"]);
    const seen = await firstScreen(page);
    assert.ok(seen.rowsInView >= least, `${seen.rowsInView} platforms fully in view`);
    assert.ok(seen.aboveTable <= 260, `${seen.aboveTable} px above the table`);
    assert.ok(seen.rowHeight <= 48, `rows ${seen.rowHeight} px tall`);
    const region = await page.$eval(".results-table", (r) => [r.scrollWidth, r.clientWidth]);
    assert.ok(region[0] <= region[1], `no sideways scrolling: ${region}`);
    assert.deepEqual(await innerScrollers(page), [], "the page is the only vertical scroller");
    // Scrolled past the table's top, the header sticks to the top of the window...
    const [tableTop, maxScroll] = await page.$eval(".results-table", (t) => [t.getBoundingClientRect().top + scrollY, document.documentElement.scrollHeight - innerHeight]);
    let head;
    if (maxScroll > tableTop + 100) {
      await page.evaluate((y) => scrollTo(0, y), tableTop + 100);
      head = await page.locator(".results-table thead th").first().boundingBox();
      assert.ok(head.y >= -1 && head.y < 3, `header at ${head.y}`);
    }
    // ...and is still in view, above it, when the last row is at the bottom.
    await page.evaluate(() => document.querySelector(".results-table tbody tr:last-child").scrollIntoView({ block: "end" }));
    head = await page.locator(".results-table thead th").first().boundingBox();
    const last = await page.locator(".results-table tbody tr").last().boundingBox();
    assert.ok(head.y >= -1 && last.y + last.height <= height + 1 && last.y >= head.y + head.height - 1, `header ${head.y}, last row ${last.y}`);
    await page.context().close();
  });
}

test("at 375×667 the first card is on the first screen and a screen holds three cards or more", async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const seen = await firstScreen(page);
  assert.ok(seen.firstCardTop < 667 - 40, `first card at ${seen.firstCardTop}`);
  // From each card's top, how many whole cards one screen holds: the fewest of those.
  assert.ok(seen.cardsPerScreen >= 3, `${seen.cardsPerScreen} cards a screen`);
  // Sort and filters sit behind one summary of what is chosen.
  const sheet = page.locator(".sheet");
  assert.equal(await sheet.evaluate((d) => d.open), false);
  assert.match(await sheet.locator("> summary").textContent(), /^Filters & sort: No filters · Platform, A to Z$/);
  await sheet.locator("> summary").tap();
  await page.locator("input[name=f][value=gpu]").check();
  await page.selectOption("select[name=sort-0]", "ram");
  assert.match(await sheet.locator("> summary").textContent(), /Free GPU · RAM, largest first/);
  await axe(page, "phone sheet open");
  // A card's details open from it.
  const card = page.locator(".card").first();
  await card.locator("button.more").tap();
  assert.match(await card.locator(".details").textContent(), /Pros|Cons|·/);
  await axe(page, "phone card details");
  checkNoErrors(page);
  await page.context().close();
});

test("the filters open by keyboard, their counts match the rows, and Escape closes them", async () => {
  const page = await openPage(browser, server.url);
  const summary = page.locator(".filters-menu > summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.$eval(".filters-menu", (d) => d.open), true);
  await axe(page, "filters open");
  const box = page.locator("label", { hasText: "No credit card" });
  const promised = Number((await box.textContent()).match(/\((\d+)\)/)[1]);
  await box.locator("input").focus();
  await page.keyboard.press("Space");
  assert.equal((await names(page)).length, promised);
  assert.deepEqual(await page.locator(".chips .chip").allTextContents(), ["Remove filter: No credit card ✕"]);
  await page.keyboard.press("Escape");
  assert.equal(await page.$eval(".filters-menu", (d) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement.matches(".filters-menu > summary")), true, "focus back on the button");
  // A click elsewhere closes an open menu too.
  await summary.click();
  await page.click("h1");
  assert.equal(await page.$eval(".filters-menu", (d) => d.open), false);
  checkNoErrors(page);
  await page.context().close();
});

test("quick picks name the best shown by each field's rule and link to their rows", async () => {
  const page = await openPage(browser, server.url);
  const picks = page.locator(".picks li");
  const texts = await picks.allTextContents();
  const most = texts.find((t) => t.startsWith("Most GPU time: "));
  // The largest GPU time in hours a week among open platforms, computed here from the cells.
  const week = { "h/week": 1, "h/day": 7, "h/month": 7 * 12 / 365.25, "min/day": 7 / 60 };
  const quota = (await column(page, "GPU time")).map((t) => amount(t, week));
  const rows = await names(page);
  const closed = await page.$$eval(".results-table tbody tr.not-open a.name", (as) => as.map((a) => a.textContent));
  const open = rows.map((n, i) => [n, quota[i]]).filter(([n, q]) => q !== null && q !== undefined && !closed.includes(n));
  const top = Math.max(...open.map(([, q]) => q));
  const winners = open.filter(([, q]) => Math.abs(q - top) < 0.05).map(([n]) => n);
  assert.equal(most, `Most GPU time: ${winners.join(", ")}, ${Math.round(top * 10) / 10} h/week`);
  const link = page.locator(".picks li:has-text('Most GPU time') a").first();
  await link.click();
  assert.match(page.url(), /#row-/);
  const target = await page.$eval(":target", (t) => t.querySelector("a.name").textContent);
  assert.equal(target, winners[0]);
  // The GPU time cell gives hours a week beside a per-day quota.
  const lab = page.locator(".results-table tr", { has: page.locator("th a", { hasText: "SageMaker Studio Lab" }) });
  assert.match(await lab.locator("[data-f=gpu_quota]").textContent(), /4 h\/day \(≈ 28 h\/week\)/);
  // Picks follow the filters: with "No credit card", Kaggle still wins GPU time.
  await openFilters(page);
  await page.locator("input[name=f][value=nocard]").check();
  assert.match(await page.textContent(".picks"), /Most GPU time: /);
  checkNoErrors(page);
  await page.context().close();
});

test("dark mode with the filters, a row's details and the share menu open passes axe", async () => {
  const page = await openPage(browser, `${server.url}?f=gpu`, { colorScheme: "dark" });
  await openFilters(page);
  await page.locator("#row-kaggle button.more").click();
  await axe(page, "dark, filters and details open");
  await openShare(page);
  await axe(page, "dark, share menu open");
  const phone = await openPage(browser, server.url, { colorScheme: "dark", viewport: { width: 375, height: 667 } });
  await phone.click(".sheet > summary");
  await axe(phone, "dark phone sheet");
  await page.context().close();
  await phone.context().close();
});

test("column presets and a custom choice survive a reload", async () => {
  const page = await openPage(browser, server.url);
  await page.click(".column-picker summary");
  await axe(page, "columns menu open");
  await page.check("input[name=preset][value=hardware]");
  const hardware = ["Platform", "GPU", "GPU memory", "TPU", "CPU cores", "RAM", "Disk", "Persistent storage"];
  assert.deepEqual(await headers(page), hardware);
  await urlMatches(page, /[?&]cols=hardware(&|$)/);
  await page.reload();
  await page.waitForSelector("tbody tr");
  assert.deepEqual(await headers(page), hardware);
  assert.match(await page.textContent(".column-picker summary"), /Hardware/);
  await page.click(".column-picker summary");
  await page.uncheck("input[name=cols][value=disk]");
  await page.check("input[name=cols][value=session]");
  const custom = ["Platform", "GPU", "GPU memory", "TPU", "CPU cores", "RAM", "Persistent storage", "Max session"];
  assert.deepEqual(await headers(page), custom);
  await urlMatches(page, /[?&]cols=gpu,gpu_memory,tpu,cpu_cores,ram,storage,session(&|$)/);
  await page.reload();
  await page.waitForSelector("tbody tr");
  assert.deepEqual(await headers(page), custom);
  for (const preset of ["limits", "access", "all", "essentials"]) {
    await page.click(".column-picker summary");
    await page.check(`input[name=preset][value=${preset}]`);
    await page.click(".column-picker summary");
    await page.reload();
    await page.waitForSelector("tbody tr");
    assert.match(await page.textContent(".column-picker summary"), new RegExp(preset === "all" ? "All columns" : preset === "access" ? "Access" : preset, "i"));
  }
  await urlMatches(page, /cols=/, false);
  checkNoErrors(page);
  await page.context().close();
});

test("RAM at least 16 GB leaves exactly the platforms with 16 GB or more, as its count said", async () => {
  const page = await openPage(browser, server.url);
  await openFilters(page);
  const option = await page.$eval("select[name=min-ram] option[value='16']", (o) => o.textContent);
  const promised = Number(option.match(/\((\d+)\)/)[1]);
  const allRam = (await column(page, "RAM")).map((t) => amount(t, { GB: 1, MB: 0.001 }));
  const expected = allRam.filter((v) => v !== null && v >= 16).length;
  await page.selectOption("select[name=min-ram]", "16");
  const ram = (await column(page, "RAM")).map((t) => amount(t, { GB: 1, MB: 0.001 }));
  assert.equal(ram.length, promised, "the option's count is the number shown");
  assert.equal(ram.length, expected, "every known RAM of 16 GB or more, and nothing else");
  assert.ok(ram.every((v) => v !== null && v >= 16), `RAM shown: ${ram}`);
  await urlMatches(page, /[?&]min=ram:16(&|$)/);
  assert.match(await page.textContent("main .summary"), new RegExp(`${promised} of \\d+ platforms shown`));
  await page.selectOption("select[name=min-session]", "9");
  const sessions = (await column(page, "Max session")).map((t) => amount(t, { h: 1, min: 1 / 60 }));
  assert.ok(sessions.every((v) => v !== null && v >= 9), `sessions: ${sessions}`);
  await axe(page, "thresholds set");
  // The active filters show in the bar; each chip removes its own.
  const chips = await page.locator(".chips .chip").allTextContents();
  assert.deepEqual(chips, ["Remove filter: RAM ≥ 16 GB ✕", "Remove filter: Max session ≥ 9 h ✕"]);
  assert.match(await page.textContent(".filters-menu > summary"), /Filters \(2\)/);
  await page.reload();
  await page.waitForSelector(".summary");
  assert.equal(await page.$eval("select[name=min-ram]", (s) => s.value), "16");
  await page.click(".chips .chip:has-text('Max session')");
  await urlMatches(page, /session:9/, false);
  assert.equal(await page.locator(".chips .chip").count(), 1);
  await page.goto(`${server.url}?min=ram:abc,session:7,gpu_memory:16`);
  await page.waitForSelector("tbody tr");
  assert.equal(await page.$eval("select[name=min-ram]", (s) => s.value), "", "malformed values are ignored");
  assert.equal(await page.$eval("select[name=min-gpu_memory]", (s) => s.value), "16");
  checkNoErrors(page);
  await page.context().close();
});

test("shift+click adds a sort key; the live region and the headers say the order", async () => {
  const page = await openPage(browser, `${server.url}?f=gpu`);
  await page.click(".results-table thead th button:has-text('GPU time')");
  await page.click(".results-table thead th button:has-text('RAM')", { modifiers: ["Shift"] });
  assert.match(await page.textContent("main .summary"), /^Sorted by GPU time, most first, then RAM, largest first\. /);
  await urlMatches(page, /[?&]sort=-gpu_quota,-ram(&|$)/);
  assert.deepEqual(await ariaSorts(page), [["GPU time", "descending"]], "aria-sort on the primary key only");
  assert.equal(await page.textContent(".results-table th.sorted .sort-rank >> nth=1"), "2");
  assert.match(await page.textContent(".results-table thead th:has-text('RAM') .sr-only"), /sort key 2, largest first/);
  const quota = (await column(page, "GPU time")).map((t) => amount(t, { "h/week": 1, "h/day": 7, "h/month": 7 * 12 / 365.25, "min/day": 7 / 60 }));
  const ram = (await column(page, "RAM")).map((t) => amount(t, { GB: 1, MB: 0.001 }));
  const known = quota.filter((v) => v !== null);
  assert.deepEqual(known, [...known].sort((a, b) => b - a), `GPU time: ${quota}`);
  assert.deepEqual(quota.slice(0, known.length), known, "unknown GPU time last");
  for (let i = 1; i < quota.length; i++) {
    if (quota[i] === quota[i - 1] && ram[i] !== null && ram[i - 1] !== null) assert.ok(ram[i - 1] >= ram[i], "ties ordered by RAM");
  }
  // The sort control mirrors it, and can set a key for a hidden column.
  assert.equal(await page.$eval("select[name=sort-1]", (s) => s.value), "ram");
  await page.selectOption("select[name=sort-0]", "cpu_cores");
  assert.match(await page.textContent("main .summary"), /^Sorted by CPU cores, largest first, then RAM, largest first\./);
  await page.click(".sort-control .direction >> nth=0");
  await urlMatches(page, /[?&]sort=cpu_cores,-ram(&|$)/);
  checkNoErrors(page);
  await page.context().close();
});

for (const [label, viewport] of [["1280 px", { width: 1280, height: 900 }], ["375 px", { width: 375, height: 800 }]]) {
  test(`compare puts two to four platforms side by side, from clicks and from the URL (${label})`, async () => {
    const page = await openPage(browser, server.url, { viewport });
    const toggle = (name) => page.locator(`${viewport.width > 640 ? ".results-table" : ".cards"} input[name=cmp][aria-label='Compare ${name}']`);
    await toggle("Kaggle Notebooks").check();
    assert.match(await page.textContent(".compare-hint"), /Kaggle Notebooks is chosen/);
    await toggle("Google Colab").check();
    const heads = await page.$$eval(".compare thead th", (ths) => ths.map((t) => t.firstChild.textContent));
    assert.deepEqual(heads, ["Field", "Kaggle Notebooks", "Google Colab"]);
    await urlMatches(page, /[?&]cmp=kaggle,colab(&|$)/);
    assert.equal(await page.locator(".compare tbody tr").count(), fieldCount + 4, "every field, the status, GPU compute and the two dates");
    const ram = page.locator(".compare tbody tr", { has: page.locator("th", { hasText: /^RAM/ }) });
    assert.match(await ram.textContent(), /differs/);
    assert.match(await ram.textContent(), /★ best/, "Kaggle's 30 GB beats Colab's 12.7 GB");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `page is ${width} px wide`);
    await axe(page, `compare ${label}`);
    await page.reload();
    await page.waitForSelector(".compare");
    assert.equal(await page.locator(".compare thead th").count(), 3);
    await page.click(".compare-head .close");
    assert.equal(await page.locator(".compare").count(), 0);
    await urlMatches(page, /cmp=/, false);
    await page.goto(`${server.url}?cmp=marimo-molab,kaggle,nope`);
    await page.waitForSelector(".compare");
    assert.equal(await page.locator(".compare thead th").count(), 3, "unknown ids are ignored");
    checkNoErrors(page);
    await page.context().close();
  });
}

test("dark mode with the compare view and thresholds passes axe", async () => {
  const page = await openPage(browser, `${server.url}?cmp=kaggle,colab&min=ram:8&sort=-ram,-session`, { colorScheme: "dark" });
  await axe(page, "dark, compare and thresholds");
  await page.context().close();
});

test("under the strict CSP, load, sort, filter and a popover raise no violation", async () => {
  const page = await openPage(browser, server.url);
  await page.click(".results-table thead th button:has-text('RAM')");
  await openFilters(page);
  await page.locator("label", { hasText: "Free GPU" }).locator("input").check();
  await page.locator(".results-table tbody tr").first().locator(".value").nth(2).focus();
  await page.locator(".pop").waitFor();
  const placed = await page.$eval(".pop", (p) => [p.style.left, p.getAttribute("style")]);
  assert.match(placed[0], /px$/, "placed through the CSSOM");
  const inlineScripts = await page.$$eval("script:not([src])", (s) => s.length);
  assert.equal(inlineScripts, 0, "no inline script");
  checkNoErrors(page);
  await page.context().close();
});

test("with JavaScript off, the prerendered view shows every platform and links to every value", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  const table = page.locator(".results-table");
  assert.equal(await table.isVisible(), true, "the prerendered table is shown");
  // The full names (the links' titles): table.html has room for them.
  const names = await table.locator("tbody th a.name").evaluateAll((as) => as.map((a) => a.title));
  assert.ok(names.length >= 17 && names.includes("marimo molab") && names.includes("Kaggle Notebooks"), `${names}`);
  assert.equal(await page.locator(".controls").isVisible(), false, "the inert controls are hidden");
  const note = page.locator(".noscript-note");
  assert.match(await note.textContent(), /need JavaScript/);
  await note.locator("a").click();
  const main = page.locator(".static-page");
  await main.waitFor();
  assert.match(await main.locator(".note").textContent(), /needs JavaScript/);
  assert.equal(await main.locator("thead th").count(), fieldCount + 5, "every field, the name, the status, GPU compute and the two dates");
  assert.ok((await main.locator(".what-changed .changes li").count()) > 8, "every line of the history");
  const all = await main.locator("tbody th a.name").allTextContents();
  assert.deepEqual(all.toSorted(), names.toSorted(), "the same platforms");
  const kaggle = main.locator("tr", { has: page.locator("a.name", { hasText: "Kaggle Notebooks" }) });
  assert.match(await kaggle.textContent(), /2× Tesla T4.*30 h\/week.*TPU v5e-8/s);
  assert.ok((await main.locator(".sources li").count()) > 50, "the sources are listed");
  assert.ok((await main.locator("tr.detail li").count()) > 50, "every platform's pros and cons are in the page");
  assert.equal(await page.locator("script").count(), 0, "a page without scripts");
  await context.close();
  // The static page itself, checked by axe in a browser that runs the checker.
  const checked = await (await browser.newContext()).newPage();
  await checked.goto(server.url + "table.html");
  await axe(checked, "static table page");
  await checked.context().close();
});

test("a shared link ends in its own view, with no hydration error and no default rows shown first", async () => {
  const query = "?sort=-ram&f=gpu&cols=hardware&cmp=kaggle,colab";
  const page = await openPage(browser, server.url + query);
  assert.deepEqual(await headers(page), ["Platform", "GPU", "GPU memory", "TPU", "CPU cores", "RAM", "Disk", "Persistent storage"]);
  assert.deepEqual(await ariaSorts(page), [["RAM", "descending"]]);
  assert.equal(await page.locator(".compare").count(), 1);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains("pending")), false);
  assert.ok(page.url().endsWith(query), page.url());
  checkNoErrors(page);
  await page.context().close();
  // While the wasm has not arrived, the prerendered default view stays covered.
  const context = await browser.newContext();
  const waiting = await context.newPage();
  await waiting.route(/\.wasm$/, () => {}); // never answered
  await waiting.goto(server.url + query, { waitUntil: "domcontentloaded" });
  assert.equal(await waiting.$eval("#app", (a) => getComputedStyle(a).visibility), "hidden");
  const plain = await context.newPage();
  await plain.route(/\.wasm$/, () => {});
  await plain.goto(server.url, { waitUntil: "domcontentloaded" });
  assert.equal(await plain.$eval("#app", (a) => getComputedStyle(a).visibility), "visible", "the default view shows at once");
  assert.ok((await plain.locator(".results-table tbody tr").count()) >= 17, "prerendered rows before any script");
  await context.close();
});

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

test("CSV and JSON downloads hold the visible rows in order with the chosen columns", async () => {
  const page = await openPage(browser, `${server.url}?sort=-session&f=gpu&cols=limits`, { acceptDownloads: true });
  const shown = await fullNames(page);
  await openShare(page);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("button:has-text('Download CSV')")]);
  const rows = parseCsv(readFileSync(await csv.path(), "utf8"));
  assert.deepEqual(rows[0], ["Platform", "GPU time (as stated)", "GPU time (h/week)", "Persistent storage (GB)", "Max session (h)", "Idle timeout (h)", "Last verified"]);
  // A quota in the vendor's words, then comparable: SageMaker Studio Lab's 4 h/day is 28 h/week.
  const lab = rows.find((r) => r[0] === "Amazon SageMaker Studio Lab");
  if (lab) assert.deepEqual(lab.slice(1, 3), ["4 h/day", "28"]);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), shown, "the rows shown, in order");
  await page.waitForFunction(() => /Downloaded free-ml-platforms-\d{4}-\d{2}-\d{2}\.csv/.test(document.querySelector(".share-bar .said").textContent));
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("button:has-text('Download JSON')")]);
  const text = readFileSync(await json.path(), "utf8");
  const doc = JSON.parse(text);
  assert.deepEqual(doc.platforms.map((p) => p.name), shown);
  // Written by the browser's JSON.stringify from thousandths: two-space indents, and each number
  // as the data file writes it (no float noise such as 0.58299999), which is the oracle here.
  assert.match(text, /^\{\n {2}"dataset_date": "\d{4}-\d{2}-\d{2}",\n {2}"platforms": \[/);
  assert.doesNotMatch(text, /": -?\d+\.\d{4,}[,\n]/);
  const file = JSON.parse(readFileSync(new URL("../../assets/platforms.json", import.meta.url), "utf8"));
  let numbers = 0;
  for (const p of doc.platforms) {
    const facts = file.platforms.find((q) => q.id === p.id).snapshots.today.facts;
    for (const [field, v] of Object.entries(p.values)) {
      if (v.from_2019 || v.number === undefined) continue;
      assert.equal(v.number, facts[field].number, `${p.id} ${field}`);
      numbers++;
    }
  }
  assert.ok(numbers > 5, "numbers were compared");
  const kaggle = doc.platforms.find((p) => p.id === "kaggle");
  assert.equal(kaggle.values.session.text, "12 h");
  assert.equal(kaggle.values.session.unit, "h");
  assert.match(kaggle.values.session.sources[0].url, /^https:\/\//);
  assert.match(kaggle.values.session.sources[0].date, /^\d{4}-\d{2}-\d{2}$/);
  checkNoErrors(page);
  await page.context().close();
});

test("by keyboard a row costs its cells and its three controls; the compare-and-embed task stays short", async () => {
  const page = await openPage(browser, server.url);
  // From one compare box to the next: the name, the details button, one stop per value, the next box.
  const [values, stops, lastTarget] = await page.evaluate(() => {
    const rows = [...document.querySelectorAll(".results-table tbody tr:not(.retired)")];
    rows[0].querySelector(".compare-box").focus();
    const last = rows.findIndex((r) => r.querySelector("a.name")?.title === "Amazon SageMaker Studio Lab");
    return [rows[0].querySelectorAll(".value").length, 0, last];
  });
  let n = stops;
  do {
    await page.keyboard.press("Tab");
    n++;
  } while (!(await page.evaluate(() => document.activeElement.matches(".compare-box"))) && n < 100);
  assert.equal(n, values + 3, "Tab stops from one row's compare box to the next");
  await page.context().close();
  // The usability test's task: 254 Tabs to tick the three boxes and 409 keys in all before #25.
  // Now each row passed costs its cells and three controls, plus at most 20 stops above the rows
  // (the skip link, the bar, the picks and the headers); the last box is the (lastTarget + 1)th row.
  const task = await keyboardTask(browser, server.url);
  const boxes = task.steps.slice(0, 3).reduce((sum, [, tab, shift]) => sum + tab + shift, 0);
  const bound = 20 + (lastTarget + 1) * (values + 3);
  assert.ok(boxes <= bound, `ticking three boxes took ${boxes} Tabs (at most ${bound}): ${JSON.stringify(task.steps)}`);
  assert.deepEqual(task.errors, []);
});

test("compare can be found and followed: a visible word, a link to the comparison after the box, an announcement, stars only on amounts", async () => {
  const page = await openPage(browser, server.url);
  assert.equal(await page.locator(".results-table thead .compare-label").isVisible(), true);
  assert.equal(await page.locator(".results-table thead .compare-label").textContent(), "Compare");
  const box = (id) => page.locator(`#row-${id} .compare-box`);
  await box("colab").focus();
  await page.keyboard.press("Space");
  assert.equal(await page.locator(".to-compare").count(), 0, "one chosen: no comparison yet");
  await box("kaggle").focus();
  await page.keyboard.press("Space");
  await page.locator(".compare table").waitFor();
  assert.match(await page.locator("main .summary").textContent(), /Comparing Google Colab and Kaggle Notebooks side by side above the table/);
  // The link right after Kaggle's box (past its name) leads there, and focus follows.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.matches("#row-kaggle .to-compare")), true);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement.matches("section.compare"));
  const top = await page.locator("section.compare").boundingBox();
  assert.ok(top.y >= -1 && top.y < 900, `the comparison in view: ${top.y}`);
  // Colab's TPU v5e-1 and Kaggle's TPU v5e-8 are two models, not amounts; a status is no amount.
  const stars = await page.$$eval(".compare tbody tr", (trs) => trs.filter((tr) => tr.querySelector(".best-mark"))
    .map((tr) => tr.querySelector("th").firstChild.textContent));
  for (const label of ["TPU", "GPU", "Status", "Card needed"]) assert.ok(!stars.includes(label), `★ on ${label}: ${stars}`);
  await axe(page, "comparison reached by keyboard");
  checkNoErrors(page);
  await page.context().close();
});

test("copy link and embed code say what they did", async () => {
  const page = await openPage(browser, `${server.url}?sort=-ram`);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openShare(page);
  await axe(page, "share menu open");
  await page.click("button:has-text('Copy link')");
  await page.waitForFunction(() => document.querySelector(".share-bar .said").textContent !== "");
  assert.equal(await page.textContent(".share-bar .said"), "Link copied.");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await page.focus("button:has-text('Embed this view')");
  await page.keyboard.press("Enter");
  const code = await page.inputValue(".embed-code textarea");
  assert.match(code, /<iframe id="free-ml" src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&sort=-ram"/);
  await axe(page, "embed code open");
  checkNoErrors(page);
  await page.context().close();
});

test("in a cross-origin iframe the embed snippet sizes its frame, sorts, and opens links in a new tab", async () => {
  const { createServer } = await import("node:http");
  // The snippet as the page writes it, for a view opened under another host name than the blog's.
  const view = await openPage(browser, `${server.url}?sort=-ram`.replace("127.0.0.1", "localhost"));
  await openShare(view);
  await view.click("button:has-text('Embed this view')");
  const snippet = await view.inputValue(".embed-code textarea");
  await view.context().close();
  assert.match(snippet, /<iframe id="free-ml" src="http:\/\/localhost:\d+\/\?embed=1&sort=-ram"/);
  const blog = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>A blog</title><h1>My post</h1>\n${snippet}`);
  });
  await new Promise((ok) => blog.listen(0, "127.0.0.1", ok));
  const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
  await page.goto(`http://127.0.0.1:${blog.address().port}/`);
  const frame = page.frameLocator("#free-ml");
  await frame.locator(".results-table tbody tr").first().waitFor();
  const initial = Number(snippet.match(/height="(\d+)"/)[1]);
  await page.waitForFunction((initial) => Number(document.getElementById("free-ml").height) !== initial, initial);
  await page.waitForTimeout(300);
  const inner = await page.frames()[1].evaluate(() => document.documentElement.scrollHeight);
  const height = Number(await page.getAttribute("#free-ml", "height"));
  assert.ok(Math.abs(height - inner) < 40, `frame ${height} px for ${inner} px of page`);
  assert.equal(await frame.locator(".intro.compact h1").count(), 1, "no long intro");
  assert.equal(await frame.locator(".sheet[open]").count(), 0, "controls folded");
  await frame.locator(".results-table thead th button:has-text('Max session')").click();
  assert.match(await frame.locator("[role=status].summary").textContent(), /Sorted by Max session/);
  assert.equal(await page.frames()[1].evaluate(() => document.querySelector("base").target), "_blank");
  await page.context().close();
  await new Promise((ok) => blog.close(ok));
});

test("the embed is what is shown: the comparison alone, or the table at the frame's width; the frame fits its content", async () => {
  // A comparison: the comparison alone, with its link to the full table; focus on the snippet.
  const compared = await embedInFrame(browser, server.url, "?cmp=sagemaker-studio-lab,colab,kaggle");
  assert.equal(compared.snippetFocus, "textarea", "focus moved to the snippet");
  assert.deepEqual([compared.comparison, compared.tableShown, compared.footer], [true, false, false], JSON.stringify(compared));
  assert.ok(Math.abs(compared.frameHeight - compared.content) <= 4, `frame ${compared.frameHeight} px for ${compared.content} px`);
  assert.ok(compared.frameHeight < 1400, `a comparison's frame, not the page's: ${compared.frameHeight} px`);
  assert.deepEqual(compared.cutInBoxes, [], "nothing cut at the right");
  assert.ok(compared.pageWidth <= compared.width);
  // No comparison: the table at 760 px, nothing cut at the right.
  const table = await embedInFrame(browser, server.url, "?sort=-ram");
  assert.deepEqual([table.tableShown, table.footer, table.cutInBoxes], [true, false, []], JSON.stringify(table));
  assert.ok(Math.abs(table.frameHeight - table.content) <= 4, `frame ${table.frameHeight} px for ${table.content} px`);
  assert.ok(table.pageWidth <= table.width);
  const page = await openPage(browser, `${server.url}?embed=1&cmp=colab,kaggle`, { viewport: { width: 760, height: 900 } });
  assert.equal(await page.locator(".intro a", { hasText: "Open the full table" }).count(), 1);
  assert.equal(await page.locator(".results-table, .cards").count(), 0);
  await axe(page, "embedded comparison");
  checkNoErrors(page);
  await page.context().close();
});

test("phone state in view: the folded sheet names the filters and sort, Columns near its top, picks wrap, Share's messages move nothing", async () => {
  // A friend opens a shared link on a phone.
  const page = await openPage(browser, `${server.url}?f=r,nocard&cols=access`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  const state = page.locator(".sheet > summary .sheet-state");
  const [text, whole] = await state.evaluate((s) => [s.textContent, s.scrollWidth <= s.clientWidth && s.getBoundingClientRect().right <= innerWidth]);
  // The ticked boxes' own labels (without their counts), read from the page's form.
  const ticked = await page.$$eval("input[name=f]:checked", (inputs) => inputs.map((i) => i.closest("label").textContent.replace(/\s*\(\d+\)\s*$/, "").trim()));
  assert.equal(ticked.length, 2);
  for (const label of ticked) assert.ok(text.includes(label), `${label} in "${text}"`);
  assert.match(text, /Platform, A to Z/);
  assert.ok(whole, `the summary is cut: "${text}"`);
  // Columns is near the top of the opened sheet, before the long list of filters.
  await page.click(".sheet > summary");
  const [sheetTop, columnsTop, filtersTop] = await page.evaluate(() => [".sheet", ".column-picker", ".filters-menu"]
    .map((s) => document.querySelector(s).getBoundingClientRect().top));
  assert.ok(columnsTop < filtersTop && columnsTop - sheetTop < 250, `Columns at ${columnsTop - sheetTop} px into the sheet`);
  await page.click(".sheet > summary");
  // The quick picks wrap inside the window.
  const picks = await page.locator(".picks").evaluate((p) => [p.scrollWidth, p.clientWidth, p.getBoundingClientRect().right]);
  assert.ok(picks[0] <= picks[1] && picks[2] <= 375, `picks ${picks}`);
  await axe(page, "phone, shared link, sheet folded");
  await page.context().close();
  // Share's messages stay inside the window and never move an open menu, on a phone and a laptop.
  for (const [width, height] of [[375, 667], [1280, 800]]) {
    const p = await openPage(browser, server.url, { viewport: { width, height } });
    await p.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openShare(p);
    const box = () => p.locator(".share-menu > .menu-body").boundingBox();
    const before = await box();
    for (const [button, said] of [["Copy link", /Link copied/], ["Download CSV", /Downloaded/]]) {
      await p.click(`.share-menu button:has-text('${button}')`);
      await p.waitForFunction((re) => new RegExp(re).test(document.querySelector(".share-bar .said").textContent), said.source);
      const after = await box();
      assert.ok(Math.abs(after.x - before.x) < 1 && Math.abs(after.y - before.y) < 1, `${width} px: ${button} moved the menu ${JSON.stringify([before, after])}`);
      assert.ok(after.x >= 0 && after.x + after.width <= width, `${width} px: the menu outside the window ${JSON.stringify(after)}`);
      const message = await p.locator(".share-bar .said").boundingBox();
      assert.ok(message.x >= 0 && message.x + message.width <= width, `${width} px: the message outside the window`);
    }
    await p.context().close();
  }
});

test("without JavaScript values do not look clickable, the marks legend is there, and no words promise what needs a script", async () => {
  const page = await openPage(browser, server.url, { javaScriptEnabled: false });
  const value = page.locator(".results-table .value").first();
  const look = await value.evaluate((v) => [getComputedStyle(v).cursor, getComputedStyle(v).borderBottomStyle]);
  assert.deepEqual(look, ["default", "none"], "a value that opens nothing looks like text");
  assert.equal(await page.locator(".results-table + .legend").isVisible(), true, "the legend of the marks shown");
  const visibleText = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(visibleText, /hover, focus or tap/i);
  assert.match(visibleText, /Marks: ≈ uncertain/);
  await page.context().close();
});

test("print hides the controls and keeps the table, the footer's way to the sources, and table.html's sources", async () => {
  const page = await openPage(browser, `${server.url}?cmp=kaggle,colab`);
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".controls", ".share-bar", ".compare-box", ".picks"]) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} printed`);
  }
  assert.equal(await page.locator(".results-table").isVisible(), true);
  assert.ok(await page.locator("footer .sources-note").isVisible(), "where the sources are is printed");
  // The list itself is on the page of every value, and printed with it.
  await page.goto(`${server.url}table.html`);
  assert.ok(await page.locator("#sources li").last().isVisible(), "the sources are printed");
  await page.context().close();
});

test("the footer counts the sources and links to table.html, which lists every one", async () => {
  const data = JSON.parse(readFileSync(new URL("../../assets/platforms.json", import.meta.url), "utf8"));
  const sources = Object.values(data.sources);
  const page = await openPage(browser, server.url);
  assert.equal(await page.locator(".sources li").count(), 0, "no list of sources in the default page");
  const note = page.locator("footer .sources-note");
  assert.match(await note.textContent(), new RegExp(`^The data cites ${sources.length} sources; each value's popover names its own`));
  assert.equal(await note.locator("a[href='./platforms.json']").count(), 1);
  await note.locator("a", { hasText: "Every source" }).click();
  await page.waitForURL(/\/table\.html#sources$/);
  const list = page.locator("#sources");
  assert.match(await list.locator("h2").textContent(), new RegExp(`Sources \\(${sources.length}\\)`));
  const links = await list.locator("li a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
  assert.deepEqual(links.toSorted(), sources.map((s) => [s.title, s.url]).toSorted(), "every source of the data, linked");
  assert.ok(await page.evaluate(() => Math.abs(document.querySelector("#sources").getBoundingClientRect().top) < 2), "scrolled to the list");
  await page.context().close();
});

test("embed mode passes axe", async () => {
  const page = await openPage(browser, `${server.url}?embed=1`);
  assert.equal(await page.locator(".intro.compact").count(), 1);
  await page.click(".sheet > summary");
  await axe(page, "embed");
  checkNoErrors(page);
  await page.context().close();
});

test("left out, and why: the hidden platforms are listed with the value that failed; a name clears just its filters", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await openPage(browser, `${server.url}?min=ram:16`, { colorScheme });
    const shown = await names(page);
    const list = page.locator("section.left-out");
    await list.waitFor();
    const items = await list.locator("li").allTextContents();
    assert.equal(items.length, 17 - shown.length, `${items}`);
    assert.ok(items.includes("Google Colab — RAM 12.7 GB, below 16 GB"), `${items}`);
    assert.ok(items.some((t) => /^Lightning AI Studios — RAM unknown, so not counted as at least 16 GB$/.test(t)), `${items}`);
    assert.match(await list.locator("h2").textContent(), new RegExp(`Left out by the filters \\(${items.length}\\)`));
    // The count in the polite live region.
    assert.match(await page.textContent("main .summary"), new RegExp(`${items.length} left out`));
    await axe(page, `left-out list (${colorScheme})`);
    if (colorScheme === "dark") {
      await page.close();
      continue;
    }
    // By keyboard: Colab's button clears the RAM step (its only hider) and focus lands on its row.
    await list.locator("button", { hasText: "Google Colab" }).focus();
    await page.keyboard.press("Enter");
    await page.locator("#row-colab").waitFor();
    await urlMatches(page, /min=ram/, false);
    assert.equal(await page.locator("section.left-out").count(), 0, "nothing hidden any more");
    assert.equal(await page.evaluate(() => document.activeElement.closest("tr")?.id), "row-colab");
    await page.close();
  }
});

test("bars: widths grow with the value, stay inside their cell and keep rows one line high", async () => {
  const page = await openPage(browser, `${server.url}?sort=-ram`);
  const bars = await page.$$eval(".results-table td[data-f=ram]", (tds) => tds.map((td) => {
    const bar = td.querySelector(".bar");
    if (!bar) return null;
    const [b, c, v] = [bar.getBoundingClientRect(), td.getBoundingClientRect(), td.querySelector("button.value").getBoundingClientRect()];
    return { step: Number(bar.className.match(/bar-w(\d+)/)[1]), width: b.width, inside: b.bottom <= c.bottom + 0.5 && b.left >= c.left,
      hidden: bar.getAttribute("aria-hidden"), lineHigh: v.height < 40 };
  }).filter(Boolean));
  assert.ok(bars.length >= 5, JSON.stringify(bars));
  assert.equal(bars[0].step, 20);
  for (let i = 1; i < bars.length; i++) assert.ok(bars[i].step <= bars[i - 1].step && bars[i].width <= bars[i - 1].width + 0.5, JSON.stringify(bars));
  assert.ok(bars.every((b) => b.inside && b.hidden === "true" && b.lineHigh), JSON.stringify(bars));
  // The legend says which scales are logarithmic (RAM spans 0.5 to 48 GB and more).
  assert.match(await page.textContent(".legend"), /Bars under numbers: each against its column's largest value shown; on a log scale for [^.]*RAM/);
  await axe(page, "bars");
  await page.close();
});
