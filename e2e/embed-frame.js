// The embed as a blog would hold it: the view's real snippet (from "Embed this view"), pasted
// into a 760 px column of a page on another origin. Measures the frame's height against its
// content and whatever runs past the right edge. `node e2e/embed-frame.js [dist] [query]` prints it.
import { createServer } from "node:http";
import { serveDist, launch, openPage } from "./lib.js";

export async function embedInFrame(browser, url, query, column = 760) {
  const view = await openPage(browser, `${url}${query}`.replace("127.0.0.1", "localhost"));
  if (!(await view.$(".share-menu[open]"))) await view.click(".share-menu > summary");
  await view.click("button:has-text('Embed this view')");
  await view.waitForSelector(".embed-code textarea");
  const snippet = await view.inputValue(".embed-code textarea");
  const focus = await view.evaluate(() => document.activeElement.tagName.toLowerCase());
  await view.context().close();
  const blog = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>A blog</title><link rel="stylesheet" href="/blog.css"><article><h1>My post</h1>\n${snippet}\n<p>After the frame.</p></article>`
      .replace('<link rel="stylesheet" href="/blog.css">', `<style>body{margin:0} article{width:${column}px;margin:0 auto}</style>`));
  });
  await new Promise((ok) => blog.listen(0, "127.0.0.1", ok));
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`http://127.0.0.1:${blog.address().port}/`);
  const frame = page.frameLocator("#free-ml");
  await frame.locator("main .summary").waitFor();
  const initial = Number(snippet.match(/height="(\d+)"/)[1]);
  await page.waitForFunction((initial) => Number(document.getElementById("free-ml").height) !== initial, initial, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(500);
  const inner = await page.frames()[1].evaluate(() => {
    const cut = [...document.querySelectorAll(".table-scroll")].filter((s) => s.getClientRects().length)
      .map((s) => s.scrollWidth - s.clientWidth).filter((d) => d > 0);
    return {
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
      width: innerWidth,
      pageWidth: document.documentElement.scrollWidth,
      cutInBoxes: cut,
      comparison: !!document.querySelector(".compare table"),
      tableShown: [...document.querySelectorAll(".results-table, .cards")].some((e) => e.getClientRects().length > 0),
      footer: [...document.querySelectorAll(".footer")].some((e) => e.getClientRects().length > 0),
    };
  });
  const height = Number(await page.getAttribute("#free-ml", "height"));
  await page.context().close();
  await new Promise((ok) => blog.close(ok));
  return { snippetFocus: focus, frameHeight: height, ...inner };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serveDist(process.argv[2]);
  const browser = await launch();
  try {
    for (const query of [process.argv[3] ?? "?cmp=sagemaker-studio-lab,colab,kaggle", "?sort=-ram"]) {
      console.log(query, JSON.stringify(await embedInFrame(browser, server.url, query)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
