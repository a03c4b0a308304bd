// Runs before the first paint. A link that names a view (?sort=…, ?f=…) hides the prerendered
// default view until the app has moved to that view, so the default rows never flash; the
// stylesheet shows the page after a few seconds whatever happens (e.g. WebAssembly blocked).
if (/[?&](era|sort|f|min|cols|cmp|embed)=/.test(location.search)) {
  document.documentElement.classList.add("pending");
}
