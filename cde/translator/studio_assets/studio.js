/* Translation studio: pick a text on the page, edit its translation, save it.

   Loaded only in translator mode (`make translate`), where every page carries
   <meta name="cde-studio" content="LANG" data-api="..." data-hidden="ID ..."
   data-labels='{...}'> and wraps each visible translated text in
   <span data-cde-msg="ID">. No library, nothing inline (the site's CSP is
   default-src 'self'); server strings reach the DOM through textContent only.
   Every word of the interface comes from data-labels, in the translator's language. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="cde-studio"]');
  if (!meta) {
    return;
  }

  var LANG = meta.getAttribute("content") || "";
  var API = meta.getAttribute("data-api") || "";
  var HIDDEN = (meta.getAttribute("data-hidden") || "").split(/\s+/).filter(Boolean);
  var labels = {};
  try {
    labels = JSON.parse(meta.getAttribute("data-labels") || "{}") || {};
  } catch (error) {
    labels = {};
  }
  var PICK = "data-cde-msg";
  var SELECTOR = "[" + PICK + "]";
  var MAX_LABEL = 80;
  // sessionStorage keys: the text just saved (reopen on it after the reload), and
  // whether the panel was open (it stays open from page to page).
  var SAVED_KEY = "cde-studio:saved";
  var OPEN_KEY = "cde-studio:open";
  // An address ending in #cde-studio=ID (the studio's start page, "where" links)
  // opens the panel on that text.
  var HASH = /^#cde-studio=(\w+)$/;

  function label(key) {
    return typeof labels[key] === "string" ? labels[key] : "";
  }

  // A request that failed without the check's words: said in the translator's
  // language, with the HTTP status for whoever helps them.
  function failed(code) {
    return label("failed") + (code ? " (" + code + ")" : "");
  }

  function storage() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null;
    }
  }

  function remember(key, value) {
    var store = storage();
    if (!store) {
      return;
    }
    try {
      if (value === null) {
        store.removeItem(key);
      } else {
        store.setItem(key, value);
      }
    } catch (error) {
      /* private mode, quota: the studio still works, without memory */
    }
  }

  function recall(key) {
    var store = storage();
    try {
      return store ? store.getItem(key) : null;
    } catch (error) {
      return null;
    }
  }

  // An element with its text, built with textContent (never innerHTML).
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        node.setAttribute(name, attributes[name]);
      });
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function squeeze(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  function shorten(text) {
    text = squeeze(text);
    return text.length > MAX_LABEL ? text.slice(0, MAX_LABEL - 1).trimEnd() + "\u2026" : text;
  }

  function reducedMotion() {
    return !!(window.matchMedia &&
      window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  // One request per text, JSON both ways, same origin (fetch sends the Origin the
  // server checks on POST).
  function getEntry(id) {
    return fetch(API + encodeURIComponent(id), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    });
  }

  // `was` is the translation the panel showed: the server refuses to overwrite a
  // change made in the file meanwhile (by hand, or in another tab).
  function postTranslation(id, translation, was) {
    return fetch(API + encodeURIComponent(id), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ translation: translation, was: was })
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (body) {
        return { status: response.status, body: body || {} };
      });
    });
  }

  /* ---- The page's texts ------------------------------------------------------ */

  function inPanel(node) {
    return !!(panel && node && panel.contains(node));
  }

  function pageSpans() {
    return Array.prototype.filter.call(document.querySelectorAll(SELECTOR), function (span) {
      return !inPanel(span);
    });
  }

  // Distinct IDs in page order, each with the text of its first span.
  function pageTexts() {
    var seen = {};
    var texts = [];
    pageSpans().forEach(function (span) {
      var id = span.getAttribute(PICK);
      if (!id || seen[id]) {
        return;
      }
      seen[id] = true;
      var english = span.querySelector("[lang]");
      texts.push({
        id: id,
        text: squeeze(span.textContent),
        lang: english && squeeze(english.textContent) === squeeze(span.textContent)
          ? english.getAttribute("lang") : ""
      });
    });
    return { texts: texts, seen: seen };
  }

  /* ---- The interface ----------------------------------------------------------- */

  var toggle, panel, heading, list, details, englishText, changedText, textarea,
    saveButton, status, notesList, whereList, termsList, problemsList;
  var built = false;
  var current = null; // the selected ID
  var shown = ""; // its translation as the panel read it (sent back as `was`)
  var request = 0; // the latest selection, so a slow answer cannot overwrite it
  var saving = false;
  var listButtons = {};

  function build() {
    toggle = el("button", {
      type: "button",
      class: "cde-studio-toggle",
      "aria-expanded": "false",
      "aria-controls": "cde-studio-panel"
    }, label("open"));

    panel = el("aside", {
      id: "cde-studio-panel",
      class: "cde-studio-panel",
      "aria-label": label("panel")
    });
    panel.hidden = true;
    // The interface speaks the translator's language, not necessarily the page's.
    if (label("lang")) {
      toggle.setAttribute("lang", label("lang"));
      panel.setAttribute("lang", label("lang"));
      toggle.setAttribute("dir", label("dir") || "ltr");
      panel.setAttribute("dir", label("dir") || "ltr");
    }

    heading = el("h2", { class: "cde-studio-heading", tabindex: "-1" }, label("panel"));
    panel.appendChild(heading);
    panel.appendChild(el("p", { class: "cde-studio-hint" }, label("hint")));

    var listSection = el("section", {
      class: "cde-studio-texts",
      "aria-labelledby": "cde-studio-texts-title"
    });
    listSection.appendChild(el("h3", { id: "cde-studio-texts-title" }, label("texts_on_page")));
    list = el("ul", { class: "cde-studio-list" });
    listSection.appendChild(list);
    panel.appendChild(listSection);

    details = el("section", {
      class: "cde-studio-details",
      "aria-labelledby": "cde-studio-english-title"
    });
    details.hidden = true;
    details.appendChild(el("h3", { id: "cde-studio-english-title" }, label("english")));
    englishText = el("p", { class: "cde-studio-english", lang: "en", dir: "ltr" });
    details.appendChild(englishText);
    changedText = el("p", { class: "cde-studio-changed", lang: "en", dir: "ltr" });
    changedText.hidden = true;
    details.appendChild(changedText);

    var field = el("div", { class: "cde-studio-field" });
    field.appendChild(el("label", { for: "cde-studio-translation" }, label("translation")));
    textarea = el("textarea", {
      id: "cde-studio-translation",
      class: "cde-studio-textarea",
      rows: "6",
      spellcheck: "true"
    });
    var pageLang = document.documentElement.getAttribute("lang") || LANG;
    if (pageLang) {
      textarea.setAttribute("lang", pageLang);
    }
    textarea.setAttribute("dir", document.documentElement.getAttribute("dir") || "auto");
    field.appendChild(textarea);
    details.appendChild(field);

    saveButton = el("button", { type: "button", class: "cde-studio-save" }, label("save"));
    details.appendChild(saveButton);
    status = el("p", {
      class: "cde-studio-status",
      role: "status",
      "aria-live": "polite"
    });
    details.appendChild(status);

    notesList = section(details, "notes");
    whereList = section(details, "where");
    termsList = section(details, "terms");
    problemsList = section(details, "problems");
    panel.appendChild(details);

    // First in the page, so the keyboard reaches it with one Tab.
    document.body.insertBefore(toggle, document.body.firstChild);
    document.body.appendChild(panel);
    document.documentElement.classList.add("cde-studio");

    toggle.addEventListener("click", function () {
      if (panel.hidden) {
        open(true);
      } else {
        close(true);
      }
    });
    saveButton.addEventListener("click", save);
    textarea.addEventListener("input", fit);
    textarea.addEventListener("keydown", function (event) {
      // Ctrl+Enter (Cmd+Enter) saves from the text box; Enter alone is a new line.
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save();
      }
    });
    document.addEventListener("click", pick, true);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden && !event.isComposing) {
        event.preventDefault();
        close(true);
      }
    });
  }

  // The text box as tall as its text (rows, not a style: nothing inline), within
  // reason, so that the whole translation shows without scrolling inside it.
  function fit() {
    if (details.hidden) {
      return;
    }
    var style = window.getComputedStyle(textarea);
    var line = parseFloat(style.lineHeight) || 24;
    var padding = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
    textarea.rows = 2;
    var needed = Math.ceil((textarea.scrollHeight - padding) / line);
    textarea.rows = Math.min(Math.max(needed, 4), 20);
  }

  function section(parent, key) {
    var id = "cde-studio-" + key + "-title";
    var part = el("section", { class: "cde-studio-" + key, "aria-labelledby": id });
    part.appendChild(el("h3", { id: id }, label(key)));
    var items = el("ul", { class: "cde-studio-items" });
    part.appendChild(items);
    parent.appendChild(part);
    return items;
  }

  // The list of texts: visible ones in page order, then those hidden in the title
  // or in attributes, named by their English (asked of the server).
  function fillList() {
    list.textContent = "";
    listButtons = {};
    var found = pageTexts();
    found.texts.forEach(function (text) {
      var button = listButton(text.id);
      var words = el("span", null, shorten(text.text) || text.id);
      if (text.lang) {
        words.setAttribute("lang", text.lang);
      }
      button.appendChild(words);
    });
    HIDDEN.forEach(function (id) {
      if (found.seen[id] || listButtons[id]) {
        return;
      }
      var button = listButton(id);
      button.classList.add("cde-studio-hidden-text");
      button.appendChild(document.createTextNode(label("hidden") + " "));
      var english = el("span", { lang: "en", dir: "ltr" }, id);
      button.appendChild(english);
      getEntry(id).then(function (entry) {
        english.textContent = shorten(entry.english) || id;
      }, function () {
        /* the ID stays as the button's text */
      });
    });
    markCurrent();
  }

  function listButton(id) {
    var item = el("li");
    var button = el("button", { type: "button", class: "cde-studio-item", "data-id": id });
    button.addEventListener("click", function () {
      select(id, { focus: "textarea", scroll: true });
    });
    item.appendChild(button);
    list.appendChild(item);
    listButtons[id] = button;
    return button;
  }

  function markCurrent() {
    Object.keys(listButtons).forEach(function (id) {
      if (id === current) {
        listButtons[id].setAttribute("aria-current", "true");
      } else {
        listButtons[id].removeAttribute("aria-current");
      }
    });
    pageSpans().forEach(function (span) {
      span.classList.toggle("cde-studio-current", span.getAttribute(PICK) === current);
    });
  }

  function open(moveFocus) {
    if (!built) {
      fillList();
      built = true;
    }
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    toggle.textContent = label("close");
    document.documentElement.classList.add("cde-studio-picking", "cde-studio-open");
    remember(OPEN_KEY, "1");
    if (moveFocus) {
      heading.focus();
    }
  }

  function close(moveFocus) {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.textContent = label("open");
    document.documentElement.classList.remove("cde-studio-picking", "cde-studio-open");
    remember(OPEN_KEY, null);
    if (moveFocus) {
      toggle.focus();
    }
  }

  // While the panel is open, a click on a text of the page picks it instead of
  // following a link. A link whose text is a message, activated from the keyboard,
  // is picked too (the click's target is then the link itself).
  function pick(event) {
    if (!panel || panel.hidden || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (!(target instanceof Element) || inPanel(target) || target === toggle) {
      return;
    }
    var span = target.closest(SELECTOR);
    if (!span) {
      var control = target.closest("a, button, summary, label");
      span = control && control.querySelector(SELECTOR);
    }
    if (!span || inPanel(span)) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    select(span.getAttribute(PICK), { focus: "textarea", scroll: false });
  }

  function fillItems(items, values, render) {
    items.textContent = "";
    if (!values || !values.length) {
      items.appendChild(el("li", { class: "cde-studio-none" }, label("none")));
      return;
    }
    values.forEach(function (value) {
      var item = el("li");
      render(item, value);
      items.appendChild(item);
    });
  }

  function showEntry(entry) {
    englishText.textContent = entry.english || "";
    changedText.textContent = entry.changed || "";
    changedText.hidden = !entry.changed;
    textarea.value = entry.translation || "";
    shown = textarea.value;
    if (entry.fuzzy) {
      textarea.setAttribute("data-fuzzy", "true");
    } else {
      textarea.removeAttribute("data-fuzzy");
    }
    status.textContent = "";
    status.classList.remove("cde-studio-problem", "cde-studio-saved");

    fillItems(notesList, entry.notes, function (item, note) {
      item.setAttribute("lang", "en");
      item.textContent = note;
    });
    var where = [];
    // This language's pages (another language's show the same text, in its own
    // translation): all of them only when none is this language's.
    var pages = entry.pages || [];
    var mine = pages.filter(function (page) {
      return LANG && page.indexOf("/" + LANG.toLowerCase() + "/") === 0;
    });
    (mine.length ? mine : pages).forEach(function (page) {
      where.push({ page: page });
    });
    (entry.locations || []).forEach(function (location) {
      where.push({ location: location });
    });
    fillItems(whereList, where, function (item, place) {
      if (place.page) {
        var link = el("a", { href: place.page + "#cde-studio=" + (entry.id || current) }, place.page);
        item.appendChild(link);
      } else {
        item.appendChild(el("code", null, place.location));
      }
    });
    fillItems(termsList, entry.terms, function (item, term) {
      item.appendChild(el("span", { lang: "en" }, term.en));
      item.appendChild(document.createTextNode(" \u2192 "));
      item.appendChild(el("span", textarea.hasAttribute("lang")
        ? { lang: textarea.getAttribute("lang") } : null, term.required));
    });
    fillItems(problemsList, entry.problems, function (item, problem) {
      item.textContent = problem;
    });
    details.hidden = false;
    fit();
    textarea.scrollTop = 0;
  }

  // Show one text in the details. options.focus: "textarea" moves focus there once
  // it is filled; options.scroll: bring its first span on the page into view.
  function select(id, options) {
    options = options || {};
    current = id;
    markCurrent();
    if (options.scroll) {
      var span = pageSpans().filter(function (node) {
        return node.getAttribute(PICK) === id;
      })[0];
      if (span && span.scrollIntoView) {
        span.scrollIntoView({
          block: "nearest",
          behavior: reducedMotion() ? "auto" : "smooth"
        });
      }
    }
    var mine = ++request;
    return getEntry(id).then(function (entry) {
      if (mine !== request) {
        return null;
      }
      showEntry(entry);
      if (options.focus === "textarea") {
        // The caret at the start, where reading begins, and the box in view.
        textarea.focus();
        textarea.setSelectionRange(0, 0);
        textarea.scrollTop = 0;
      }
      return entry;
    }, function (error) {
      if (mine !== request) {
        return null;
      }
      details.hidden = false;
      status.textContent = failed(error.message);
      status.classList.add("cde-studio-problem");
      return null;
    });
  }

  function save() {
    if (!current || saving) {
      return;
    }
    saving = true;
    saveButton.setAttribute("aria-disabled", "true");
    var id = current;
    var typed = textarea.value;
    status.textContent = "";
    status.classList.remove("cde-studio-problem", "cde-studio-saved");
    postTranslation(id, typed, shown).then(function (answer) {
      if (answer.status === 200 && answer.body.saved) {
        remember(SAVED_KEY, id);
        remember(OPEN_KEY, "1");
        window.location.reload();
        return;
      }
      done();
      status.textContent = answer.body.problem || failed(answer.status);
      status.classList.add("cde-studio-problem");
      textarea.value = typed;
      textarea.focus();
    }, function () {
      done();
      status.textContent = failed("");
      status.classList.add("cde-studio-problem");
      textarea.focus();
    });

    function done() {
      saving = false;
      saveButton.removeAttribute("aria-disabled");
    }
  }

  function start() {
    build();
    var saved = recall(SAVED_KEY);
    remember(SAVED_KEY, null);
    if (saved) {
      // Back from a save: the same text, its new translation, and "saved".
      open(false);
      select(saved, { focus: "textarea", scroll: true }).then(function (entry) {
        if (entry && current === saved) {
          // A moment after the details appear, so that screen readers, which
          // watch the status line only once it is shown, announce it.
          window.setTimeout(function () {
            if (current === saved) {
              status.textContent = label("saved");
              status.classList.add("cde-studio-saved");
            }
          }, 100);
        }
      });
    } else if (HASH.test(window.location.hash)) {
      openOnHash(true);
    } else if (recall(OPEN_KEY)) {
      open(false);
    }
    window.addEventListener("hashchange", function () {
      openOnHash(true);
    });
  }

  function openOnHash(moveFocus) {
    var match = HASH.exec(window.location.hash);
    if (match) {
      open(false);
      select(match[1], { focus: moveFocus ? "textarea" : "", scroll: true });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
