// The history on the page and the files published with it, in the release build: the What changed
// section (newest first, filtered by platform), a value's history in its popover by keyboard, the
// Last changed column, the feed link, platforms.json and its schema; axe-core in each new state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { serveDist, launch, openPage, wordsArrived } from "../lib.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let server, browser, data;

before(async () => {
  server = await serveDist();
  browser = await launch();
  data = await (await fetch(`${server.url}platforms.json`)).json();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page, label) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
}

function checkNoErrors(page) {
  assert.deepEqual(page.errors, [], "console errors or CSP violations");
}

/** Every history entry of the published data: [platform name, entry]. */
const entries = () => data.platforms.flatMap((p) => (p.history ?? []).map((c) => [p.name, c]));

test("What changed leads with the changes of free tiers, explains its count, and links to every correction", async () => {
  const page = await openPage(browser, server.url);
  const section = page.locator("section.what-changed");
  await section.scrollIntoViewIfNeeded();
  const items = section.locator("ol.changes > li");
  const kinds = () => items.locator(".badge").allTextContents();
  // Every change of a free tier first, then the newest five corrections, then a link to them all.
  const changes = entries().filter(([, c]) => c.kind === "change");
  assert.ok(changes.length > 0);
  const first = await kinds();
  const changedLines = first.filter((k) => k === "Changed").length;
  assert.ok(changedLines > 0 && changedLines <= changes.length);
  assert.deepEqual(first, [...Array(changedLines).fill("Changed"), ...Array(5).fill("Corrected")], "changes lead");
  // The count says values and lines: every entry of the data is a value.
  const text = await section.textContent();
  const counted = text.match(new RegExp(`${entries().length} values in (\\d+) lines .*: ${changedLines} changes of free tiers, then (\\d+) corrections of our own data`));
  assert.ok(counted, text);
  assert.match(text, /paste that link into a feed reader/);
  for (const list of await section.locator("ol.changes").all()) {
    const dates = await list.locator("li > time").allTextContents();
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest first in each list");
  }
  // Every line links to at least one https source (their words come with the page, not the wasm).
  const linked = await items.evaluateAll((lis) => lis.every((li) => [...li.querySelectorAll("a")].some((a) => a.href.startsWith("https://"))));
  assert.ok(linked, "a line without a source link");
  await axe(page, "what changed");

  // The link to every correction leads to the page without scripts, which has every line.
  const all = section.getByRole("link", { name: `All ${counted[2]} corrections` });
  await all.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/table\.html#what-changed-title$/);
  const still = page.locator("section.what-changed");
  const said = new Set(await still.locator("ol.changes > li").evaluateAll((lis) => lis.map((li) => `${li.querySelector("strong").textContent}/${li.querySelector("time").textContent}`)));
  assert.deepEqual([...said].sort(), [...new Set(entries().map(([name, c]) => `${name}/${c.date}`))].sort());
  assert.equal(await still.locator("ol.changes > li").count(), Number(counted[1]));
  checkNoErrors(page);
  await page.context().close();
});

test("a value's history shows in its popover by keyboard, and a recent value carries its mark", async () => {
  const page = await openPage(browser, server.url);
  const kaggle = page.locator(".results-table tr", { has: page.locator("th a", { hasText: "Kaggle Notebooks" }) });
  const gpu = kaggle.locator(".value").first(); // GPU: the first of the Essentials
  // Changed 2026-09-10, within 90 days of the dataset date: marked, in words too.
  assert.equal(await gpu.locator(".mark.recent").count(), 1);
  assert.match(await gpu.textContent(), /\(changed 2026-09-10\)/);
  await gpu.focus();
  const pop = kaggle.locator(".pop");
  await pop.waitFor();
  await wordsArrived(pop);
  const history = pop.locator(".pop-history");
  assert.match(await history.textContent(), /^Was Tesla P100, 2× Tesla T4 until 2026-09-10 \(changed\)\. Source: /);
  // Each source is linked once: the history names one the value's list links already "(above)".
  const hrefs = await pop.locator("a").evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(hrefs, [...new Set(hrefs)], "each link once");
  const fact = data.platforms.find((p) => p.id === "kaggle").snapshots.today.facts.gpu;
  const change = data.platforms.find((p) => p.id === "kaggle").history.find((c) => c.field === "gpu");
  const repeated = [change.source].flat().filter((id) => [fact.source].flat().includes(id));
  assert.equal(await history.locator(".change-sources").evaluate((s) => (s.textContent.match(/\(above\)/g) || []).length), repeated.length);
  // Opened on purpose (Enter), focus reaches the popover's last link: the popover itself first,
  // then each link once.
  await page.keyboard.press("Enter");
  for (let i = 0; i <= hrefs.length; i++) await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.href), hrefs.at(-1), "focus on the last link");
  await axe(page, "popover with history");
  await page.keyboard.press("Escape");
  assert.equal(await pop.count(), 0);
  checkNoErrors(page);
  await page.context().close();
});

