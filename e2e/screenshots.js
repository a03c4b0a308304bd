// Takes the screenshots we look at before shipping: desktop, phone and dark mode, every new state
// (columns menu, thresholds, compare, multi-sort) and an open provenance popover.
// Writes e2e/screenshots/*.png. Usage: node e2e/screenshots.js
import { mkdirSync } from "node:fs";
import { serveDist, launch, openPage } from "./lib.js";

const out = new URL("./screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launch();
const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const shots = [
  ["desktop", {}, "", false],
  ["desktop-full", {}, "", true],
  ["desktop-thresholds-multisort", {}, "?sort=-gpu_quota,-ram&f=gpu&min=ram:16", true],
  ["desktop-compare", {}, "?cmp=kaggle,colab,marimo-molab", true],
  ["desktop-all-columns", {}, "?cols=all", false],
  ["phone", phone, "", true],
  ["phone-compare", phone, "?cmp=kaggle,colab", true],
  ["dark", { colorScheme: "dark" }, "?sort=-session&cmp=kaggle,colab", true],
  ["dark-2019", { colorScheme: "dark" }, "?era=2019", true],
  ["embed", { viewport: { width: 800, height: 900 } }, "?embed=1&sort=-ram", false],
];
for (const [name, options, query, full] of shots) {
  const page = await openPage(browser, server.url + query, options);
  await page.screenshot({ path: `${out}${name}.png`, fullPage: full });
  if (name === "desktop") {
    await page.locator(".results-table tbody tr").nth(2).locator(".value").nth(3).focus();
    await page.screenshot({ path: `${out}popover.png` });
    await page.locator(".column-picker summary").click();
    await page.screenshot({ path: `${out}columns-menu.png` });
    await page.locator(".column-picker summary").click();
    await page.locator(".results-table tbody tr").nth(4).locator("details.proscons summary").click();
    await page.screenshot({ path: `${out}pros-and-cons.png` });
  }
  if (name === "phone") {
    await page.locator(".cards .value").nth(2).tap();
    await page.screenshot({ path: `${out}phone-popover.png` });
  }
  await page.context().close();
}
// Without JavaScript: the prerendered view with its note, and the page with every value it links to.
const still = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();
await still.goto(server.url);
await still.screenshot({ path: `${out}no-javascript.png` });
await still.goto(server.url + "table.html");
await still.screenshot({ path: `${out}table-page.png` });
await still.context().close();
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
