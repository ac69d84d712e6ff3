/* Translation studio: placeholders (%(years)s, %%) and HTML tags (<strong>) shown
   as tokens, which no line break cuts in two and no reader takes for words: a
   <code> each, whole (studio.css: nowrap), with translate="no". The same
   patterns as the checks' (cde/translator/checks.py: Babel's PYTHON_FORMAT, _TAG).
   And the English as it changed, for a text to review. */
import { el, label } from "./page.js";

// Names in any script, as Python's \w takes them (a translated %(años)s too).
var TOKEN = new RegExp(
  "%(?:\\([\\p{L}\\p{N}_]*\\))?[-#0 +]?(?:\\*|\\d+)?(?:\\.(?:\\*|\\d+))?[hlL]?" +
  "[diouxXeEfFgGcrs%]|<\\/?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?>",
  "gu"
);

// Append `text` to `parent`: plain words as text, each token as a <code>.
export function appendTokens(parent, text) {
  text = text || "";
  var at = 0;
  TOKEN.lastIndex = 0;
  var found;
  while ((found = TOKEN.exec(text)) !== null) {
    // "% d" in "100 % de" is no placeholder a translator wrote: keep it as words.
    if (/^% /.test(found[0])) {
      continue;
    }
    if (found.index > at) {
      parent.appendChild(document.createTextNode(text.slice(at, found.index)));
    }
    var token = document.createElement("code");
    token.className = "cde-studio-token";
    token.setAttribute("translate", "no");
    token.textContent = found[0];
    parent.appendChild(token);
    at = found.index + found[0].length;
  }
  if (at < text.length) {
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
  return parent;
}

// `node` emptied, then filled with `text` as tokens and words.
export function showTokens(node, text) {
  node.textContent = "";
  return appendTokens(node, text);
}

// `node` emptied, then filled with how the English changed (review.word_diff writes
// "[-removed-] {+added+}"): under a sentence that says how to read it, what was
// removed struck through (<del>), what is new underlined (<ins>), no brackets.
export function showChange(node, text) {
  node.textContent = "";
  node.appendChild(el("span", { class: "cde-studio-changed-said" }, label("changed")));
  var words = node.appendChild(el("span", { lang: "en", dir: "ltr" }));
  (text || "").split(/(\[-.*?-\]|\{\+.*?\+\})/).forEach(function (part) {
    var kind = { "[-": "del", "{+": "ins" }[part.slice(0, 2)];
    appendTokens(kind ? words.appendChild(el(kind)) : words, kind ? part.slice(2, -2) : part);
  });
}