test("Last changed sorts newest first on its first click, platforms without history last", async () => {
  const page = await openPage(browser, `${server.url}?cols=all`);
  const header = page.locator(".results-table thead th", { hasText: "Last changed" });
  await header.locator("button").click();
  assert.equal(await header.getAttribute("aria-sort"), "descending");
  const cells = await page.$$eval(".results-table tbody td.changed", (tds) => tds.map((td) => td.textContent));
  const latest = (p) => (p.history ?? []).map((c) => c.date).sort().at(-1);
  // A retired platform's row is a note, without value cells.
  const dated = data.platforms.filter((p) => p.status.state !== "retired").map(latest).filter(Boolean).sort().reverse();
  assert.deepEqual(cells.slice(0, dated.length), dated);
  assert.ok(cells.slice(dated.length).every((t) => t === "none recorded"), cells.join(", "));
  await page.waitForFunction(() => /sort=-changed/.test(location.href));
  await axe(page, "sorted by last changed");
  checkNoErrors(page);
  await page.context().close();
});

test("the page links its feed, and the build serves the feed, the data, its schema, the CSV and llms.txt", async () => {
  const page = await openPage(browser, server.url);
  const href = await page.getAttribute('head link[rel="alternate"][type="application/atom+xml"]', "href");
  const feedUrl = new URL(href, server.url).href;
  assert.equal(feedUrl, `${server.url}feed.xml`);
  const feed = await fetch(feedUrl);
  assert.equal(feed.status, 200);
  const xml = await feed.text();
  // Parsed by the browser's own XML parser: well formed, Atom's namespace, one entry per platform and day.
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
    return { ns: doc.documentElement.namespaceURI, entries: doc.getElementsByTagName("entry").length };
  }, xml);
  const days = new Set(data.platforms.flatMap((p) => (p.history ?? []).map((c) => `${p.id}/${c.date}`)));
  assert.deepEqual(parsed, { ns: "http://www.w3.org/2005/Atom", entries: days.size });

  assert.equal(data.schema_version, 1);
  assert.equal(data.platforms.length, await page.locator(".results-table tbody tr").count());
  const schema = await (await fetch(`${server.url}platforms.schema.json`)).json();
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  const csv = await fetch(`${server.url}platforms.csv`);
  assert.equal(csv.status, 200);
  assert.match(await csv.text(), /^platform,platform_name,era,as_of,field,/);
  const llms = await (await fetch(`${server.url}llms.txt`)).text();
  assert.match(llms, /^# Free ML platforms compared\n\n> /);
  // The section's links to the files resolve on the same host.
  for (const link of await page.$$eval("section.what-changed p a", (as) => as.map((a) => a.href))) {
    assert.equal((await fetch(link)).status, 200, link);
  }
  checkNoErrors(page);
  await page.context().close();
});

test("the 2019 view names and links the article it reproduces, and What changed says it covers today's values", async () => {
  const page = await openPage(browser, `${server.url}?era=2019`);
  const article = data.sources["article-2019"];
  const note = page.locator("main > .era-note");
  assert.equal(await note.locator("a").getAttribute("href"), article.url);
  assert.equal(await note.locator("a").textContent(), article.title);
  assert.match(await note.textContent(), new RegExp(article.date));
  assert.match(await note.textContent(), /What changed, at the end of the page, lists changes of today's values\./);
  await axe(page, "2019 view");
  // Today's view says neither.
  await page.goto(server.url);
  await page.waitForFunction(() => window.__started === true);
  assert.equal(await page.locator(".era-note").count(), 0);
  checkNoErrors(page);
  await page.context().close();
});
