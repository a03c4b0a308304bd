// Counts the keys a keyboard user presses for the task "tick compare for Kaggle, Colab and
// SageMaker Studio Lab, then get the embed snippet" (usability report, task 3), on a fresh page
// at 1440×900, taking the shorter way (Tab or Shift+Tab) to each next control and following the
// page's own ways where it offers them; the boxes by Tab only (from the top, Shift+Tab would wrap
// round through the footer) (a link to the comparison, focus moved to the snippet).
// `node e2e/keyboard-task.js` prints the counts as JSON; the e2e test asserts on them.
import { serveDist, launch, openPage } from "./lib.js";

// In the table's order (A to Z by the short names the rows show), by their full names (the
// links' titles).
const TARGETS = ["Google Colab", "Kaggle Notebooks", "Amazon SageMaker Studio Lab"];

/** Presses `key` until `want()` holds in the page (at most `limit` times); returns the count. */
async function pressUntil(page, key, want, arg, limit = 700) {
  for (let n = 0; n <= limit; n++) {
    if (await page.evaluate(want, arg)) return n;
    await page.keyboard.press(key);
  }
  return Infinity;
}

/** The shorter of Tab and Shift+Tab to the element `want` finds focused; returns the count. */
async function reach(page, want, arg, forwardOnly = false) {
  const start = await page.evaluateHandle(() => document.activeElement);
  const forward = await pressUntil(page, "Tab", want, arg);
  if (forwardOnly) return { tab: forward, shiftTab: 0 };
  await start.evaluate((el) => el.focus?.());
  // Go back to where we were and try the other way.
  const restore = async () => start.evaluate((el) => (el === document.body ? document.activeElement?.blur() : el.focus()));
  await restore();
  const back = await pressUntil(page, "Shift+Tab", want, arg, Math.min(forward, 700));
  if (forward <= back) {
    await restore();
    await pressUntil(page, "Tab", want, arg);
    return { tab: forward, shiftTab: 0 };
  }
  return { tab: 0, shiftTab: back };
}

const compareBoxOf = (name) => {
  const a = document.activeElement;
  if (!a || a.type !== "checkbox") return false;
  const row = a.closest("tr, .card");
  return !!row && !row.closest(".compare") && row.querySelector("a.name")?.title === name;
};

export async function keyboardTask(browser, url) {
  const page = await openPage(browser, url, { viewport: { width: 1440, height: 900 } });
  const counts = { tab: 0, shiftTab: 0, other: 0, steps: [] };
  const add = (step, c) => {
    counts.tab += c.tab;
    counts.shiftTab += c.shiftTab;
    counts.steps.push([step, c.tab, c.shiftTab]);
  };
  for (const name of TARGETS) {
    add(`compare box: ${name}`, await reach(page, compareBoxOf, name, true));
    await page.keyboard.press("Space");
    counts.other++;
  }
  await page.waitForSelector(".compare table");
  // To the comparison, to see it: by the link after the ticked box where the page offers one,
  // else to its first control ("← Back to all platforms"), as the tester did.
  if (await page.$(".to-compare")) {
    add("to the comparison (link)", await reach(page, () => document.activeElement?.matches(".to-compare")));
    await page.keyboard.press("Enter");
    counts.other++;
    await page.waitForFunction(() => document.activeElement?.matches(".compare"));
  } else {
    add("to the comparison", await reach(page, () => document.activeElement?.matches(".compare button")));
  }
  // The Share menu's summary, then its Embed button, then the Copy button of the snippet.
  add("Share", await reach(page, () => document.activeElement?.matches(".share-menu > summary")));
  await page.keyboard.press("Enter");
  counts.other++;
  add("Embed", await reach(page, () => /^Embed/.test(document.activeElement?.textContent || "") && document.activeElement.tagName === "BUTTON"));
  await page.keyboard.press("Enter");
  counts.other++;
  await page.waitForSelector(".embed-code textarea");
  add("Copy embed code", await reach(page, () => document.activeElement?.closest(".embed-code") != null));
  counts.snippet = await page.$eval(".embed-code textarea", (t) => t.value);
  counts.errors = page.errors;
  await page.context().close();
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serveDist(process.argv[2]);
  const browser = await launch();
  try {
    console.log(JSON.stringify(await keyboardTask(browser, server.url), null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
}
