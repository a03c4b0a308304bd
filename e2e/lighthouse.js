// Lighthouse figures for a build: the default mobile run (emulated Moto G Power, simulated
// throttling) in headless Debian Chromium, several times, reporting medians. Figures, not
// pass/fail: low scores exit 0; only a Lighthouse that cannot run exits non-zero.
// Usage: node e2e/lighthouse.js [DIST_DIR] [runs]   (needs `bash scripts/setup.sh --lighthouse`)
import { join, resolve } from "node:path";
import { homedir } from "node:os";
import { pathToFileURL } from "node:url";
import { serveDist, chromePath } from "./lib.js";

// Lighthouse lives in the tools cache, not in e2e/package.json, so ordinary test installs stay small.
const tools = join(process.env.FREEML_TOOLS || join(homedir(), ".cache/freeml-tools"), "node_modules");
const load = (rel) => import(pathToFileURL(join(tools, rel)).href).catch((e) => {
  throw new Error(`cannot load ${rel} from ${tools} (run bash scripts/setup.sh --lighthouse): ${e.message}`);
});
const { default: lighthouse } = await load("lighthouse/core/index.js");
const chromeLauncher = await load("chrome-launcher/dist/index.js"); // Lighthouse's own dependency

const dist = resolve(process.argv[2] || join(import.meta.dirname, "..", "dist"));
const runs = Number(process.argv[3] || 3);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
// --headless=new and --no-sandbox: we run as root with no display. The rest keep Chromium off the
// network (there is none here beyond the registries, and stray requests would skew timings).
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const METRICS = [["first-contentful-paint", "FCP", "ms"], ["largest-contentful-paint", "LCP", "ms"],
  ["total-blocking-time", "TBT", "ms"], ["cumulative-layout-shift", "CLS", ""],
  ["speed-index", "Speed Index", "ms"], ["total-byte-weight", "total byte weight", "KB"]];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One Lighthouse run in a fresh Chromium (fresh profile, as the CLI does); returns the report. */
async function once(url) {
  const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags: FLAGS, logLevel: "silent" });
  try {
    // No config = Lighthouse's default: mobile form factor, Moto G Power screen, simulated throttling.
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
    const lhr = result?.lhr;
    if (!lhr) throw new Error("Lighthouse returned no report");
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const w of lhr.runWarnings) console.error(`lighthouse warning: ${w}`);
    return lhr;
  } finally {
    await chrome.kill();
  }
}

// Same static server and strict CSP as the e2e tests, gzipped as static hosts serve it.
const server = await serveDist(dist, { gzip: true });
const reports = [];
try {
  for (let i = 0; i < runs; i++) {
    reports.push(await once(server.url));
    console.error(`lighthouse: run ${i + 1}/${runs} done`);
  }
} catch (e) {
  console.error(`lighthouse could not run: ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  await server.close();
}
if (process.exitCode) process.exit();

const last = reports.at(-1);
console.log(`Lighthouse ${last.lighthouseVersion}, ${last.environment.hostUserAgent.match(/Chrome\/\d+/)?.[0] ?? "Chromium"}, ` +
  `${last.configSettings.formFactor} (${last.configSettings.throttlingMethod} throttling), median of ${runs} runs, ${dist}`);
console.log("(served gzipped by the e2e static server, as static hosts do)");
for (const id of CATEGORIES) {
  const scores = reports.map((r) => r.categories[id].score);
  // A null score means that category could not be computed: Lighthouse did not really run.
  if (scores.some((s) => s === null)) { console.error(`no ${id} score`); process.exit(1); }
  console.log(`${`${last.categories[id].title} score`.padEnd(24)}${String(Math.round(median(scores) * 100)).padStart(10)}   (runs: ${scores.map((s) => Math.round(s * 100)).join(", ")})`);
}
for (const [id, label, unit] of METRICS) {
  const v = median(reports.map((r) => r.audits[id].numericValue));
  const shown = unit === "ms" ? `${Math.round(v)} ms` : unit === "KB" ? `${(v / 1024).toFixed(1)} KB` : v.toFixed(3);
  console.log(`${label.padEnd(24)}${shown.padStart(10)}`);
}
const lcp = last.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
if (lcp) console.log(`LCP element: ${lcp.selector} ${lcp.snippet.slice(0, 120)}`);

// What to fix: per category under 100 in the last run, the audits not fully passed, costing the
// most points first (weight × shortfall), then the largest estimated time savings, then the
// lowest score. The metric audits are left out: their figures are in the table above, and the
// weight-0 performance opportunities (render-blocking, unused JS, ...) are what to act on.
const savings = (a) => Object.values(a.metricSavings ?? {}).reduce((x, y) => x + y, 0);
for (const id of CATEGORIES) {
  const cat = last.categories[id];
  if (cat.score >= 1) continue;
  const lost = ({ ref, audit }) => ref.weight * (1 - audit.score);
  const failing = cat.auditRefs
    .filter((ref) => ref.group !== "hidden" && ref.group !== "metrics")
    .map((ref) => ({ ref, audit: last.audits[ref.id] }))
    .filter(({ audit }) => typeof audit.score === "number" && audit.score < 1 &&
      !["informative", "manual", "notApplicable", "error"].includes(audit.scoreDisplayMode))
    .sort((a, b) => lost(b) - lost(a) || savings(b.audit) - savings(a.audit) || a.audit.score - b.audit.score)
    .slice(0, 5);
  console.log(`\n${cat.title} ${Math.round(cat.score * 100)} in the last run; top audits to fix:`);
  if (!failing.length) console.log("  (none scored below 1)");
  for (const { audit } of failing) {
    console.log(`  ${audit.id.padEnd(30)} ${audit.score.toFixed(2)}  ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
  }
}
