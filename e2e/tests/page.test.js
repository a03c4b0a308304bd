// The release build in headless Chromium: sorting (mouse and keyboard), filters, the live region,
// URL state across reloads, bad URLs, provenance popovers, the 2019 switch and axe-core scans.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { serveDist, launch, openPage } from "../lib.js";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
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
const names = (page) => page.$$eval("tbody th[scope=row] > a", (as) => as.map((a) => a.textContent));

/** The visible text of one column's value buttons, by header label. */
async function column(page, label) {
  return page.evaluate((label) => {
    const heads = [...document.querySelectorAll("thead th")];
    const index = heads.findIndex((th) => th.querySelector("button").firstChild.textContent === label);
    if (index < 0) throw new Error(`no column ${label}`);
    return [...document.querySelectorAll("tbody tr")].map((tr) => {
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
  page.$$eval("thead th[aria-sort]", (ths) => ths.map((th) => [th.querySelector("button").firstChild.textContent, th.getAttribute("aria-sort")]));

async function axe(page, label) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
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
  assert.deepEqual(rows, [...rows].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  assert.match(await page.title(), /Free ML platforms compared/);
  checkNoErrors(page);
  await axe(page, "default");
  await page.context().close();
});

test("sorting by RAM puts the largest first, unknowns last both ways, and sets aria-sort", async () => {
  const page = await openPage(browser, server.url);
  await page.click("thead th button:has-text('RAM')");
  assert.deepEqual(await ariaSorts(page), [["RAM", "descending"]]);
  assert.match(await page.textContent("[role=status]"), /^Sorted by RAM, largest first\. \d+ of \d+ platforms shown\.$/);
  const units = { GB: 1, MB: 0.001 };
  for (const expectDesc of [true, false]) {
    const values = (await column(page, "RAM")).map((t) => amount(t, units));
    const known = values.filter((v) => v !== null);
    assert.ok(known.length >= 5, `known RAM values: ${values}`);
    assert.deepEqual(values.slice(0, known.length), known, `unknowns last: ${values}`);
    const sorted = [...known].sort((a, b) => (expectDesc ? b - a : a - b));
    assert.deepEqual(known, sorted, `order: ${known}`);
    if (expectDesc) await page.click("thead th button:has-text('RAM')");
  }
  assert.deepEqual(await ariaSorts(page), [["RAM", "ascending"]]);
  assert.match(page.url(), /[?&]sort=ram(&|$)/);
  checkNoErrors(page);
  await page.context().close();
});

test("the session limit sorts by keyboard, hours and minutes compared as one unit", async () => {
  const page = await openPage(browser, server.url);
  await page.focus("thead th button:has-text('Max session')");
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
  const label = page.locator("label", { hasText: "Free GPU" });
  const promised = Number((await label.textContent()).match(/\((\d+)\)/)[1]);
  await label.locator("input").check();
  const shown = await names(page);
  assert.equal(shown.length, promised, "the box's count is the number shown");
  assert.ok(shown.length < all && shown.length > 0);
  assert.ok(shown.includes("Kaggle Notebooks") && shown.includes("Google Colab"));
  assert.ok(!shown.includes("Binder (mybinder.org)"));
  assert.match(await page.textContent("[role=status]"), new RegExp(`${shown.length} of ${all} platforms shown`));
  assert.match(page.url(), /[?&]f=gpu(&|$)/);
  await page.click("thead th button:has-text('RAM')");
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
  assert.match(page.url(), /utm_source=blog/);
  checkNoErrors(page);
  await page.context().close();
});

test("real facts show through the page: Kaggle's 12 h session, Azure Notebooks retired", async () => {
  const page = await openPage(browser, server.url);
  const kaggle = page.locator("tr", { has: page.locator("th a", { hasText: "Kaggle Notebooks" }) });
  const session = await column(page, "Max session");
  const rows = await names(page);
  assert.equal(session[rows.indexOf("Kaggle Notebooks")], "12 h");
  const azure = page.locator("tr", { has: page.locator("th a", { hasText: "Azure Notebooks" }) });
  assert.match(await azure.textContent(), /Retired 2020-10-09/);
  assert.match(await kaggle.textContent(), /Open/);
  await page.context().close();
});

test("the provenance popover opens on keyboard focus, lets focus reach its link, and closes on Escape", async () => {
  const page = await openPage(browser, server.url);
  const kaggle = page.locator("tr", { has: page.locator("th a", { hasText: "Kaggle Notebooks" }) });
  const value = kaggle.locator(".value").nth(8); // Max session: the ninth field
  await value.focus();
  const pop = kaggle.locator(".pop");
  await pop.waitFor();
  assert.match(await pop.textContent(), /Max session/);
  assert.match(await pop.textContent(), /Confidence: (verified|reported|uncertain|conflicting)/);
  assert.match(await pop.textContent(), /\d{4}-\d{2}-\d{2}/, "the source's date");
  assert.match(await pop.locator("a").first().getAttribute("href"), /^https:\/\//);
  assert.equal(await value.getAttribute("aria-expanded"), "true");
  // It sits next to its value, inside the window.
  const [box, anchor] = [await pop.boundingBox(), await value.boundingBox()];
  assert.ok(box.y >= 0 && box.y + box.height <= 900 && box.x >= 0 && box.x + box.width <= 1280, `popover at ${JSON.stringify(box)}`);
  assert.ok(Math.abs(box.y - (anchor.y + anchor.height)) < 12 || Math.abs(box.y + box.height - anchor.y) < 12, "touches its value");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.closest(".pop") !== null), true, "focus moved into the popover");
  assert.equal(await pop.count(), 1, "still open");
  await page.keyboard.press("Escape");
  assert.equal(await pop.count(), 0);
  // Tabbing on to the next value closes this popover and opens that one.
  await value.focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.locator(".pop").count(), 1);
  assert.match(await page.locator(".pop").textContent(), /Idle timeout/);
  await page.keyboard.press("Escape");
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

test("the 2019 switch shows the article's four platforms, in the URL and after a reload", async () => {
  const page = await openPage(browser, server.url);
  await page.check("input[name=era][value='2019']");
  const rows = await names(page);
  assert.deepEqual([...rows].sort(), ["Azure Notebooks", "CoCalc (free plan)", "Google Colab", "Kaggle Notebooks"]);
  assert.match(page.url(), /[?&]era=2019/);
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
  assert.match(await page.textContent("[role=status]"), /0 of \d+ platforms shown/);
  await axe(page, "empty");
  await page.click(".empty button");
  assert.ok((await names(page)).length >= 14);
  assert.doesNotMatch(page.url(), /f=/);
  await page.context().close();
});

test("dark mode passes axe", async () => {
  const page = await openPage(browser, server.url, { colorScheme: "dark" });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, "rgb(18, 20, 24)");
  await axe(page, "dark");
  await page.context().close();
});

test("at 375 px the page does not scroll sideways; the table scrolls in its own region", async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    region: document.querySelector(".table-scroll").scrollWidth,
  }));
  assert.ok(widths.page <= 375, `page is ${widths.page} px wide`);
  assert.ok(widths.region > 375, "the table scrolls inside its region");
  await axe(page, "375 px");
  // On a touch screen a tap opens the provenance, inside the narrow window, and a second tap closes it.
  const value = page.locator("tbody tr").first().locator(".value").first();
  await value.tap();
  const box = await page.locator(".pop").boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `popover at ${JSON.stringify(box)}`);
  await value.tap();
  assert.equal(await page.locator(".pop").count(), 0);
  await page.context().close();
});
