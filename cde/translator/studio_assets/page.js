/* Translation studio, what the page gives it: its settings (the cde-studio meta),
   the words of the interface, the texts it marks, the studio's API, and small
   helpers. Imported by studio.js and panel.js (ES modules: the site's CSP allows
   scripts from its own origin, and nothing inline). */

var meta = document.querySelector('meta[name="cde-studio"]');

// Not a studio page (the meta is put in every page of the site in translator mode).
export var ON = !!meta;
export var LANG = meta ? meta.getAttribute("content") || "" : "";
var API = meta ? meta.getAttribute("data-api") || "" : "";
// The studio's start page: the API's address is under it (studio_head.html).
export var START = API.replace(/api\/[^/]*$/, "");
export var HIDDEN = words(meta ? meta.getAttribute("data-hidden") : "");
// Those of HIDDEN that are in the page's <title>; the page's texts that need work.
export var IN_TITLE = words(meta ? meta.getAttribute("data-title") : "");
export var TODO = words(meta ? meta.getAttribute("data-todo") : "");
var labels = {};
try {
  labels = JSON.parse(meta ? meta.getAttribute("data-labels") || "{}" : "{}") || {};
} catch (error) {
  labels = {};
}
export var PICK = "data-cde-msg";
export var SELECTOR = "[" + PICK + "]";
var MAX_LABEL = 80;
// sessionStorage keys: the text just saved (reopen on it after the reload),
// whether the panel was open (it stays open from page to page), and the text a
// translator typed when the file had changed meanwhile ({id, typed}), kept until
// saved or forgotten; the words last searched in the panel on this page; texts
// typed and not saved ({id: typed}), back in the box when their text is chosen again.
export var SAVED_KEY = "cde-studio:saved";
export var DRAFTS_KEY = "cde-studio:drafts";
export var SEARCH_KEY = "cde-studio:search";
export var OPEN_KEY = "cde-studio:open";
export var KEPT_KEY = "cde-studio:kept";

function words(text) {
  return (text || "").split(/\s+/).filter(Boolean);
}

export function label(key) {
  return typeof labels[key] === "string" ? labels[key] : "";
}

// A label with its {fields} filled in: fill("long", {typed: 30, ...}).
export function fill(key, values) {
  return label(key).replace(/\{(\w+)\}/g, function (field, name) {
    return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : field;
  });
}

// A request that failed without the check's words: said in the translator's
// language, with the HTTP status for whoever helps them.
export function failed(error) {
  if (error && error.said) {
    return error.said;
  }
  var code = error && error.message;
  return label("failed") + (code ? " (" + code + ")" : "");
}

function storage() {
  try {
    return window.sessionStorage;
  } catch (error) {
    return null;
  }
}

export function remember(key, value) {
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

export function recall(key) {
  var store = storage();
  try {
    return store ? store.getItem(key) : null;
  } catch (error) {
    return null;
  }
}

// An element with its text, built with textContent (never innerHTML).
export function el(tag, attributes, text) {
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

export function shorten(text) {
  text = squeeze(text);
  return text.length > MAX_LABEL ? text.slice(0, MAX_LABEL - 1).trimEnd() + "\u2026" : text;
}

export function reducedMotion() {
  return !!(window.matchMedia &&
    window.matchMedia("(prefers-reduced-motion: reduce)").matches);
}

/* ---- The studio's API ---------------------------------------------------------- */

// One request per text, JSON both ways, same origin (fetch sends the Origin the
// server checks on POST).
function getJSON(url) {
  return fetch(url, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
    cache: "no-store"
  }).then(function (response) {
    if (!response.ok) {
      // The studio's own sentence, when it has one (a catalog it cannot read).
      return response.json().catch(function () {
        return {};
      }).then(function (body) {
        var error = new Error(String(response.status));
        error.said = body && body.said;
        throw error;
      });
    }
    return response.json();
  });
}

export function getEntry(id) {
  return getJSON(API + "/" + encodeURIComponent(id));
}

// Every text of the site whose English or translation holds `words`:
// {said, found: [{id, english, translation, page}]}.
export function searchTexts(words) {
  return getJSON(API + "?q=" + encodeURIComponent(words));
}

// `was` is the translation the panel showed: the server refuses to overwrite a
// change made in the file meanwhile (by hand, or in another tab).
export function postTranslation(id, translation, was) {
  return fetch(API + "/" + encodeURIComponent(id), {
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

/* ---- The page's texts ---------------------------------------------------------- */

// The marked texts of the page, not those inside `panel` (the studio's own).
export function pageSpans(panel) {
  return Array.prototype.filter.call(document.querySelectorAll(SELECTOR), function (span) {
    return !(panel && panel.contains(span));
  });
}

// The first span of text `id` on the page, or undefined.
export function spanOf(id, panel) {
  return pageSpans(panel).filter(function (span) {
    return span.getAttribute(PICK) === id;
  })[0];
}

// Whether text `id` is on this page: shown, or in its title or attributes.
export function onPage(id, panel) {
  return !!spanOf(id, panel) || HIDDEN.indexOf(id) >= 0;
}

// Distinct IDs in page order, each with the text of its first span.
export function pageTexts(panel) {
  var seen = {};
  var texts = [];
  pageSpans(panel).forEach(function (span) {
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
