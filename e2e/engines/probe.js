// Served first in <head> of the engine suites' copy of the page, under the same strict CSP: the
// WebKit driver has no console or page events, so the page records its own errors, CSP violations,
// start-up, and what each frame is about to paint (the sorted column while the rows are shown).
(() => {
  const probe = (window.__probe = { errors: [], shown: [], started: false });
  const note = (what) => probe.errors.push(String(what));
  const log = console.error.bind(console);
  console.error = (...args) => { note(args.join(" ")); log(...args); };
  addEventListener("error", (e) => note(`${e.message} ${e.filename}:${e.lineno}`));
  addEventListener("unhandledrejection", (e) => note(`unhandled rejection: ${e.reason}`));
  document.addEventListener("securitypolicyviolation", (e) => note(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  addEventListener("TrunkApplicationStarted", () => { probe.started = true; });
  // The prerendered rows, to see that hydration takes them over rather than drawing new ones.
  document.addEventListener("DOMContentLoaded", () => { probe.prerendered = [...document.querySelectorAll("#app tbody tr")]; });
  // Runs before every paint: while the app's rows are visible, which column they are sorted by
  // ("" for none), one entry per change.
  const frame = () => {
    const app = document.getElementById("app");
    if (app?.querySelector("tbody tr") && getComputedStyle(app).visibility === "visible") {
      const sorted = app.querySelector("thead th[aria-sort] button")?.textContent.trim() ?? "";
      if (probe.shown.at(-1) !== sorted) probe.shown.push(sorted);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
