/* roledex: the private view acts, under `mkdocs serve` on this computer only.
   Every change goes to the local server, which runs roledex's own commands (checked, locked,
   written atomically, read back); the files stay the record, and the page reloads when MkDocs
   has rebuilt it. Every text shown is set as text, never as markup. */
(function () {
  "use strict";
  var script = document.currentScript;
  var token = script ? script.getAttribute("data-roledex-token") : "";
  var API = "/_roledex/api/";

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else if (name === "value") node.value = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function today() {
    var now = new Date();
    var local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 10);
  }

  function post(action, body) {
    return fetch(API + action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Roledex-Token": token },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return { ok: false, said: "the server sent no answer" }; });
    }, function () { return { ok: false, said: "the local server is not answering; is `mkdocs serve` running?" }; });
  }

  /* --- where answers are shown --- */
  var said = el("div", { "class": "rdx-act-said", role: "status", "aria-live": "polite", hidden: "" });

  function say(text, failed) {
    said.hidden = false;
    said.className = "rdx-act-said" + (failed ? " rdx-act-failed" : "");
    said.textContent = text;
    said.scrollIntoView({ block: "nearest" });
  }

  function done(answer, then) {
    if (!answer.ok) { say(answer.said || "nothing was changed", true); return; }
    say((answer.said ? answer.said + "\n" : "") + "Saved. The page reloads when the site is rebuilt.", false);
    if (then) { then(answer); return; }
    window.setTimeout(function () { window.location.reload(); }, 8000);  /* if live reload is off */
  }

  /* --- small forms --- */
  function field(label, input) {
    return el("label", { "class": "rdx-act-field" }, [el("span", { text: label }), input]);
  }

  function select(name, choices, chosen, empty) {
    var node = el("select", { name: name });
    if (empty !== undefined) node.appendChild(el("option", { value: "", text: empty }));
    choices.forEach(function (choice) {
      var option = el("option", { value: choice, text: choice.replace(/-/g, " ") });
      if (choice === chosen) option.selected = true;
      node.appendChild(option);
    });
    return node;
  }

  function values(form) {
    var found = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name && input.value !== "" && !(input.type === "checkbox" && !input.checked)) {
        found[input.name] = input.type === "checkbox" ? true : input.value;
      }
    });
    return found;
  }

  function form(title, inputs, label, send) {
    var node = el("form", { "class": "rdx-act-form" }, [el("strong", { text: title })].concat(inputs));
    var button = el("button", { type: "submit", "class": "md-button md-button--primary", text: label });
    node.appendChild(button);
    node.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      send(values(node)).then(function () { button.disabled = false; });
    });
    return node;
  }

  function moveForm(state, posting, version, status, onDone) {
    return form("Move to", [
      field("Status", select("status", state.statuses, status)),
      field("On", el("input", { type: "date", name: "date", value: today() })),
      field("Next step", el("input", { type: "text", name: "next", placeholder: "optional" })),
      field("Due", el("input", { type: "date", name: "next_date" }))
    ], "Move", function (given) {
      given.posting = posting; given.version = version;
      return post("move", given).then(function (answer) { done(answer, onDone); });
    });
  }

  function logForm(state, posting, version) {
    var kind = select("kind", state.kinds, "note");
    var rounds = field("Round", select("round", state.rounds, "", "(the planned one)"));
    var outcome = field("Outcome", select("outcome", state.outcomes, "", "(none yet)"));
    var time = field("Time", el("input", { type: "text", name: "time", placeholder: "14:30 Europe/London" }));
    var due = field("Due", el("input", { type: "date", name: "due" }));
    var node = form("Log", [
      field("What", kind),
      field("On", el("input", { type: "date", name: "date", value: today() })),
      field("Note or to-do", el("input", { type: "text", name: "note" })),
      rounds, time, outcome,
      field("With", el("input", { type: "text", name: "with", placeholder: "a contact's name" })),
      due
    ], "Log it", function (given) {
      given.posting = posting; given.version = version;
      return post("event", given).then(function (answer) { done(answer); });
    });
    function shown() {
      rounds.hidden = time.hidden = outcome.hidden = kind.value !== "round";
      due.hidden = kind.value !== "todo";
    }
    kind.addEventListener("change", shown);
    shown();
    return node;
  }

  function panel(title, parts, before) {
    /* the panel goes under the page's title, or before the heading `before` names */
    var node = el("section", { "class": "rdx-act-panel", "aria-label": title },
      [el("h2", { text: title, "class": "rdx-act-title" })].concat(parts));
    var content = document.querySelector("article.md-content__inner") || document.body;
    var anchor = before ? document.getElementById(before) : null;
    var heading = content.querySelector("h1");
    var place = anchor || (heading ? heading.nextSibling : content.firstChild);
    place.parentNode.insertBefore(node, place);
    node.parentNode.insertBefore(said, node);
    return node;
  }

  /* --- the pages --- */
  function pipeline(state) {
    document.querySelectorAll("[data-rdx-application]").forEach(function (card) {
      var slug = card.getAttribute("data-rdx-application");
      var known = state.applications[slug];
      if (!known) return;
      var button = el("button", { type: "button", "class": "rdx-act-small", text: "Move…" });
      button.addEventListener("click", function () { open(card, known, null); });
      card.appendChild(button);
      card.draggable = true;
      card.addEventListener("dragstart", function (event) { event.dataTransfer.setData("text/plain", slug); });
    });
    document.querySelectorAll("[data-rdx-status]").forEach(function (column) {
      column.addEventListener("dragover", function (event) { event.preventDefault(); column.classList.add("rdx-drop"); });
      column.addEventListener("dragleave", function () { column.classList.remove("rdx-drop"); });
      column.addEventListener("drop", function (event) {
        event.preventDefault();
        column.classList.remove("rdx-drop");
        var slug = event.dataTransfer.getData("text/plain");
        var card = document.querySelector('[data-rdx-application="' + CSS.escape(slug) + '"]');
        if (card && state.applications[slug]) open(card, state.applications[slug], column.getAttribute("data-rdx-status"));
      });
    });
    function open(card, known, status) {
      var old = card.querySelector(".rdx-act-form");
      if (old) old.remove();
      var node = moveForm(state, known.posting, known.version, status || card.getAttribute("data-rdx-current"));
      card.appendChild(node);
      node.querySelector("button[type=submit]").focus();
    }
    var board = document.querySelector(".rdx-pipeline");
    if (board) board.parentNode.insertBefore(said, board);
  }

  function application(state) {
    panel("Act on this application", [
      moveForm(state, state.posting, state.version, null),
      logForm(state, state.posting, state.version)
    ]);
    document.querySelectorAll("table").forEach(function (table) {  /* each open to-do: a Done button */
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var cell = row.cells[row.cells.length - 1];
        var number = cell && /^events\.(\d+)$/.exec(cell.textContent.trim());
        if (!number) return;
        var button = el("button", { type: "button", "class": "rdx-act-small", text: "Done" });
        button.addEventListener("click", function () {
          button.disabled = true;
          post("event", { posting: state.posting, kind: "todo", number: number[1], done: true, version: state.version })
            .then(function (answer) { button.disabled = false; done(answer); });
        });
        cell.appendChild(button);
      });
    });
  }

  function posting(state) {
    if (state.applied) {
      panel("Your application", [moveForm(state, state.posting, state.version, null)]);
      return;
    }
    function start(status, label) {
      var button = el("button", { type: "button", "class": "md-button" + (status === "applied" ? " md-button--primary" : ""), text: label });
      button.addEventListener("click", function () {
        button.disabled = true;
        post("move", { posting: state.posting, status: status, date: today(), version: state.version })
          .then(function (answer) { button.disabled = false; done(answer); });
      });
      return button;
    }
    panel("Act on this posting", [start("applied", "I applied"), el("span", { text: " " }), start("saved", "Save for later")]);
  }

  /* --- adding a posting: from an address, a paste or a page the bookmarklet sent --- */
  function preview(state, source, where) {
    where.textContent = "";
    var box = el("div", { "class": "rdx-act-preview" }, [el("p", { text: "Reading…" })]);
    where.appendChild(box);
    return post("preview", source).then(function (answer) {
      box.textContent = "";
      if (!answer.ok) { say(answer.said || "nothing could be read", true); return; }
      var found = answer.data;
      var pay = found.salary ? [found.salary.min, found.salary.max].filter(function (x) { return x !== null && x !== undefined; }).join(" – ") + " " + (found.salary.currency || "") + " a " + (found.salary.period || "") : "none stated";
      function read(label, key) {
        /* where the value was read and how sure the importer is: 'Title (its label, 85%)' */
        var source = (found.sources || {})[key], sure = (found.confidence || {})[key];
        return source ? label + " (" + source + ", " + Math.round(sure * 100) + "%)" : label;
      }
      var inputs = [
        field(read("Company", "company"), el("input", { type: "text", name: "company", value: found.company_name || found.company || "" })),
        field(read("Title", "title"), el("input", { type: "text", name: "title", value: found.title || "" })),
        field(read("Places", "locations"), el("input", { type: "text", name: "location", value: (found.locations || []).join("; ") })),
        field(read("Work mode", "work_mode"), select("work_mode", state.modes, found.work_mode || "", "(not said)")),
        el("p", { text: "Pay: " + pay + " (edit it in the file after saving)" })
      ];
      var missing = (found.warnings || []).concat(found.notes || []).filter(function (line, index, all) { return all.indexOf(line) === index; });
      if (missing.length) inputs.push(el("ul", {}, missing.map(function (line) { return el("li", { text: line }); })));
      if (found.on_record) {
        inputs.push(el("p", { text: "Already on record as " + found.on_record + ". What changed at its address:" }));
        inputs.push(el("ul", {}, (found.news || []).map(function (line) { return el("li", { text: line }); })));
        inputs.push(field("Bring it up to date", el("input", { type: "checkbox", name: "update" })));
      }
      box.appendChild(form("What roledex read", inputs, "Save", function (given) {
        Object.keys(source).forEach(function (key) { given[key] = source[key]; });
        if (given.location) given.location = given.location.split(";")[0].trim();
        if (given.company === (found.company_name || found.company)) delete given.company;
        return post("save", given).then(function (saved) {
          done(saved, function () {
            var slug = saved.data && saved.data.posting;
            var base = document.getElementById("__config") ? JSON.parse(document.getElementById("__config").textContent).base : "/";
            window.setTimeout(function () { window.location.href = slug ? new URL(base + "/postings/" + slug + "/", window.location.href).href : "/"; }, 2500);
          });
        });
      }));
    });
  }

  function bookmarklet() {
    var code = "(function(){var o=" + JSON.stringify(window.location.origin) + ";" +
      "var d=document.documentElement.cloneNode(true);" +
      "d.querySelectorAll('script:not([type=\"application/ld+json\"]),style,noscript,svg,iframe,template,link,img,video,canvas').forEach(function(e){e.remove()});" +
      "var p=JSON.stringify({url:location.href,html:d.outerHTML.slice(0,1000000)});" +
      "var u=o+'/_roledex/capture#'+encodeURIComponent(p);var w=window.open(u,'_blank');if(!w){location.href=u}})();";
    return el("a", { href: "javascript:" + code, "class": "md-button rdx-bookmarklet", text: "Save to roledex" });
  }

  function home(state) {
    var where = el("div");
    var address = form("From its address, or its text", [
      field("Its address", el("input", { type: "url", name: "url", placeholder: "https://…" })),
      field("or its text, pasted", el("textarea", { name: "text", rows: "4" }))
    ], "Preview", function (given) {
      var source = given.text ? { text: given.text } : { url: given.url || "" };
      if (given.text && given.url) source.url = given.url;
      return preview(state, source, where);
    });
    panel("Add a posting", [
      address, where,
      el("p", {}, [bookmarklet(), el("span", { text: " Drag this to your bookmarks bar; on a posting's page (even one behind a login), click it to save the posting here." })])
    ], "at-a-glance");
  }

  function capture(state) {
    var main = document.getElementById("rdx-capture");
    var lead = document.getElementById("rdx-capture-lead");
    var sent = null;
    try { sent = JSON.parse(decodeURIComponent(window.location.hash.slice(1))); } catch (error) { sent = null; }
    history.replaceState(null, "", window.location.pathname);  /* the page's text leaves the address bar */
    var where = el("div");
    main.appendChild(said);
    main.appendChild(where);
    if (!sent || typeof sent.html !== "string") { lead.textContent = "Nothing was sent: use the bookmarklet on a posting's page."; return; }
    lead.textContent = "From " + (sent.url || "a page") + ". Check what was read, correct it, then Save.";
    preview(state, { html: sent.html, url: typeof sent.url === "string" ? sent.url : "" }, where);
  }

  var style = el("style", { text:
    ".rdx-act-panel{border:1px solid var(--md-default-fg-color--lightest,#ddd);border-radius:6px;padding:.6rem .8rem;margin:1rem 0}" +
    ".rdx-act-title{margin:0 0 .4rem!important;font-size:1rem!important}" +
    ".rdx-act-form{display:flex;flex-wrap:wrap;gap:.5rem .8rem;align-items:flex-end;margin:.4rem 0 .8rem}" +
    ".rdx-act-form>strong{flex-basis:100%}" +
    ".rdx-act-field{display:flex;flex-direction:column;font-size:.75rem}.rdx-act-field[hidden]{display:none}" +
    ".rdx-act-field input,.rdx-act-field select,.rdx-act-field textarea{font:inherit;font-size:.8rem;padding:.2rem .3rem;border:1px solid var(--md-default-fg-color--lighter,#aaa);border-radius:4px;background:var(--md-default-bg-color,#fff);color:inherit;min-width:9rem}" +
    ".rdx-act-field textarea{min-width:18rem}" +
    ".rdx-act-small{font-size:.7rem;margin-top:.3rem;padding:.1rem .5rem;border:1px solid currentColor;border-radius:4px;background:none;color:var(--md-primary-fg-color,#3f51b5);cursor:pointer}" +
    ".rdx-act-said{white-space:pre-wrap;border-left:4px solid #1b7f3b;padding:.4rem .7rem;margin:.8rem 0;font-size:.8rem;background:var(--md-code-bg-color,#f5f5f5)}" +
    ".rdx-act-failed{border-left-color:#b3261e}" +
    "[data-rdx-status].rdx-drop{outline:2px dashed var(--md-accent-fg-color,#526cfe)}" +
    ".rdx-pipeline-card .rdx-act-field,.rdx-pipeline-card .rdx-act-field input,.rdx-pipeline-card .rdx-act-field select{min-width:0;width:100%;box-sizing:border-box}"
  });
  document.head.appendChild(style);

  var root = "/";
  var config = document.getElementById("__config");
  if (config) {
    try { root = new URL(JSON.parse(config.textContent).base + "/", window.location.href).pathname; } catch (error) { root = "/"; }
  }
  var capturing = window.location.pathname === "/_roledex/capture";
  var page = capturing ? "" : window.location.pathname.slice(root.length);
  fetch(API + "state?page=" + encodeURIComponent(page), { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (state) {
      if (capturing) capture(state);
      else if (state.page === "pipeline") pipeline(state);
      else if (state.page === "application") application(state);
      else if (state.page === "posting") posting(state);
      else if (state.page === "home") home(state);
    })
    .catch(function () { /* no actions: the page still reads as it is */ });
}());
