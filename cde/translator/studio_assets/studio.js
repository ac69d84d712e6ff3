/* Translation studio: pick a text on the page, edit its translation, save it.

   Loaded only in translator mode (`make translate`), where every page carries
   <meta name="cde-studio" content="LANG" data-api="..." data-hidden="ID ..."
   data-title="ID ..." data-labels='{...}'> and wraps each visible translated text
   in <span data-cde-msg="ID">. No library, nothing inline (the site's CSP is
   default-src 'self'); server strings reach the DOM through textContent only.
   Every word of the interface comes from data-labels, in the translator's language.
   page.js reads the page and talks to the server, panel.js builds the panel,
   problems.js and search.js are the parts named so, tokens.js shows placeholders
   and tags; this module is what the panel does: pick, select, show, save. */
import {
  DRAFTS_KEY, LANG, ON, OPEN_KEY, PICK, SAVED_KEY, SEARCH_KEY, SELECTOR, el, failed,
  getEntry, label, onPage, postTranslation, recall, reducedMotion, remember, spanOf
} from "./page.js";
import { build, fillItems, fit, markCurrent, open, selection, ui } from "./panel.js";
import { forget, keep, recount, showKept, showProblems, tooLong } from "./problems.js";
import { buildSearch } from "./search.js";
import { showChange, showTokens } from "./tokens.js";

// An address ending in #cde-studio=ID (the studio's start page, "where" links)
// opens the panel on that text; #cde-studio alone opens the panel. &q=WORDS (a
// result of the start page's search) runs that search in the panel too.
var HASH = /^#cde-studio(?:=(\w+))?(?:&q=([^&]*))?$/;
var request = 0; // the latest selection, so a slow answer cannot overwrite it
var saving = false;
var entryShown = null;

// While the panel is open, a click on a text of the page picks it instead of
// following a link. A link whose text is a message, activated from the keyboard,
// is picked too (the click's target is then the link itself).
function pick(event) {
  if (!ui.panel || ui.panel.hidden || event.defaultPrevented) {
    return;
  }
  var target = event.target;
  if (!(target instanceof Element) || ui.panel.contains(target) || target === ui.toggle) {
    return;
  }
  var span = target.closest(SELECTOR);
  if (!span) {
    // A link's text, or the one text of a line clicked beside its words (between
    // the lines of a list item).
    var around = target.closest("a, button, summary, label");
    span = around ? around.querySelector(SELECTOR)
      : target.querySelectorAll(SELECTOR).length === 1 && target.querySelector(SELECTOR);
  }
  if (!span || ui.panel.contains(span)) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  select(span.getAttribute(PICK), { focus: "textarea", scroll: false });
}

// Texts typed and not saved, {typed, was: the file's text then}, by language and
// ID (an ID is the same in every language); sessionStorage: from page to page too.
function drafts() {
  try {
    return JSON.parse(recall(DRAFTS_KEY) || "{}") || {};
  } catch (error) {
    return {};
  }
}

// Keep what is in the box, if it is not what the file has, before another text
// takes its place or the page goes: a click elsewhere loses nothing typed. Kept
// under the text whose entry is in the box (another may be loading).
function keepDraft() {
  if (entryShown && !ui.details.hidden && ui.textarea.value !== selection.shown) {
    var all = drafts();
    all[LANG + ":" + entryShown.id] = { typed: ui.textarea.value, was: selection.shown };
    remember(DRAFTS_KEY, JSON.stringify(all));
  }
}

// The draft of `id`, taken out of the store.
function takeDraft(id) {
  var all = drafts();
  var draft = all[LANG + ":" + id];
  delete all[LANG + ":" + id];
  remember(DRAFTS_KEY, JSON.stringify(all));
  return draft && typeof draft.typed === "string" ? draft : null;
}

function clearStatus() {
  ui.status.textContent = "";
  ui.status.classList.remove("cde-studio-problem", "cde-studio-saved", "cde-studio-warning");
  if (ui.fileBack) {
    ui.fileBack.hidden = true;
  }
}

// A draft back in the box: said so, with the file's text a button away.
function draftBack(typed) {
  ui.textarea.value = typed;
  ui.status.textContent = label("draft_back");
  if (!ui.fileBack) {
    ui.fileBack = el("button", { type: "button", class: "cde-studio-fix" }, label("use_theirs"));
    ui.status.parentNode.insertBefore(ui.fileBack, ui.status.nextSibling);
    ui.fileBack.addEventListener("click", function () {
      ui.textarea.value = selection.shown;
      fit();
      clearStatus();
      ui.textarea.focus();
    });
  }
  ui.fileBack.hidden = false;
}

