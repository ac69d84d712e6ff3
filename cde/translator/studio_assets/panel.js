/* Translation studio, its panel: built once, opened and closed, the parts that
   show the selected text (at the top, in view without scrolling), the search, and
   the list of the page's texts. What the panel does when
   used (pick, select, save, search) is studio.js's and search.js's, handed to
   `build`. */
import {
  HIDDEN, IN_TITLE, LANG, OPEN_KEY, PICK, START, TODO, el, getEntry, label, pageSpans,
  pageTexts, remember, shorten, spanOf
} from "./page.js";

// The panel's elements, once built.
export var ui = {};
// The selected text's ID, and its translation as the panel read it (sent back as
// `was` when saving).
export var selection = { current: null, shown: "", here: false };  // here: on this page
var built = false;
var listButtons = {};
var actions = {};

// actions: select(id, options), save(), pick(event), search(section).
export function build(given) {
  actions = given;
  ui.toggle = el("button", {
    type: "button",
    class: "cde-studio-toggle",
    "aria-expanded": "false",
    "aria-controls": "cde-studio-panel"
  }, label("open"));

  ui.panel = el("aside", {
    id: "cde-studio-panel",
    class: "cde-studio-panel",
    "aria-label": label("panel")
  });
  ui.panel.hidden = true;
  // The interface speaks the translator's language, not necessarily the page's.
  if (label("lang")) {
    [ui.toggle, ui.panel].forEach(function (node) {
      node.setAttribute("lang", label("lang"));
      node.setAttribute("dir", label("dir") || "ltr");
    });
  }

  ui.heading = el("h2", { class: "cde-studio-heading", tabindex: "-1" }, label("panel"));
  ui.panel.appendChild(ui.heading);
  ui.panel.appendChild(el("p", { class: "cde-studio-hint" }, label("hint")));
  // The way back to every language's progress and what needs work.
  var back = el("p", { class: "cde-studio-hint" });
  back.appendChild(el("a", { href: START }, label("start_page")));
  ui.panel.appendChild(back);
  // The selected text's details first, right under the heading: the list of a
  // long page's texts would push the text box below the screen's edge.
  buildDetails();
  ui.panel.appendChild(ui.details);
  actions.search(ui.panel);

  var listSection = el("section", {
    class: "cde-studio-texts",
    "aria-labelledby": "cde-studio-texts-title"
  });
  listSection.appendChild(el("h3", { id: "cde-studio-texts-title" }, label("texts_on_page")));
  ui.list = el("ul", { class: "cde-studio-list" });
  listSection.appendChild(ui.list);
  ui.panel.appendChild(listSection);

  // First in the page, so the keyboard reaches it with one Tab.
  document.body.insertBefore(ui.toggle, document.body.firstChild);
  document.body.appendChild(ui.panel);
  document.documentElement.classList.add("cde-studio");

  ui.toggle.addEventListener("click", function () {
    if (ui.panel.hidden) {
      open(true);
    } else {
      close(true);
    }
  });
  ui.saveButton.addEventListener("click", actions.save);
  ui.textarea.addEventListener("input", fit);
  ui.textarea.addEventListener("keydown", function (event) {
    // Ctrl+Enter (Cmd+Enter) saves from the text box; Enter alone is a new line.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      actions.save();
    }
  });
  document.addEventListener("click", actions.pick, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !ui.panel.hidden && !event.isComposing) {
      event.preventDefault();
      close(true);
    }
  });
}

// The details of the selected text: its English, the translation, what is wrong
// with it right under the button, then what helps.
function buildDetails() {
  ui.details = el("section", {
    class: "cde-studio-details",
    "aria-labelledby": "cde-studio-english-title"
  });
  ui.details.hidden = true;
  ui.details.appendChild(el("h3", { id: "cde-studio-english-title" }, label("english")));
  ui.englishText = el("p", { class: "cde-studio-english", lang: "en", dir: "ltr" });
  ui.details.appendChild(ui.englishText);
  ui.changedText = el("p", { class: "cde-studio-changed" });
  ui.changedText.hidden = true;
  ui.details.appendChild(ui.changedText);
  // A text found by a search or opened from the start page may be on no page here.
  ui.elsewhere = el("p", { class: "cde-studio-elsewhere" }, label("elsewhere"));
  ui.elsewhere.hidden = true;
  ui.details.appendChild(ui.elsewhere);

  var field = el("div", { class: "cde-studio-field" });
  field.appendChild(el("label", { for: "cde-studio-translation" }, label("translation")));
  ui.textarea = el("textarea", {
    id: "cde-studio-translation",
    class: "cde-studio-textarea",
    rows: "6",
    spellcheck: "true"
  });
  var pageLang = document.documentElement.getAttribute("lang") || LANG;
  if (pageLang) {
    ui.textarea.setAttribute("lang", pageLang);
  }
  ui.textarea.setAttribute("dir", document.documentElement.getAttribute("dir") || "auto");
  field.appendChild(ui.textarea);
  ui.details.appendChild(field);

  ui.saveButton = el("button", { type: "button", class: "cde-studio-save" }, label("save"));
  ui.details.appendChild(ui.saveButton);
  ui.status = el("p", {
    class: "cde-studio-status",
    role: "status",
    "aria-live": "polite"
  });
  ui.details.appendChild(ui.status);

  ui.problemsList = section(ui.details, "problems");
  ui.problemsSection = ui.problemsList.parentNode;
  ui.problemsSection.hidden = true;
  buildKept();
  ui.notesList = section(ui.details, "notes");
  ui.whereList = section(ui.details, "where");
  ui.termsList = section(ui.details, "terms");
}

