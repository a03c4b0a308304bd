// Takes the screenshots we look at before shipping: desktop, phone and dark mode, every new state
// (columns menu, filters, share menu, a row's details, thresholds, compare, multi-sort, the phone's
// sheet), an open provenance popover, and one whose words are still coming or could not come.
// Writes e2e/screenshots/*.png. Usage: node e2e/screenshots.js
import { mkdirSync } from "node:fs";
import { serveDist, launch, openPage, wordsArrived } from "./lib.js";

const out = new URL("./screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launch();
const phone = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const laptop = { viewport: { width: 1280, height: 800 } };
const shots = [
  ["desktop", laptop, "", false],
  ["desktop-1440", { viewport: { width: 1440, height: 900 } }, "", false],
  ["desktop-full", {}, "", true],
  ["desktop-thresholds-multisort", {}, "?sort=-gpu_quota,-ram&f=gpu&min=ram:16", true],
  ["desktop-compare", {}, "?cmp=kaggle,colab,marimo-molab", true],
  ["desktop-all-columns", {}, "?cols=all", false],
  ["phone", phone, "", true],
  ["phone-compare", phone, "?cmp=kaggle,colab", true],
  ["dark", { colorScheme: "dark" }, "?sort=-session&cmp=kaggle,colab", true],
  ["dark-1280", { colorScheme: "dark", ...laptop }, "", false],
  ["dark-phone", { colorScheme: "dark", ...phone }, "", false],
  ["dark-2019", { colorScheme: "dark" }, "?era=2019", true],
  ["embed", { viewport: { width: 800, height: 900 } }, "?embed=1&sort=-ram", false],
  ["desktop-1024", { viewport: { width: 1024, height: 768 } }, "", false],
  ["dark-1440", { colorScheme: "dark", viewport: { width: 1440, height: 900 } }, "", false],
  // #25: the flows. An embed at a blog column's 760 px, of a comparison and of the table; a shared
  // link on a phone with its sheet folded; the 2019 view's article line.
  ["embed-compare-760", { viewport: { width: 760, height: 900 } }, "?embed=1&cmp=sagemaker-studio-lab,colab,kaggle", true],
  ["embed-table-760", { viewport: { width: 760, height: 900 } }, "?embed=1&sort=-ram", true],
  ["phone-shared-link", phone, "?f=r,nocard&cols=access", false],
  ["dark-phone-shared-link", { colorScheme: "dark", ...phone }, "?f=r,nocard&sort=-ram", false],
  ["desktop-2019", laptop, "?era=2019", false],
];
for (const [name, options, query, full] of shots) {
  const page = await openPage(browser, server.url + query, options);
  await page.screenshot({ path: `${out}${name}.png`, fullPage: full });
  if (name === "desktop") {
    await page.locator(".results-table tbody tr").nth(2).locator(".value").nth(3).focus();
    await wordsArrived(page.locator(".pop"));
    await page.screenshot({ path: `${out}popover.png` });
    await page.locator(".column-picker summary").click();
    await page.screenshot({ path: `${out}columns-menu.png` });
    await page.locator(".column-picker summary").click();
    await page.locator(".filters-menu > summary").click();
    await page.screenshot({ path: `${out}filters-open.png` });
    await page.locator(".filters-menu > summary").click();
    await page.locator("#row-kaggle button.more").click();
    await wordsArrived(page.locator("#detail-t-kaggle"));
    await page.screenshot({ path: `${out}row-details.png` });
    await page.locator(".share-menu > summary").click();
    await page.screenshot({ path: `${out}share-menu.png` });
  }
  if (name === "desktop") {
    // The keyboard's way (#23): the skip link as the first stop, the quick picks' arrow keys, and
    // the popover of an absent value (its one word and why).
    await page.reload();
    await page.waitForFunction(() => window.__started === true);
    await page.keyboard.press("Tab");
    await page.screenshot({ path: `${out}skip-link.png` });
    await page.locator(".picks a").first().focus();
    await page.keyboard.press("ArrowRight");
    await page.screenshot({ path: `${out}picks-keys.png` });
    await page.locator("#row-deepnote [data-f=gpu] .value").focus();
    await wordsArrived(page.locator(".pop"));
    await page.screenshot({ path: `${out}popover-no.png` });
  }
  if (name === "phone") {
    await page.screenshot({ path: `${out}phone-first-screen.png` });
    await page.locator(".cards .value").nth(2).tap();
    await wordsArrived(page.locator(".pop"));
    await page.screenshot({ path: `${out}phone-popover.png` });
    await page.locator(".sheet > summary").tap();
    await page.screenshot({ path: `${out}phone-sheet.png` });
  }
  await page.context().close();
}
// #25: a long popover scrolled (Lightning AI's GPU time), the compare boxes' word and the link
// after a ticked box, What changed (today and in the 2019 view), a phone's Share menu after
// "Link copied.".
{
  const page = await openPage(browser, server.url, laptop);
  await page.locator("#row-lightning-ai td[data-f=gpu_quota] .value").click();
  await wordsArrived(page.locator(".pop"));
  await page.locator(".pop").evaluate((p) => { p.scrollTop = p.scrollHeight; });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}popover-long-scrolled.png` });
  await page.keyboard.press("Escape");
  for (const id of ["colab", "kaggle"]) await page.locator(`#row-${id} .compare-box`).check();
  await page.locator("#row-colab").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}compare-ticked.png` });
  await page.context().close();
  for (const [name, options, query] of [["what-changed", laptop, ""], ["dark-what-changed", { colorScheme: "dark", ...laptop }, ""], ["what-changed-2019", laptop, "?era=2019"]]) {
    const p = await openPage(browser, server.url + query, options);
    await p.locator("section.what-changed").scrollIntoViewIfNeeded();
    await p.evaluate(() => document.querySelector("section.what-changed").scrollIntoView());
    await p.screenshot({ path: `${out}${name}.png` });
    await p.context().close();
  }
  const p = await openPage(browser, server.url, phone);
  await p.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await p.locator(".share-menu > summary").tap();
  await p.locator(".share-menu button", { hasText: "Copy link" }).tap();
  await p.waitForFunction(() => document.querySelector(".share-bar .said").textContent !== "");
  await p.screenshot({ path: `${out}phone-share-copied.png` });
  await p.context().close();
}
// A popover while the prose file is on its way (held back here), and where it cannot be read.
for (const [name, answer] of [["popover-loading", null], ["popover-failed", 404]]) {
  const page = await openPage(browser, server.url, laptop);
  await page.route(/\/prose-[0-9a-f]{16}\.json$/, (route) => (answer ? route.fulfill({ status: answer, body: "" }) : new Promise(() => {})));
  await page.locator("#row-kaggle .value").nth(3).focus();
  await page.locator(".pop .prose-pending").first().waitFor();
  if (answer) await page.waitForFunction(() => /Could not/.test(document.querySelector(".pop .prose-pending").textContent));
  await page.screenshot({ path: `${out}${name}.png` });
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
