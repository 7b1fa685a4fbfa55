/* dossier: the search box. Finds stories, actors and events as you type.
   The index is a script (search-index.js sets window.DOSSIER_SEARCH), loaded on first use,
   so this works from file:// where browsers refuse fetch(). Results are built with
   createElement and textContent only: nothing from the index is ever parsed as HTML. */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var FOLDERS = { a: "articles/", p: "actors/", e: "events/" };

  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector(".search-input");
  var panel = form.querySelector(".search-results");
  var list = form.querySelector(".search-list");
  var status = form.querySelector(".search-status");
  var root = form.getAttribute("data-root") || "";
  var items = null;
  var loading = false;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function showDate(day) {
    var parts = (day || "").split("-");
    if (parts.length !== 3) return "";
    return Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
  }

  function item(kind, entry, label, title, meta, detail, aliases) {
    return {
      url: root + FOLDERS[kind] + entry[0] + ".html",
      label: label,
      title: title,
      meta: meta,
      detail: detail,
      name: fold(title),
      aliases: fold(aliases.join(" \u0000 ")),
      names: [fold(title)].concat(aliases.map(fold)),
      text: fold(detail),
      entity: kind !== "a"
    };
  }

  /* Actors and events first: on equal scores a dossier outranks a story. */
  function prepare(data) {
    var found = [];
    (data.p || []).forEach(function (e) {
      var aliases = e.slice(3);
      var also = aliases.length ? "also " + aliases.join(", ") : "";
      found.push(item("p", e, e[2] || "Actor", e[1], also, "", aliases));
    });
    (data.e || []).forEach(function (e) {
      found.push(item("e", e, "Event", e[1], showDate(e[2]), "", []));
    });
    (data.a || []).forEach(function (e) {
      found.push(item("a", e, "Story", e[1], showDate(e[2]), e[3] || "", []));
    });
    return found;
  }

  function wordStart(text, at) {
    return at === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(at - 1));
  }

  /* Every term must match somewhere; a match at the start of a word in the name counts most,
     an actor or event counts more than a story, and a name typed in full most of all. */
  function score(entry, terms, whole) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var at = entry.name.indexOf(term);
      if (at >= 0) {
        total += at === 0 ? 10 : wordStart(entry.name, at) ? 8 : 4;
        continue;
      }
      at = entry.aliases.indexOf(term);
      if (at >= 0) {
        total += wordStart(entry.aliases, at) ? 6 : 3;
        continue;
      }
      if (entry.text.indexOf(term) >= 0) {
        total += 1;
        continue;
      }
      return 0;
    }
    if (entry.entity) total += entry.names.indexOf(whole) >= 0 ? 20 : 3;
    return total;
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) return { hits: [], total: 0 };
    var whole = terms.join(" ");
    var scored = [];
    for (var i = 0; i < items.length; i++) {
      var s = score(items[i], terms, whole);
      if (s > 0) scored.push({ s: s, i: i });
    }
    scored.sort(function (x, y) { return y.s - x.s || x.i - y.i; });
    var hits = scored.slice(0, MAX_RESULTS).map(function (x) { return items[x.i]; });
    return { hits: hits, total: scored.length, terms: terms };
  }

  /* The title as text nodes, with the matched terms in <mark>. */
  function highlighted(title, terms) {
    var span = document.createElement("span");
    span.className = "search-title";
    var folded = "";
    var origin = []; /* for each character of `folded`, where it came from in `title` */
    for (var i = 0; i < title.length; i++) {
      var f = fold(title.charAt(i));
      folded += f;
      for (var n = 0; n < f.length; n++) origin.push(i);
    }
    var marks = new Array(title.length).fill(false);
    terms.forEach(function (term) {
      for (var at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
        for (var k = at; k < at + term.length; k++) marks[origin[k]] = true;
      }
    });
    var start = 0;
    for (var j = 1; j <= title.length; j++) {
      if (j === title.length || marks[j] !== marks[start]) {
        var piece = title.slice(start, j);
        if (marks[start]) {
          var mark = document.createElement("mark");
          mark.textContent = piece;
          span.appendChild(mark);
        } else {
          span.appendChild(document.createTextNode(piece));
        }
        start = j;
      }
    }
    return span;
  }

  function line(className, text) {
    var span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }

  function result(hit, terms) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = hit.url;
    a.className = "search-hit";
    a.appendChild(line("search-kind", hit.label));
    a.appendChild(highlighted(hit.title, terms));
    if (hit.meta) a.appendChild(line("search-meta", hit.meta));
    if (hit.detail) a.appendChild(line("search-detail", hit.detail));
    li.appendChild(a);
    return li;
  }

  function update() {
    var query = input.value.trim();
    if (!query) {
      close();
      return;
    }
    panel.hidden = false;
    if (!items) {
      status.textContent = "Loading the index…";
      load();
      return;
    }
    var found = search(query);
    list.replaceChildren.apply(list, found.hits.map(function (hit) {
      return result(hit, found.terms);
    }));
    if (!found.total) {
      status.textContent = "Nothing found for “" + query + "”";
    } else if (found.total > found.hits.length) {
      status.textContent = "Top " + found.hits.length + " of " + found.total + " results";
    } else {
      status.textContent = found.total === 1 ? "1 result" : found.total + " results";
    }
  }

  function close() {
    panel.hidden = true;
    list.replaceChildren();
    status.textContent = "";
  }

  function load() {
    if (window.DOSSIER_SEARCH) {
      items = prepare(window.DOSSIER_SEARCH);
      return;
    }
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index") || root + "search-index.js";
    script.onload = function () {
      items = prepare(window.DOSSIER_SEARCH || {});
      update();
    };
    script.onerror = function () {
      loading = false;
      status.textContent = "The search index could not be loaded.";
    };
    document.head.appendChild(script);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", update);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (panel.hidden) update();
      if (links().length) links()[0].focus();
    } else if (event.key === "Escape") {
      input.value = "";
      close();
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at >= 0 && at + 1 < all.length) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) window.location.href = first.href;
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) panel.hidden = true;
  });
  form.addEventListener("focusin", function () {
    if (status.textContent) panel.hidden = false; /* reopen what a click elsewhere hid */
  });
  form.addEventListener("focusout", function () {
    window.setTimeout(function () {
      if (!form.contains(document.activeElement)) panel.hidden = true;
    }, 0);
  });
})();
