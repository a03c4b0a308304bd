// Runs before the first paint. A link that names a view (?sort=…, ?f=…) hides the prerendered
// default view until the app has moved to that view, so the default rows never flash; the
// stylesheet shows the page after a few seconds whatever happens (e.g. WebAssembly blocked).
if (/[?&](era|sort|f|min|cols|cmp|embed)=/.test(location.search)) {
  document.documentElement.classList.add("pending");
}

// Until the wasm takes over (it sets data-live), a sort header's click and a column preset or box
// are written down in order in <html data-early>, which the app replays (State::replay): the
// page cannot hold these itself. Ticked boxes, steps and compare ticks keep their own state.
(function () {
  const html = document.documentElement;
  const note = (entry) => {
    if (!html.hasAttribute("data-live")) html.dataset.early = `${html.dataset.early || ""} ${entry}`.trim();
  };
  addEventListener("click", (e) => {
    const header = e.target.closest && e.target.closest("thead button[value]");
    if (header) note(`${e.shiftKey ? "+" : ""}sort:${header.value}`);
  }, true);
  addEventListener("change", (e) => {
    const input = e.target;
    if (input.name === "preset") note(`preset:${input.value}`);
    if (input.name === "cols") note(`col:${input.value}`);
  }, true);
})();