function showEntry(entry) {
  entryShown = entry;
  showTokens(ui.englishText, entry.english);
  showChange(ui.changedText, entry.changed);
  ui.changedText.hidden = !entry.changed;
  // Not on this page, but on others that "Where it appears" names (a text on no
  // page at all is said so there).
  selection.here = onPage(entry.id, ui.panel);
  ui.elsewhere.hidden = selection.here;
  ui.elsewhere.textContent = label(entry.pages && entry.pages.length ? "elsewhere" : "nowhere");
  ui.textarea.value = entry.translation || "";
  selection.shown = ui.textarea.value;
  var draft = takeDraft(entry.id);
  var typed = draft && draft.typed !== selection.shown ? draft.typed : null;
  if (entry.fuzzy) {
    ui.textarea.setAttribute("data-fuzzy", "true");
  } else {
    ui.textarea.removeAttribute("data-fuzzy");
  }
  clearStatus();
  showProblems(entry.problems);
  // Typed against a text the file no longer has: the two versions side by side, as
  // after a save that found the file changed; else the draft back in the box.
  if (typed !== null && draft.was !== selection.shown) {
    keep(entry.id, typed);
  }
  if (!showKept(entry.id) && typed !== null) {
    draftBack(typed);
  }

  fillItems(ui.notesList, entry.notes, "no_notes", function (item, note) {
    item.setAttribute("lang", "en");
    item.textContent = note;
  });
  // The pages of this language (the server gives no other), by their name, each
  // with the section where the text is: what a translator sees on the page. No
  // template file (file:line is for the commands, `flask translate check`).
  fillItems(ui.whereList, entry.pages, "nowhere", function (item, place) {
    var pageLang = document.documentElement.getAttribute("lang");
    item.appendChild(el("a", pageLang ? {
      href: place.path + "#cde-studio=" + entry.id, lang: pageLang
    } : { href: place.path + "#cde-studio=" + entry.id }, place.name || place.path));
    if (place.section) {
      var said = label("in_section").split("{section}");
      item.appendChild(document.createTextNode(", " + said[0]));
      item.appendChild(el("span", pageLang ? { lang: pageLang } : null, place.section));
      item.appendChild(document.createTextNode(said.slice(1).join("")));
    }
  });
  fillItems(ui.termsList, entry.terms, "no_terms", function (item, term) {
    item.appendChild(el("span", { lang: "en" }, term.en));
    if (term.required === term.en) {  // an acronym such as UNODC: no arrow to itself
      item.appendChild(document.createTextNode(" " + label("same_term")));
      return;
    }
    item.appendChild(document.createTextNode(" \u2192 "));
    item.appendChild(el("span", ui.textarea.hasAttribute("lang")
      ? { lang: ui.textarea.getAttribute("lang") } : null, term.required));
  });
  ui.details.hidden = false;
  fit();
  ui.textarea.scrollTop = 0;
}

