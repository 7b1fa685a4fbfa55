// dossier serve: live reload and the error overlay. Served by `dossier serve` only;
// never written into output/.
(() => {
  "use strict";
  const page = decodeURIComponent(location.pathname).replace(/^\/+/, "").replace(/(^|\/)$/, "$1index.html");
  let seen = null;
  let overlay = null;

  function show(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "dossier-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:rgba(20,22,26,.94);color:#ffd7d7;font:14px/1.5 ui-monospace,monospace;";
      document.body.appendChild(overlay);
    }
    overlay.replaceChildren();
    const title = document.createElement("h2");
    title.textContent = "dossier: the last build failed; this is the last good page";
    title.style.cssText = "color:#fff;font:600 18px/1.3 system-ui,sans-serif;margin:0 0 1rem";
    const list = document.createElement("pre");
    list.textContent = errors.join("\n\n"); // a blank line between errors: each may wrap
    list.style.whiteSpace = "pre-wrap";
    overlay.append(title, list);
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  const events = new EventSource("/__dossier/events");
  events.addEventListener("build", (event) => {
    const build = JSON.parse(event.data);
    const first = seen === null;
    if (build.generation === seen) return;
    seen = build.generation;
    if (build.errors.length) return show(build.errors);
    hide();
    if (first) return;
    const assets = build.changed.some((path) => !path.endsWith(".html"));
    if (assets || build.changed.includes(page)) location.reload();
  });
})();
