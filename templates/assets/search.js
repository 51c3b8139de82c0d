// Client-side search over the prebuilt index (assets/search-index.js): pages, entities, quotes, sources.
// Every word of the query must start a word of the entry; title hits rank first.
(function () {
  "use strict";
  var docs = window.BRIEFGEN_SEARCH || [];
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !results || !status) {
    return;
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  var prepared = docs.map(function (d) {
    return { doc: d, title: words(d.t), text: words(d.x), folded: fold(d.x) };
  });

  function hits(list, term) {
    var n = 0;
    for (var i = 0; i < list.length; i++) {
      if (list[i].indexOf(term) === 0) {
        n++;
      }
    }
    return n;
  }

  function snippet(entry, terms) {
    var text = entry.doc.x;
    var at = entry.folded.indexOf(terms[0]);
    if (at < 0) {
      return text.slice(0, 160) + (text.length > 160 ? "…" : "");
    }
    var start = Math.max(0, at - 60);
    return (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
  }

  function run(query) {
    var terms = words(query);
    results.textContent = "";
    if (terms.length === 0) {
      status.textContent = "Type a word to search the brief's " + docs.length + " pages, people, quotes and sources.";
      return;
    }
    var found = [];
    prepared.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = hits(entry.title, terms[i]);
        var inText = hits(entry.text, terms[i]);
        if (inTitle + inText === 0) {
          return;
        }
        score += inTitle * 10 + inText;
      }
      found.push({ entry: entry, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    status.textContent = found.length === 0 ? "No results for “" + query + "”."
      : found.length + (found.length === 1 ? " result" : " results") + " for “" + query + "”.";
    found.slice(0, 50).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = f.entry.doc.u;
      a.textContent = f.entry.doc.t;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = f.entry.doc.k;
      var p = document.createElement("p");
      p.textContent = snippet(f.entry, terms);
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      li.appendChild(p);
      results.appendChild(li);
    });
  }

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  input.addEventListener("input", function () { run(input.value); });
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
  run(initial);
})();