// After the file changed meanwhile, the two versions side by side (problems.js):
// the translator's own, kept, and the file's, each a button away from the box.
function buildKept() {
  ui.kept = el("section", { class: "cde-studio-kept", "aria-labelledby": "cde-studio-kept-title" });
  ui.kept.hidden = true;
  ui.kept.appendChild(el("h3", { id: "cde-studio-kept-title" }, label("versions")));
  ui.kept.appendChild(el("p", null, label("conflict")));
  var pageLang = document.documentElement.getAttribute("lang");
  ["mine", "theirs"].forEach(function (which) {
    ui.kept.appendChild(el("h4", null, label(which)));
    ui[which + "Text"] = el("p", pageLang ? { class: "cde-studio-kept-text", lang: pageLang }
      : { class: "cde-studio-kept-text" });
    ui.kept.appendChild(ui[which + "Text"]);
    ui[which + "Use"] = el("button", { type: "button", class: "cde-studio-fix" },
      label("use_" + which));
    ui.kept.appendChild(ui[which + "Use"]);
  });
  ui.details.appendChild(ui.kept);
}

// The text box as tall as its text (rows, not a style: nothing inline), within
// reason, so that the whole translation shows without scrolling inside it.
export function fit() {
  if (ui.details.hidden) {
    return;
  }
  var style = window.getComputedStyle(ui.textarea);
  var line = parseFloat(style.lineHeight) || 24;
  var padding = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
  ui.textarea.rows = 2;
  var needed = Math.ceil((ui.textarea.scrollHeight - padding) / line);
  ui.textarea.rows = Math.min(Math.max(needed, 4), 20);
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

// A list's items, or the sentence its section says when it has none (each its
// own: no "None" that has to agree with a noun).
export function fillItems(items, values, none, render) {
  items.textContent = "";
  if (!values || !values.length) {
    items.appendChild(el("li", { class: "cde-studio-none" }, label(none)));
    return;
  }
  values.forEach(function (value) {
    var item = el("li");
    render(item, value);
    items.appendChild(item);
  });
}

// A text's words in the list: the page's, which are the translation (or the
// English, marked, where there is none yet).
function words(text, lang) {
  var span = el("span", null, shorten(text));
  if (lang) {
    span.setAttribute("lang", lang);
    span.setAttribute("dir", "ltr");
  }
  return span;
}

// The list of texts: visible ones in page order, then those in the title or in
// attributes, in the translator's language too (asked of the server).
function fillList() {
  ui.list.textContent = "";
  listButtons = {};
  var found = pageTexts(ui.panel);
  found.texts.forEach(function (text) {
    listButton(text.id).appendChild(words(text.text || text.id, text.lang));
  });
  HIDDEN.forEach(function (id) {
    if (found.seen[id] || listButtons[id]) {
      return;
    }
    var button = listButton(id);
    button.classList.add("cde-studio-hidden-text");
    button.appendChild(el("span", { class: "cde-studio-place" },
      label(IN_TITLE.indexOf(id) >= 0 ? "in_title" : "hidden")));
    button.appendChild(document.createTextNode(" "));
    var shown = button.appendChild(words(id, ""));
    getEntry(id).then(function (entry) {
      button.replaceChild(entry.translation ? words(entry.translation, "")
        : words(entry.english || id, "en"), shown);
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
    actions.select(id, { focus: "textarea", scroll: true });
  });
  // What the start page lists as needing work, marked here too (as the page loaded).
  if (TODO.indexOf(id) >= 0) {
    button.append(el("span", { class: "cde-studio-todo" }, label("needs_work")), " ");
  }
  item.appendChild(button);
  ui.list.appendChild(item);
  listButtons[id] = button;
  return button;
}

// The selected text marked, in the list and on the page.
export function markCurrent() {
  // In the list, and among the search's results.
  ui.panel.querySelectorAll(".cde-studio-item[data-id]").forEach(function (button) {
    if (button.getAttribute("data-id") === selection.current) {
      button.setAttribute("aria-current", "true");
    } else {
      button.removeAttribute("aria-current");
    }
  });
  pageSpans(ui.panel).forEach(function (span) {
    span.classList.toggle("cde-studio-current", span.getAttribute(PICK) === selection.current);
  });
}

export function open(moveFocus) {
  if (!built) {
    fillList();
    built = true;
  }
  ui.panel.hidden = false;
  ui.toggle.setAttribute("aria-expanded", "true");
  ui.toggle.textContent = label("close");
  document.documentElement.classList.add("cde-studio-picking", "cde-studio-open");
  remember(OPEN_KEY, "1");
  if (moveFocus) {
    ui.heading.focus();
  }
}

export function close(moveFocus) {
  ui.panel.hidden = true;
  ui.toggle.setAttribute("aria-expanded", "false");
  ui.toggle.textContent = label("open");
  document.documentElement.classList.remove("cde-studio-picking", "cde-studio-open");
  remember(OPEN_KEY, null);
  // The page, wider now, flows anew: the text the translator was on stays in view.
  var span = spanOf(selection.current, ui.panel);
  if (span) {
    span.scrollIntoView({ block: "nearest" });
  }
  if (moveFocus) {
    ui.toggle.focus({ preventScroll: true });
  }
}
