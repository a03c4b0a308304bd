// The release build in WebKitGTK (Safari's engine; Debian's webkit2gtk-driver), driven by
// selenium-webdriver against WebKitWebDriver, in MiniBrowser under Xvfb (the GTK port has no
// headless mode). The checks are in checks.js.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Builder, By, Key } from "selenium-webdriver";
import { engineSuite } from "./checks.js";

const ARCH = { x64: "x86_64", arm64: "aarch64" }[process.arch];
const MINIBROWSER = [process.env.MINIBROWSER_PATH, `/usr/lib/${ARCH}-linux-gnu/webkit2gtk-4.1/MiniBrowser`,
  `/usr/lib/${ARCH}-linux-gnu/webkit2gtk-4.0/MiniBrowser`].find((p) => p && existsSync(p));
/** MiniBrowser's window is the viewport plus its toolbar. */
const TOOLBAR = 38;

/** Starts `command` and resolves once it is running, or rejects with why it is not. */
function run(command, args, options) {
  const child = spawn(command, args, options);
  return new Promise((ok, fail) => {
    child.once("spawn", () => ok(child));
    child.once("error", (e) => fail(new Error(`${command}: ${e.message} (run scripts/setup.sh --engines)`)));
  });
}

/** An X display: the current one, or a new Xvfb (which writes its number to fd 3). */
async function display() {
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, stop() {} };
  const xvfb = await run("Xvfb", ["-displayfd", "3", "-screen", "0", "1600x1200x24", "-nolisten", "tcp"],
    { stdio: ["ignore", "ignore", "ignore", "pipe"] });
  const number = await new Promise((ok, fail) => {
    xvfb.stdio[3].once("data", (d) => ok(String(d).trim()));
    xvfb.once("exit", (code) => fail(new Error(`Xvfb exited with ${code}`)));
  });
  return { name: `:${number}`, stop: () => xvfb.kill() };
}

const freePort = () => new Promise((ok) => {
  const probe = createServer().listen(0, "127.0.0.1", () => { const { port } = probe.address(); probe.close(() => ok(port)); });
});

async function waitForServer(url, timeout = 15000) {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((ok) => setTimeout(ok, 100))) {
    try { if ((await fetch(url)).ok) return; } catch { /* not listening yet */ }
  }
  throw new Error(`WebKitWebDriver did not answer on ${url}`);
}

engineSuite("WebKit", async () => {
  if (!MINIBROWSER) throw new Error("no WebKitGTK MiniBrowser found: run scripts/setup.sh --engines or set MINIBROWSER_PATH");
  const x = await display();
  const port = await freePort();
  // WebKitGTK saves a download in the user's Downloads folder, which GLib reads from
  // $XDG_CONFIG_HOME/user-dirs.dirs: a folder of our own, through a config folder of our own.
  const home = mkdtempSync(join(tmpdir(), "freeml-webkit-"));
  const downloads = join(home, "downloads");
  mkdirSync(join(home, "config"));
  mkdirSync(downloads);
  writeFileSync(join(home, "config", "user-dirs.dirs"), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  const webdriver = await run("WebKitWebDriver", [`--port=${port}`], { stdio: "ignore",
    env: { ...process.env, DISPLAY: x.name, XDG_CONFIG_HOME: join(home, "config") } });
  await waitForServer(`http://127.0.0.1:${port}/status`);
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
  }).build();
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
  const browser = {
    goto: (url) => driver.get(url),
    eval: (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg ?? null),
    click: async (selector) => (await driver.findElement(By.css(selector))).click(),
    // "PageDown" is Key.PAGE_DOWN.
    press: (key) => driver.actions().sendKeys(Key[key.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()]).perform(),
    wheel: async (selector, dy) => driver.actions().scroll(0, 0, 0, dy, await driver.findElement(By.css(selector))).perform(),
    resize: (width, height) => driver.manage().window().setRect({ width, height: height + TOOLBAR }),
    screenshot: async (path) => writeFileSync(path, await driver.takeScreenshot(), "base64"),
    downloads,
    async close() {
      await driver.quit();
      webdriver.kill();
      x.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
  await browser.resize(1280, 900);
  return browser;
});
