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
