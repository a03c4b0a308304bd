// Takes the screenshots we look at before shipping: desktop, phone and dark mode, plus an open
// provenance popover. Writes e2e/screenshots/*.png. Usage: node e2e/screenshots.js
import { mkdirSync } from "node:fs";
import { serveDist, launch, openPage } from "./lib.js";

const out = new URL("./screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launch();
const shots = [
  ["desktop", {}, ""],
  ["desktop-sorted-gpu", {}, "?sort=-ram&f=gpu"],
  ["phone", { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }, ""],
  ["dark", { colorScheme: "dark" }, "?era=2019"],
];
for (const [name, options, query] of shots) {
  const page = await openPage(browser, server.url + query, options);
  await page.screenshot({ path: `${out}${name}.png`, fullPage: name !== "desktop" });
  if (name === "desktop") {
    await page.locator("tbody tr").nth(2).locator(".value").nth(5).focus();
    await page.screenshot({ path: `${out}popover.png` });
  }
  await page.context().close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
