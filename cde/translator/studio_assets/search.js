/* Translation studio: search every text of the site, from the panel, by its
   English or its translation, texts no page shows now (error pages) included;
   a text found opens in the panel, whichever page it is on. */
import {
  SEARCH_KEY, el, failed, fill, label, onPage, recall, remember, searchTexts
} from "./page.js";
import { markCurrent } from "./panel.js";

// Build the search into `parent`; `select(id, options)` opens a text found. After a
// save, which reloads the page, `again` runs the search made before it once more:
// the translator goes on down the same results.
export function buildSearch(parent, select, again) {
  var latest = 0;
  var part = el("section", { class: "cde-studio-search-part" });
  var form = el("form", { class: "cde-studio-search", role: "search" });
  form.appendChild(el("label", { for: "cde-studio-search" }, label("search")));
  var row = el("div", { class: "cde-studio-search-row" });
  var input = el("input", { id: "cde-studio-search", type: "search", name: "q" });
  row.appendChild(input);
  row.appendChild(el("button", { type: "submit", class: "cde-studio-search-button" },
    label("search_button")));
  form.appendChild(row);
  part.appendChild(form);
  var said = el("p", { class: "cde-studio-found", role: "status", "aria-live": "polite" });
  part.appendChild(said);
  var results = el("div", { class: "cde-studio-results" });
  part.appendChild(results);
  parent.appendChild(part);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(true);
  });
  // Emptied (the box's ×, or by hand): the results and their count go too.
  input.addEventListener("input", function () {
    if (!input.value.trim()) {
      run(false);
    }
  });
  var before = again ? recall(SEARCH_KEY) : null;
  remember(SEARCH_KEY, null);
  if (before) {
    input.value = before;
    run(false);
  }

  // `scroll`: bring the results into view (not when they come back after a save,
  // when the text just saved is what the translator looks at). Only the latest
  // search's answer is shown (`latest`), whatever order the answers come in.
  function run(scroll) {
    var words = input.value.trim();
    var mine = ++latest;
    results.textContent = "";
    said.textContent = "";
    remember(SEARCH_KEY, words || null);
    if (!words) {
      return;
    }
    searchTexts(words).then(function (answer) {
      if (mine !== latest) {
        return;
      }
      results.textContent = "";
      said.textContent = answer.said || "";
      // Those that hold the words as typed come first; a heading of their own for
      // those that hold them apart, after them.
      var list = null;
      (answer.found || []).forEach(function (text, at, all) {
        if (!list || (at && all[at - 1].as_typed && !text.as_typed)) {
          if (list) {
            results.appendChild(el("p", { class: "cde-studio-apart" }, label("apart")));
          }
          list = results.appendChild(el("ul", { class: "cde-studio-list" }));
        }
        list.appendChild(result(text, select));
      });
      markCurrent();
      // Below a text's details, the results may start beyond the screen's edge.
      if (scroll && said.scrollIntoView) {
        said.scrollIntoView({ block: "nearest" });
      }
    }, function (error) {
      if (mine === latest) {
        said.textContent = failed(error);
      }
    });
  }
}

// A text found: its translation (or its English, marked, if it has none yet),
// with its English under it; each shows the part that holds the words searched,
// highlighted (the server cuts it: search.excerpt).
function result(text, select) {
  var item = el("li");
  var button = el("button", { type: "button", class: "cde-studio-item", "data-id": text.id });
  var lang = document.documentElement.getAttribute("lang") || "";
  button.appendChild(text.translation
    ? excerpt(el("span", lang ? { lang: lang } : null), text.translation_excerpt)
    : excerpt(el("span", { lang: "en", dir: "ltr" }), text.english_excerpt));
  if (text.translation) {
    button.appendChild(excerpt(el("span", { class: "cde-studio-result-english", lang: "en",
      dir: "ltr" }), text.english_excerpt));
  }
  // Which page it is on: this one, if it is (a menu label is on all), else as the
  // start page's results say it.
  button.appendChild(el("span", { class: "cde-studio-result-page" }, onPage(text.id)
    ? label("on_this_page") : text.page_name ? fill("on_page", { page: text.page_name })
      : label("on_no_page")));
  button.addEventListener("click", function () {
    select(text.id, { focus: "textarea", scroll: true });
  });
  item.appendChild(button);
  return item;
}

// Fill `node` with an excerpt's [part, found] pairs, a found part as <mark>.
function excerpt(node, parts) {
  parts.forEach(function (part) {
    node.appendChild(part[1] ? el("mark", null, part[0]) : document.createTextNode(part[0]));
  });
  return node;
}
