// Trunk post_build step (scripts/prerender.sh, release builds): minifies the stylesheet, early.js
// and wasm-bindgen's glue in the staging folder with esbuild, and updates the integrity hashes
// Trunk wrote for them in the HTML files. Trunk's own minifier cannot parse the glue, and it would
// also minify index.html, whose markers the prerender looks for. Saves ~3 KB gzip of the page.
// Usage: node scripts/minify.mjs DIR (esbuild from $FREEML_TOOLS/node_modules, setup.sh).
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const tools = process.env.FREEML_TOOLS || join(process.env.HOME, ".cache/freeml-tools");
let esbuild;
try {
  esbuild = createRequire(join(tools, "node_modules/"))("esbuild");
} catch {
  console.error(`minify: esbuild is not in ${tools}/node_modules: run scripts/setup.sh`);
  process.exit(1);
}

const integrity = (body) => `sha384-${createHash("sha384").update(body).digest("base64")}`;
const files = readdirSync(dir).filter((f) => /^(style|early|free-ml-platforms)-[0-9a-f]{16}\.(css|js)$/.test(f));
const hashes = [];
for (const f of files) {
  const before = readFileSync(join(dir, f));
  // No bundling and no target: the syntax stays as written, exports and globals keep their names.
  const { code } = esbuild.transformSync(before.toString(), { loader: f.endsWith(".css") ? "css" : "js", minify: true });
  writeFileSync(join(dir, f), code);
  hashes.push([integrity(before), integrity(code)]);
}
for (const page of readdirSync(dir).filter((f) => f.endsWith(".html"))) {
  const html = readFileSync(join(dir, page), "utf8");
  const updated = hashes.reduce((h, [before, after]) => h.replaceAll(before, after), html);
  if (updated !== html) writeFileSync(join(dir, page), updated);
}
