// Prints what a person sees on the first screen of the release build (dist/) at three sizes:
// platforms fully in view with their RAM and session, height above the table, row height, and on a
// phone the first card's top and cards per screen. Usage: node e2e/first-screen.js
import { serveDist, launch, openPage, firstScreen } from "./lib.js";

const server = await serveDist();
const browser = await launch();
for (const [width, height] of [[1280, 800], [1440, 900], [375, 667]]) {
  const page = await openPage(browser, server.url, { viewport: { width, height } });
  console.log(`${width}×${height}`, JSON.stringify(await firstScreen(page)));
  await page.context().close();
}
await browser.close();
await server.close();
