// roledex: the published site's search box, answered by Pagefind in Material's markup.
// Pagefind's code and index are fetched on the first query only, and then only the pieces
// that query needs. Titles are set as text; an excerpt keeps Pagefind's <mark> and nothing else.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var root = new URL("../../", script.src); // this file is published at assets/roledex/
  var SHOWN = 10;
  var pagefind = null;

  function engine() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        // no worker: a query's few lookups do not need one, and its script is one more fetch
        return module.options({ baseUrl: root.pathname, noWorker: true }).then(function () {
          module.init();
          return module;
        });
      });
    }
    return pagefind;
  }

  function box() {
    return document.querySelector("[data-rdx-search]");
  }

  function said(search, count) {
    if (count === 0) return search.dataset.rdxNone;
    if (count === 1) return search.dataset.rdxOne;
    return (search.dataset.rdxOther || "").replace("#", String(count));
  }

  function markedOnly(excerpt) {
    // Pagefind escapes the page's own '<' and '>'; anything else that looks like a tag is shown as text
    return String(excerpt).replace(/<(?!\/?mark>)/g, "&lt;");
  }

  function item(data) {
    var entry = document.createElement("li");
    entry.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = markedOnly(data.excerpt || "");
    article.appendChild(title);
    article.appendChild(excerpt);
    link.appendChild(article);
    entry.appendChild(link);
    return entry;
  }

  var asked = 0;

  function answer(query) {
    var search = box();
    if (!search) return;
    var meta = search.querySelector(".md-search-result__meta");
    var list = search.querySelector(".md-search-result__list");
    var mine = ++asked;
    if (!query.trim()) {
      meta.textContent = search.dataset.rdxPlaceholder;
      list.replaceChildren();
      return;
    }
    engine()
      .then(function (module) {
        return module.debouncedSearch(query, {}, 150);
      })
      .then(function (found) {
        if (found === null || mine !== asked) return null; // a newer query is on its way
        return Promise.all(
          found.results.slice(0, SHOWN).map(function (result) {
            return result.data();
          })
        ).then(function (pages) {
          if (mine !== asked) return;
          meta.textContent = said(search, found.results.length);
          list.replaceChildren.apply(list, pages.map(item));
        });
      })
      .catch(function () {
        meta.textContent = search.dataset.rdxNone;
        list.replaceChildren();
      });
  }

  document.addEventListener("input", function (event) {
    var search = box();
    if (search && search.contains(event.target) && event.target.name === "query") answer(event.target.value);
  });
  document.addEventListener("reset", function (event) {
    var search = box();
    if (search && search.contains(event.target)) answer("");
  });
  document.addEventListener("submit", function (event) {
    var search = box();
    if (!search || !search.contains(event.target)) return;
    event.preventDefault();
    var first = search.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  function open(on) {
    var toggle = document.querySelector("[data-md-toggle=search]");
    if (!toggle || toggle.checked === on) return;
    toggle.checked = on;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("focusin", function (event) {
    var search = box();
    if (search && event.target.name === "query" && search.contains(event.target)) open(true);
  });
  document.addEventListener("change", function (event) {
    var search = box();
    if (!search || !event.target.matches("[data-md-toggle=search]")) return;
    var input = search.querySelector("input[name=query]");
    if (event.target.checked) input.focus();
    else input.blur();
  });
  document.addEventListener("keydown", function (event) {
    var toggle = document.querySelector("[data-md-toggle=search]");
    if (!toggle || !box()) return;
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (toggle.checked && event.key === "Escape") {
      open(false);
    } else if (!toggle.checked && !typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open(true);
    }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-search-result__link");
    if (link && box() && box().contains(link)) open(false);
  });
})();
