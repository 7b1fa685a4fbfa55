/* dossier: the search box. Finds stories, actors and events as you type.
   The index is a set of scripts (see generator/search.py), so it loads from file:// where
   browsers refuse fetch(). search-index.js, loaded on first use, holds the actors and events;
   the stories are found through word files (search/w-KEY.js) and shown from story files
   (search/a-N.js), each loaded only when a search needs it. Results are built with
   createElement and textContent only: nothing from the index is ever parsed as HTML. */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var KEY_CHARS = 2;
  var TITLE_POINTS = 8;
  var SUMMARY_POINTS = 1;
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
  var indexSource = form.getAttribute("data-index") || root + "search-index.js";
  var parts = (window.DOSSIER_SEARCH_PARTS = window.DOSSIER_SEARCH_PARTS || {});
  var loading = {}; /* script address -> true while it loads */
  var index = null; /* search-index.js */
  var entities = null; /* its actors and events, ready to score */
  var keys = null; /* the word files there are */

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* The words typed that can find a story: runs of letters and digits, two or more. */
  function words(text) {
    return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).filter(function (word) {
      return word.length >= KEY_CHARS;
    });
  }

  function key(word) {
    return Array.from(word).slice(0, KEY_CHARS).join("");
  }

  function wordPart(word) {
    return "w-" + Array.from(key(word)).map(function (c) {
      return c.codePointAt(0).toString(16);
    }).join("-");
  }

  /* "2023-05-03", "2023-05" or "2023" at the precision given; "2019~" is approximate. */
  function showDate(day) {
    var approximate = /~$/.test(day || "");
    var parts = (day || "").replace(/~$/, "").split("-");
    var shown = parts[0];
    if (parts.length === 3) {
      shown = Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
    } else if (parts.length === 2) {
      shown = MONTHS[Number(parts[1]) - 1] + " " + parts[0];
    }
    return shown && approximate ? "c. " + shown : shown;
  }

  function entity(kind, entry, label, meta, aliases) {
    return {
      url: root + FOLDERS[kind] + entry[0] + ".html",
      label: label,
      title: entry[1],
      meta: meta,
      detail: "",
      name: fold(entry[1]),
      aliases: fold(aliases.join(" \u0000 ")),
      names: [fold(entry[1])].concat(aliases.map(fold))
    };
  }

  /* Actors before events: on equal scores the earlier comes first. */
  function prepare(data) {
    var found = [];
    (data.p || []).forEach(function (e) {
      var aliases = e.slice(3);
      var also = aliases.length ? "also " + aliases.join(", ") : "";
      found.push(entity("p", e, e[2] || "Actor", also, aliases));
    });
    (data.e || []).forEach(function (e) {
      found.push(entity("e", e, "Event", showDate(e[2]), []));
    });
    return found;
  }

  function story(entry) {
    return {
      url: root + FOLDERS.a + entry[0] + ".html",
      label: "Story",
      title: entry[1],
      meta: showDate(entry[2]),
      detail: entry[3] || ""
    };
  }

  /* A list of story numbers: differences in base 36 joined by commas, or "=" and a bitmap
     in base 64 (bit k of byte b is story 8b + k). Each gets `points` unless it has more. */
  function mark(best, code, points) {
    if (code.charAt(0) === "=") {
      var bytes = atob(code.slice(1));
      for (var b = 0; b < bytes.length; b++) {
        for (var bits = bytes.charCodeAt(b), k = 0; bits; bits >>= 1, k++) {
          if (bits & 1 && best[b * 8 + k] < points) best[b * 8 + k] = points;
        }
      }
    } else if (code) {
      var at = 0;
      code.split(",").forEach(function (step) {
        at += parseInt(step, 36);
        if (best[at] < points) best[at] = points;
      });
    }
  }

  /* Every word typed must start a word of the story's title or summary; the title counts
     more. The matches, newest story first. */
  function storyHits(typed) {
    var total = new Uint16Array(index.n);
    var matched = new Uint8Array(index.n);
    typed.forEach(function (word) {
      var best = new Uint8Array(index.n);
      var file = parts[wordPart(word)];
      Object.keys(file).forEach(function (known) {
        if (!known.startsWith(word)) return;
        mark(best, file[known][0], TITLE_POINTS);
        mark(best, file[known][1], SUMMARY_POINTS);
      });
      for (var n = 0; n < best.length; n++) {
        if (best[n]) {
          total[n] += best[n];
          matched[n] += 1;
        }
      }
    });
    var hits = [];
    for (var n = index.n - 1; n >= 0; n--) {
      if (matched[n] === typed.length) hits.push({ s: total[n], story: n });
    }
    return hits;
  }

  function wordStart(text, at) {
    return at === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(at - 1));
  }

  /* An actor or event: every term must match somewhere in its names; a match at the start of
     a word counts most, and a name typed in full most of all. It outranks a story that
     matches as well. */
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
      return 0;
    }
    total += entry.names.indexOf(whole) >= 0 ? 20 : 3;
    return total;
  }

  /* Actors and events, then stories whose words are `typed`, best first; on equal scores
     actors and events come first, then the newest story. */
  function search(terms, typed) {
    var whole = terms.join(" ");
    var scored = [];
    entities.forEach(function (e) {
      var s = score(e, terms, whole);
      if (s > 0) scored.push({ s: s, entity: e });
    });
    scored = scored.concat(typed.length ? storyHits(typed) : []);
    var top = [];
    scored.forEach(function (x) {
      var at = top.length;
      while (at > 0 && top[at - 1].s < x.s) at--;
      if (at < MAX_RESULTS) top.splice(at, 0, x);
      if (top.length > MAX_RESULTS) top.pop();
    });
    return { top: top, total: scored.length };
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

  /* Start loading a script of the index unless it is there or on its way; true if there. */
  function need(source, there) {
    if (there()) return true;
    if (!loading[source]) {
      loading[source] = true;
      var script = document.createElement("script");
      script.src = source;
      script.onload = function () {
        delete loading[source];
        update();
      };
      script.onerror = function () {
        delete loading[source];
        status.textContent = "The search index could not be loaded.";
      };
      document.head.appendChild(script);
    }
    return false;
  }

  /* Whether every named part is loaded; starts loading, all at once, those that are not. */
  function ready(names) {
    var all = true;
    names.forEach(function (name) {
      var there = need(root + "search/" + name + ".js", function () { return name in parts; });
      all = all && there;
    });
    return all;
  }

  function load() {
    if (index) return true;
    if (!need(indexSource, function () { return !!window.DOSSIER_SEARCH; })) return false;
    index = window.DOSSIER_SEARCH;
    entities = prepare(index);
    keys = {};
    (index.k || []).forEach(function (k) { keys[k] = true; });
    return true;
  }

  function update() {
    var query = input.value.trim();
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) {
      close();
      return;
    }
    panel.hidden = false;
    if (!load()) {
      status.textContent = "Loading the index…";
      return;
    }
    var typed = words(query);
    /* a word no story has (no file for its first two characters) finds no story */
    if (!typed.every(function (word) { return key(word) in keys; })) typed = [];
    if (!ready(typed.map(wordPart))) {
      status.textContent = "Searching…";
      return;
    }
    var found = search(terms, typed);
    var files = found.top.filter(function (x) { return !x.entity; }).map(function (x) {
      return "a-" + Math.floor(x.story / index.c);
    });
    if (!ready(files)) {
      status.textContent = "Searching…";
      return;
    }
    var hits = found.top.map(function (x) {
      return x.entity || story(parts["a-" + Math.floor(x.story / index.c)][x.story % index.c]);
    });
    list.replaceChildren.apply(list, hits.map(function (hit) {
      return result(hit, terms);
    }));
    if (!found.total) {
      status.textContent = "Nothing found for “" + query + "”";
    } else if (found.total > hits.length) {
      status.textContent = "Top " + hits.length + " of " + found.total + " results";
    } else {
      status.textContent = found.total === 1 ? "1 result" : found.total + " results";
    }
  }

  function close() {
    panel.hidden = true;
    list.replaceChildren();
    status.textContent = "";
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
