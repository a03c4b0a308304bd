// The release build in Firefox ESR (Debian's firefox-esr), driven over WebDriver BiDi by
// puppeteer-core, so no geckodriver is needed. The checks are in checks.js.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { engineSuite } from "./checks.js";

engineSuite("Firefox", async () => {
  const executablePath = [process.env.FIREFOX_PATH, "/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => p && existsSync(p));
  if (!executablePath) throw new Error("no Firefox found: run scripts/setup.sh --engines or set FIREFOX_PATH");
  // Downloads go straight into a folder of their own, without asking (WebDriver BiDi has no
  // download setting in puppeteer yet: Firefox's own preferences do it).
  const downloads = mkdtempSync(join(tmpdir(), "freeml-firefox-downloads-"));
  const browser = await puppeteer.launch({ browser: "firefox", executablePath, headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      "browser.download.folderList": 2,
      "browser.download.dir": downloads,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.helperApps.neverAsk.saveToDisk": "text/csv,application/json",
      "browser.download.alwaysOpenPanel": false,
    } });
  // A new tab: the one Firefox starts with has no focus, so it fires no focus events.
  const page = await browser.newPage();
  return {
    goto: (url) => page.goto(url, { waitUntil: "load" }),
    eval: (fn, arg) => page.evaluate(fn, arg),
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key === "Space" ? " " : key),
    // The pointer to the window's corner, off every value (a pointer left over the table opens the
    // value the page scrolls under it, which would replace a keyboard user's popover).
    rest: () => page.mouse.move(0, 0),
    async wheel(selector, dy) {
      const box = await (await page.$(selector)).boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel({ deltaY: dy });
    },
    resize: (width, height) => page.setViewport({ width, height }),
    screenshot: (path) => page.screenshot({ path }),
    downloads,
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
});
