/* Translation studio: what the panel says of a text's problems, each in one short
   sentence with a button for the fix where there is one (the official name, a
   missing placeholder); the warning before saving a text much longer than the
   English where space is short; and the text a translator typed when the file
   changed meanwhile, kept beside the file's version to merge the two. */
import { KEPT_KEY, el, fill, label, recall, remember } from "./page.js";
import { appendTokens } from "./tokens.js";
import { fit, ui } from "./panel.js";

// Every problem of the text, or of what was just refused; the section is hidden
// when there is none (no "None" to contradict a refusal above it).
export function showProblems(problems) {
  ui.problemsList.textContent = "";
  (problems || []).forEach(function (problem) {
    var item = el("li", { class: "cde-studio-problem-item" });
    item.appendChild(appendTokens(el("span", null), problem.said));
    if (problem.fix) {
      var button = el("button", { type: "button", class: "cde-studio-fix" });
      appendTokens(button, problem.fix.label);
      button.addEventListener("click", function () {
        applyFix(problem.fix, item);
      });
      item.appendChild(document.createTextNode(" "));
      item.appendChild(button);
    }
    ui.problemsList.appendChild(item);
  });
  ui.problemsSection.hidden = !ui.problemsList.children.length;
}

// The fix in the text box: `replace` with `write` where the translation has it,
// else `write` inserted where the English has it (fix.at) or at the cursor, and
// selected, so the translator sees where it went and can move it.
function applyFix(fix, item) {
  var box = ui.textarea;
  var value = box.value;
  var at = fix.replace ? value.indexOf(fix.replace) : -1;
  var placed = at < 0 && typeof fix.at === "number";
  var start = at >= 0 ? at : placed ? Math.min(fix.at, value.length) : box.selectionStart;
  var end = at >= 0 ? at + fix.replace.length : placed ? start : box.selectionEnd;
  // Inserted between words, with a space on each side that needs one.
  var before = placed && start > 0 && !/\s/.test(value[start - 1]) ? " " : "";
  var after = placed && /\w/.test(value[end] || "") ? " " : "";
  box.value = value.slice(0, start) + before + fix.write + after + value.slice(end);
  item.remove();
  ui.problemsSection.hidden = !ui.problemsList.children.length;
  fit();
  box.focus();
  start += before.length;
  box.setSelectionRange(placed ? start : start + fix.write.length, start + fix.write.length);
  ui.status.classList.remove("cde-studio-problem", "cde-studio-saved", "cde-studio-warning");
  ui.status.textContent = label(placed ? "placed" : "fixed");
}

// Whether to warn instead of saving: the first Save of a text much longer than
// the English, where space is short; the second saves it as it is.
var warned = null;
export function tooLong(entry, typed) {
  var short = entry && entry.short;
  if (!short || typed.length <= short.limit || warned === typed) {
    return false;
  }
  warned = typed;
  ui.status.classList.remove("cde-studio-saved", "cde-studio-problem");
  ui.status.classList.add("cde-studio-warning");
  recount(entry, typed);
  return true;
}

// A warning shown follows the text as it is edited: the count of what is typed,
// until it fits, when the warning goes.
export function recount(entry, typed) {
  if (!entry || !ui.status.classList.contains("cde-studio-warning")) {
    return;
  }
  var fits = typed.length <= entry.short.limit;
  // Still too long: the next Save saves it as it is, as the warning says.
  warned = fits ? null : typed;
  ui.status.classList.toggle("cde-studio-warning", !fits);
  ui.status.textContent = fits ? "" : fill("long", {
    typed: typed.length, english: (entry.english || "").length, where: entry.short.where,
    limit: entry.short.limit
  });
}

/* ---- A text kept after a conflict ------------------------------------------- */

// Of two versions' words, those that are not in the other (outside their longest
// common sequence), by index: {mine: Set, theirs: Set}.
function differing(mine, theirs) {
  var a = mine.split(/\s+/).filter(Boolean);
  var b = theirs.split(/\s+/).filter(Boolean);
  var length = a.map(function () { return new Array(b.length + 1).fill(0); });
  length.push(new Array(b.length + 1).fill(0));
  for (var i = a.length - 1; i >= 0; i--) {
    for (var j = b.length - 1; j >= 0; j--) {
      length[i][j] = a[i] === b[j] ? length[i + 1][j + 1] + 1
        : Math.max(length[i + 1][j], length[i][j + 1]);
    }
  }
  var found = { mine: new Set(a.keys()), theirs: new Set(b.keys()) };
  for (i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      found.mine.delete(i++);
      found.theirs.delete(j++);
    } else if (length[i + 1][j] >= length[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return found;
}

// A version's words, those in `marked` (by index) as <mark>, tokens as tokens.
function showVersion(node, text, marked) {
  node.textContent = "";
  var n = 0;
  text.split(/(\s+)/).forEach(function (part) {
    if (!part || /^\s+$/.test(part)) {
      node.appendChild(document.createTextNode(part));
      return;
    }
    appendTokens(marked.has(n++) ? node.appendChild(el("mark")) : node, part);
  });
}

function kept() {
  try {
    return JSON.parse(recall(KEPT_KEY) || "null");
  } catch (error) {
    return null;
  }
}

// Keep what the translator typed for `id`, to show it after the reload.
export function keep(id, typed) {
  remember(KEPT_KEY, JSON.stringify({ id: id, typed: typed }));
}

export function forget(id) {
  var text = kept();
  if (text && text.id === id) {
    remember(KEPT_KEY, null);
  }
}

// The kept text of `id`, if any, under the text box, with what to do with it.
export function showKept(id) {
  var text = kept();
  ui.kept.hidden = !(text && text.id === id);
  if (ui.kept.hidden) {
    return false;
  }
  var versions = { mine: text.typed, theirs: ui.textarea.value };  // the box: the file's
  var differ = differing(versions.mine, versions.theirs);
  Object.keys(versions).forEach(function (which) {
    showVersion(ui[which + "Text"], versions[which], differ[which]);
    ui[which + "Use"].onclick = function () {
      ui.textarea.value = versions[which];
      fit();
      ui.textarea.focus({ preventScroll: true });
      ui.textarea.scrollIntoView({ block: "nearest" });
      ui.status.classList.remove("cde-studio-problem", "cde-studio-saved", "cde-studio-warning");
      ui.status.textContent = label("put");
    };
  });
  return true;
}