// Show one text in the details. options.focus: "textarea" moves focus there once
// it is filled; options.scroll: bring its first span on the page into view, or, if
// "unseen", only if it is not in view already (after a save's reload, the page is
// where the translator left it).
function select(id, options) {
  options = options || {};
  if (id !== selection.current) {
    keepDraft();
  }
  selection.current = id;
  markCurrent();
  // The address names the text shown, so a reload reopens this one, not the first
  // text a link opened (replaceState fires no hashchange).
  if (HASH.test(window.location.hash) && window.location.hash !== "#cde-studio=" + id) {
    window.history.replaceState(null, "", "#cde-studio=" + id);
  }
  if (options.scroll) {
    var span = spanOf(id, ui.panel);
    var rect = span && span.getBoundingClientRect();
    if (span && span.scrollIntoView && (options.scroll !== "unseen" || rect.top < 0 ||
        rect.bottom > window.innerHeight)) {
      // In the middle of the screen, not at its edge, where it is easily missed.
      span.scrollIntoView({
        block: "center",
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
    // The details are at the top of the panel: back there from a text picked low
    // in the list or among the results, so its English and box are in view.
    ui.panel.scrollTop = 0;
    if (options.focus === "textarea") {
      // The caret at the start, where reading begins. The English above stays in
      // view: the panel scrolls only if the box's first lines are below its edge.
      ui.textarea.focus({ preventScroll: true });
      ui.textarea.setSelectionRange(0, 0);
      ui.textarea.scrollTop = 0;
      var below = ui.textarea.getBoundingClientRect().top + 3 * 16 -
        ui.panel.getBoundingClientRect().bottom;
      if (below > 0) {
        ui.panel.scrollTop += below;
      }
    }
    return entry;
  }, function (error) {
    if (mine !== request) {
      return null;
    }
    entryShown = null;  // the box holds no text's entry now: nothing to keep from it
    ui.details.hidden = false;
    ui.status.textContent = failed(error);
    ui.status.classList.add("cde-studio-problem");
    return null;
  });
}

function save() {
  if (!selection.current || saving) {
    return;
  }
  var id = selection.current;
  var typed = ui.textarea.value;
  if (tooLong(entryShown, typed)) {
    return;
  }
  saving = true;
  ui.saveButton.setAttribute("aria-disabled", "true");
  clearStatus();
  postTranslation(id, typed, selection.shown).then(function (answer) {
    // Saved, or kept beside the file's version: no draft to keep when the page goes.
    if (answer.status === 200 && answer.body.saved) {
      selection.shown = typed;
      forget(id);
      remember(SAVED_KEY, id);
      remember(OPEN_KEY, "1");
      window.location.reload();
      return;
    }
    if (answer.status === 409 && answer.body.conflict) {
      // The file's text wins on the page (the studio compiled it): reload to show
      // it, with the typed text kept beside the file's version.
      keep(id, typed);
      selection.shown = typed;
      remember(SAVED_KEY, id);
      remember(OPEN_KEY, "1");
      window.location.reload();
      return;
    }
    done();
    ui.status.textContent = answer.body.said || failed({ message: String(answer.status) });
    ui.status.classList.add("cde-studio-problem");
    if (answer.body.problems) {
      showProblems(answer.body.problems);
    }
    ui.textarea.value = typed;
    ui.textarea.focus({ preventScroll: true });
    // The list of problems, under a long text, may start below the panel's edge.
    (answer.body.problems ? ui.problemsSection : ui.status).scrollIntoView({ block: "nearest" });
  }, function () {
    done();
    ui.status.textContent = failed(null);
    ui.status.classList.add("cde-studio-problem");
    ui.textarea.focus();
  });

  function done() {
    saving = false;
    ui.saveButton.removeAttribute("aria-disabled");
  }
}

// Back from a save or a conflict: the same text, with "saved", or the kept text.
function reopen(id) {
  open(false);
  select(id, { focus: "textarea", scroll: "unseen" }).then(function (entry) {
    if (!entry || selection.current !== id) {
      return;
    }
    // A moment after the details appear, so that screen readers, which watch the
    // status line only once it is shown, announce it.
    window.setTimeout(function () {
      if (selection.current === id && !ui.kept.hidden) {
        // Not saved: the file changed meanwhile. Said where "Saved" would be, and
        // the two versions brought into view.
        ui.status.textContent = label("not_saved_conflict");
        ui.status.classList.add("cde-studio-problem");
        ui.kept.scrollIntoView({ block: "nearest" });
      } else if (selection.current === id) {
        // Saved from another page's panel (a search), the page shows no change.
        ui.status.textContent = label(selection.here ? "saved" : "saved_elsewhere");
        ui.status.classList.add("cde-studio-saved");
        // Under one of the longest texts, the status is below the panel's edge.
        ui.status.scrollIntoView({ block: "nearest" });
      }
    }, 100);
  });
}

function start() {
  var saved = recall(SAVED_KEY);
  remember(SAVED_KEY, null);
  var asked = HASH.exec(window.location.hash);
  if (asked && asked[2]) {
    try {
      remember(SEARCH_KEY, decodeURIComponent(asked[2].replace(/\+/g, " ")));
    } catch (error) {
      /* a malformed address: no search, the studio all the same */
    }
  }
  build({
    select: select,
    save: save,
    pick: pick,
    search: function (parent) {
      buildSearch(parent, select, !!saved || !!(asked && asked[2]));
    }
  });
  if (saved) {
    reopen(saved);
  } else if (HASH.test(window.location.hash)) {
    openOnHash(true);
  } else if (recall(OPEN_KEY)) {
    open(false);
  }
  window.addEventListener("hashchange", function () {
    openOnHash(true);
  });
  window.addEventListener("pagehide", keepDraft);
  ui.textarea.addEventListener("input", function () {
    recount(entryShown, ui.textarea.value);
  });
}

function openOnHash(moveFocus) {
  var match = HASH.exec(window.location.hash);
  if (!match) {
    return;
  }
  open(moveFocus && !match[1]);
  if (match[1]) {
    select(match[1], { focus: moveFocus ? "textarea" : "", scroll: true });
  }
}

if (ON) {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
