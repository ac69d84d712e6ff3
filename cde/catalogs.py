"""The translation catalogs: extract, update, init, compile, status and check.

Everything here goes through Babel's Python API (extract, pofile, mofile, catalog), so
the `flask translate` commands, `make` and the tests all do exactly the same thing.
Problems are reported the way compilers report them, `file:line: what is wrong:
"msgid"`, so a translator (or an editor) can jump straight to the line.
"""
from __future__ import annotations

import io
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from gettext import GNUTranslations, c2py
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, read_po, unescape, write_po

from .i18n import code_of, is_language_code
from .pages import SOURCE_LANGUAGE

PROJECT_NAME = "CdE microsite"
DOMAIN = "messages"
# Besides gettext, ngettext, pgettext and npgettext (Babel's defaults): the lazy
# variants, which cde/pages.py imports as `_l`.
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "_l": None,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
    "lazy_pgettext": ((1, "c"), 2),
    "lazy_npgettext": ((1, "c"), 2, 3),
}
# `{# NOTE: ... #}` in templates and `# NOTE: ...` in code reach translators as `#.`.
COMMENT_TAGS = ("NOTE:",)
PO_WIDTH = 76
UPDATE_HINT = 'run "make translations-update"'


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a catalog, printed as `file:line: what: "msgid"`."""

    path: str
    line: int
    what: str
    msgid: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: {self.what}"
        return where if self.msgid is None else f'{where}: "{self.msgid}"'


class UnreadableCatalog(Exception):
    """A .po file that does not parse; `problems` say where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Project:
    """Where the sources (babel.cfg, templates, code) and the catalogs are."""

    root: Path
    translations: Path

    @classmethod
    def from_config(cls, config) -> Project:
        """The project an app is configured with (PROJECT_ROOT, TRANSLATIONS_DIR)."""
        return cls(Path(config["PROJECT_ROOT"]), Path(config["TRANSLATIONS_DIR"]))

    @property
    def template(self) -> Path:
        return self.translations / f"{DOMAIN}.pot"

    def po_path(self, lang: str) -> Path:
        return self.translations / lang / "LC_MESSAGES" / f"{DOMAIN}.po"

    def mo_path(self, lang: str) -> Path:
        return self.po_path(lang).with_suffix(".mo")

    def languages(self) -> list[str]:
        """Every folder that holds a catalog, the source language first."""
        found = {po.parent.parent.name for po in self.translations.glob(
            f"*/LC_MESSAGES/{DOMAIN}.po")}
        return sorted(found, key=lambda lang: (lang != SOURCE_LANGUAGE, lang))

    def show(self, path: Path) -> str:
        """A path as the person at the terminal knows it: relative when possible."""
        for base in (self.root, Path.cwd()):
            try:
                return str(path.resolve().relative_to(base.resolve()))
            except ValueError:
                continue
        return str(path)


# --- Languages ---------------------------------------------------------------------

LANGUAGE_EXAMPLES = (
    'a language code such as "fr" (French), or a language with its script or region '
    'such as "zh_Hant" (Chinese in traditional characters) or "pt_BR" (Portuguese '
    "of Brazil)"
)


def parse_language(code: str) -> str:
    """The catalog folder for language `code`, named as Babel names the locale.

    Any spelling of the same locale is taken (zh-hant, zh-Hant -> zh_Hant; pt-br ->
    pt_BR); anything else is a ValueError saying what is wrong.
    """
    written = code.strip()
    try:
        folder = str(Locale.parse(written.replace("_", "-"), sep="-"))
    except (ValueError, UnknownLocaleError):
        raise ValueError(
            f'"{code}" is not a language code that Babel knows; use {LANGUAGE_EXAMPLES}'
        ) from None
    if not is_language_code(folder):
        raise ValueError(f'"{code}" is a variant that the site\'s addresses cannot '
                         f"name; use {LANGUAGE_EXAMPLES}")
    # Babel reads some codes as another locale (und -> en_US, zh-TW -> zh_Hant_TW):
    # say so, rather than create a folder under a name nobody typed.
    if code_of(folder) != code_of(written):
        raise ValueError(f'Babel reads "{code}" as "{folder}"; if that is the '
                         f'language you mean, use "{folder}"')
    return folder


def language_problem(project: Project, lang: str) -> Problem | None:
    """Why the site would skip this catalog folder, if it would."""
    # The same rule as the site's own discovery of languages, so check and site agree.
    if is_language_code(lang):
        return None
    try:
        fix = f'"{parse_language(lang)}"'
    except ValueError:
        fix = LANGUAGE_EXAMPLES
    return Problem(
        project.show(project.po_path(lang)), 1,
        f'the folder name "{lang}" is not a language code as Babel writes it, so the '
        f"site ignores this catalog; rename the folder to {fix}",
    )


# Babel's table swaps Arabic's forms 4 and 5 (python-babel/babel#816), yet msgstr[]
# follow CLDR's order (zero, one, two, few, many, other): msgstr[4] is "many" (n%100
# in 11..99: 11, 50), msgstr[5] is "other" (100, 101, 102).
_ARABIC_PLURAL_FORMS = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);")
# Plural rules look at n, n%10 and n%100: these numbers tell any two rules apart.
_PLURAL_SAMPLES = range(1000)


def plural_forms(lang: str) -> str:
    """The Plural-Forms header of a catalog in `lang`: CLDR's rules, from Babel."""
    if Locale.parse(lang).language == "ar":
        return _ARABIC_PLURAL_FORMS
    return get_plural(lang).plural_forms


def _forms_by_number(catalog: Catalog) -> tuple | None:
    """How many forms a catalog declares and which one each sample number gets."""
    try:
        rule = c2py(catalog.plural_expr)
        return catalog.num_plurals, [rule(n) for n in _PLURAL_SAMPLES]
    except (ValueError, ArithmeticError):  # not an expression gettext can run
        return None


def plural_forms_problem(
    project: Project, lang: str, catalog: Catalog
) -> Problem | None:
    """A Plural-Forms header that is missing or does not follow CLDR's rules."""
    shown = project.show(project.po_path(lang))
    lines = project.po_path(lang).read_text(encoding="utf-8").splitlines()
    paste = f'"Plural-Forms: {plural_forms(lang)}\\n"'
    # Babel fills in its own rule when the header is missing, so look at the text.
    line = next((n for n, text in enumerate(lines, 1) if "Plural-Forms:" in text), 0)
    if not line:
        top = next((n for n, text in enumerate(lines, 1) if text == 'msgid ""'), 1)
        return Problem(shown, top, "the Plural-Forms header is missing; add this "
                       f'line under the msgstr "" at the top of the file: {paste}')
    expected = Catalog(locale=lang)
    expected.mime_headers = [("Plural-Forms", plural_forms(lang))]
    if _forms_by_number(catalog) == _forms_by_number(expected):
        return None
    name = Locale.parse(lang).get_display_name("en")
    return Problem(shown, line, "the Plural-Forms header does not follow the plural "
                   f"rules of {name}; replace it with this line: {paste}")


def open_catalogs(project: Project):
    """Every catalog folder as (lang, catalog, problems), in language order.

    `catalog` is None, and `problems` says why, when the folder is not a language
    code the site uses or its .po does not parse; the commands report those and go
    on with the other languages.
    """
    for lang in project.languages():
        problem = language_problem(project, lang)
        if problem:
            yield lang, None, [problem]
            continue
        try:
            catalog = load_catalog(project, lang)
        except UnreadableCatalog as exc:
            yield lang, None, exc.problems
            continue
        yield lang, catalog, []

# --- Placeholders and markup ---------------------------------------------------------

# A %-conversion as Python reads it (so "50 % de" is "% d", as it is at run time).
_PERCENT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?"
    r"(?P<type>[diouxXeEfFgGcrsa%])?"
)
_BRACE = re.compile(r"\{[A-Za-z_0-9]*(?:\.[A-Za-z_]\w*)*(?:![rsa])?(?::[^{}]*)?\}")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)>")
_ATTRIBUTE = re.compile(
    r"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")


def placeholders(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Named placeholders (as a set) and positional ones (in order) in `text`."""
    named, positional = set(), []
    for match in _PERCENT.finditer(text):
        token = match.group(0)
        if token == "%%":
            continue
        if match.group("name") is not None:
            named.add(token)
        else:
            positional.append(token)
    without_escapes = text.replace("{{", "").replace("}}", "")
    for match in _BRACE.finditer(without_escapes):
        if match.group(0)[1:2].isdigit() or match.group(0) == "{}":
            positional.append(match.group(0))
        else:
            named.add(match.group(0))
    return frozenset(named), tuple(positional)


def tags(text: str) -> Counter:
    """HTML tags in `text` (name and attribute names), plus stray < and > signs."""
    found = Counter()
    for closing, name, attributes in _TAG.findall(text):
        names = sorted(a.lower() for a in _ATTRIBUTE.findall(attributes.rstrip("/")))
        found[f"<{closing}{name.lower()}{''.join(' ' + a for a in names)}>"] += 1
    stray = _TAG.sub("", text)
    for sign in "<>":
        if stray.count(sign):
            found[sign] += stray.count(sign)
    return found


def _listing(items) -> str:
    return ", ".join(sorted(items))


def placeholder_problem(source: str, translation: str) -> str | None:
    """What differs between the placeholders of `source` and `translation`."""
    (src_named, src_pos), (dst_named, dst_pos) = (
        placeholders(source), placeholders(translation))
    if src_named == dst_named and src_pos == dst_pos:
        return None
    details = []
    if src_named - dst_named:
        details.append(f"{_listing(src_named - dst_named)} missing")
    if dst_named - src_named:
        details.append(f"{_listing(dst_named - src_named)} not in the original")
    if src_pos != dst_pos:
        details.append(
            f"original has {' '.join(src_pos) or 'none'} in this order, "
            f"translation has {' '.join(dst_pos) or 'none'}"
        )
    return (
        f"placeholders differ from the original ({'; '.join(details)}); copy every "
        "placeholder exactly as it is in the msgid"
    )


def markup_problem(source: str, translation: str) -> str | None:
    """What differs between the HTML tags of `source` and `translation`."""
    src, dst = tags(source), tags(translation)
    if src == dst:
        return None
    details = []
    if src - dst:
        details.append(f"{_listing((src - dst).elements())} missing")
    if dst - src:
        details.append(f"{_listing((dst - src).elements())} not in the original")
    return (
        f"HTML tags differ from the original ({'; '.join(details)}); keep every tag "
        "of the msgid, complete with its < and >"
    )


def render_problem(
    source: str, translation: str, check_placeholders: bool = True
) -> str | None:
    """Why `translation` cannot stand in for `source` on a page, or None."""
    return (check_placeholders and placeholder_problem(source, translation)) or (
        markup_problem(source, translation))


# --- Reading a .po file strictly -----------------------------------------------------

_KEYWORD = re.compile(
    r"^(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)(?:\s+|$)(.*)$")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_ESCAPE = re.compile(r"\\(.)")


def _string_error(token: str) -> str | None:
    """What is wrong with a "quoted" string token of a .po file, if anything."""
    if not token:
        return 'the text in double quotes is missing (write "" for an empty text)'
    if not token.startswith('"'):
        return 'the text must start with a double quote (")'
    match = _QUOTED.match(token)
    if match is None:
        return 'the closing double quote (") is missing at the end of the line'
    if token[match.end():].strip():
        return 'a double quote inside the text must be written \\" (backslash, quote)'
    for escape in _ESCAPE.findall(token[1:-1]):
        if escape not in '\\"ntr':
            return f"\\{escape} is not a known escape; write \\\\ for a backslash"
    return None


def syntax_problems(lines: list[str], shown: str) -> list[Problem]:
    """The mistakes that make a .po file unreadable, as gettext's msgfmt sees them.

    Babel's own parser forgives a missing closing quote or a duplicate entry
    silently, so a typo could change or drop a translation without anyone noticing.
    """
    problems: list[Problem] = []
    seen: dict[tuple, int] = {}
    state = None  # the last keyword read in the current entry
    entry: dict = {}

    def fail(line: int, what: str) -> None:
        problems.append(Problem(shown, line, f"cannot be read: {what}"))

    def finish() -> None:
        nonlocal state
        if state in ("msgctxt", "msgid", "msgid_plural"):
            fail(entry["line"], "this msgid has no msgstr after it")
        elif state == "msgstr" and not entry.get("obsolete"):
            key = (entry.get("msgctxt"), entry.get("msgid", ""))
            if key in seen:
                fail(entry["line"], f"the same msgid is already at line {seen[key]}; "
                     "keep only one of them")
            else:
                seen[key] = entry["line"]
        state = None
        entry.clear()

    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        obsolete = text.startswith("#~")
        if obsolete:
            text = text[2:].strip()
        elif text.startswith("#"):
            finish()
            continue
        if not text or (obsolete and text.startswith(("|", "#"))):
            continue
        keyword = _KEYWORD.match(text)
        if keyword:
            name, token = keyword.groups()
            kind = "msgstr" if name.startswith("msgstr") else name
            if kind == "msgctxt" or (kind == "msgid" and state != "msgctxt"):
                finish()
                entry.update(obsolete=obsolete, line=number)
            elif kind == "msgid_plural" and state != "msgid":
                fail(number, "msgid_plural must come right after a msgid")
            elif kind == "msgstr" and state not in ("msgid", "msgid_plural", "msgstr"):
                fail(number, f"{name} has no msgid before it")
                kind = "orphan"
            elif kind == "msgstr" and state == "msgstr" and (
                name == "msgstr" or entry.get("plain")
            ):
                fail(number, "a second msgstr for the same msgid")
            if kind == "msgid":
                entry["line"] = number
            if kind == "msgstr":
                entry["plain"] = name == "msgstr"
            state = kind
        elif text.startswith('"'):
            if state is None:
                fail(number, "a quoted text line must follow a msgid or msgstr line")
                continue
            token = text
        else:
            fail(number, f'"{text.split()[0]}" is not a .po keyword (msgid, msgstr, '
                 "msgctxt), nor a comment starting with #")
            state = "orphan"  # one mistake, one message: not also "no msgstr"
            continue
        error = _string_error(token)
        if error:
            fail(number, error)
        elif state in ("msgctxt", "msgid"):
            entry[state] = entry.get(state, "") + unescape(token)
    finish()
    return problems


def _drop_previous_ids(catalog: Catalog) -> None:
    """Drop `#| msgid` lines (from msgmerge or an editor): Babel would read them as
    comments and write them back mangled, as "# | msgid"."""
    for message in catalog:
        message.user_comments = [
            c for c in message.user_comments if not c.startswith("|")]


def load_catalog(
    project: Project, lang: str | None, path: Path | None = None
) -> Catalog:
    """Read a catalog strictly; UnreadableCatalog says file, line and what is wrong."""
    path = path or project.po_path(lang)
    shown = project.show(path)
    data = path.read_bytes()
    lines = []
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise UnreadableCatalog([Problem(
                shown, number,
                "cannot be read: this line is not UTF-8 text; save the file as UTF-8")])
    problems = syntax_problems(lines, shown)
    if problems:
        raise UnreadableCatalog(problems)
    try:
        catalog = read_po(io.StringIO("\n".join(lines)), locale=lang, domain=DOMAIN,
                          abort_invalid=True)
    except PoFileError as exc:
        raise UnreadableCatalog([Problem(
            shown, exc.lineno + 1, f"cannot be read: {str(exc).rsplit(' on ', 1)[0]}")])
    except (ValueError, UnknownLocaleError) as exc:
        raise UnreadableCatalog([Problem(shown, 1, f"cannot be read: {exc}")])
    _drop_previous_ids(catalog)
    return catalog


# --- Extract and write ------------------------------------------------------------

def extract(project: Project) -> Catalog:
    """A fresh template: every string of the templates and code that babel.cfg names."""
    cfg = project.root / "babel.cfg"
    with cfg.open(encoding="utf-8") as fileobj:
        method_map, options_map = parse_mapping_cfg(fileobj, str(cfg))
    template = Catalog(project=PROJECT_NAME, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        project.root, method_map, options_map, keywords=KEYWORDS,
        # Jinja's extractor drops the "NOTE:" tag itself; the Python one is told to.
        comment_tags=COMMENT_TAGS, strip_comment_tags=True,
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments,
                     context=context)
    return template


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    # Locations (file:line) stay, sorted by file, so translators see where a text is
    # used. No `#| msgid` lines: Babel cannot read back the ones it writes.
    write_po(buffer, catalog, width=PO_WIDTH, sort_by_file=True)
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` in one step, so a running site never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_template(project: Project, template: Catalog) -> bool:
    """Write messages.pot; only when a message changed, so git shows no date churn."""
    if project.template.exists():
        try:
            old = read_po(project.template.open("rb"))
        except Exception:  # an unreadable template is simply replaced
            old = None
        if old is not None:
            now = template.creation_date
            template.creation_date = old.creation_date
            if _po_bytes(template) == project.template.read_bytes():
                return False
            template.creation_date = now
    _write_atomically(project.template, _po_bytes(template))
    return True


def _key(message: Message) -> tuple:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (message.context, msgid)


def _shown_id(message: Message) -> str:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    if message.context is None:
        return msgid
    return f'{msgid}" (context: {message.context}'


def _forms(message: Message) -> list[str]:
    strings = message.string
    return list(strings) if isinstance(strings, tuple) else [strings]


def is_translated(message: Message) -> bool:
    return all(_forms(message))


def message_problems(message: Message, lang: str, shown: str) -> list[Problem]:
    """What is wrong with one entry of a catalog (not counting missing entries)."""
    problems = []
    msgid = _shown_id(message)
    if lang != SOURCE_LANGUAGE:
        if not is_translated(message):
            problems.append(Problem(
                shown, message.lineno, "not translated yet: write the translation "
                "between the quotes of msgstr", msgid))
        if message.fuzzy:
            problems.append(Problem(
                shown, message.lineno, 'marked fuzzy (the original changed): check the '
                'translation, then remove "fuzzy" from the "#," line above', msgid))
    if isinstance(message.id, str):
        reasons = [render_problem(message.id, form) for form in filter(
            None, _forms(message))]
    else:
        reasons = [_plural_form_problem(message.id, form) for form in filter(
            None, _forms(message))]
    problems.extend(Problem(shown, message.lineno, reason, msgid)
                    for reason in dict.fromkeys(reasons) if reason)
    return problems


def _plural_form_problem(sources: tuple[str, ...], form: str) -> str | None:
    """A plural form may leave a placeholder out ("un informe"), never add one."""
    allowed = frozenset().union(*(placeholders(source)[0] for source in sources))
    unknown = placeholders(form)[0] - allowed
    if unknown:
        return (
            f"placeholders differ from the original ({_listing(unknown)} not in the "
            "original); copy every placeholder exactly as it is in the msgid"
        )
    return markup_problem(sources[-1], form)


# --- The commands' work -----------------------------------------------------------

@dataclass
class UpdateResult:
    """What `update` did to one catalog."""

    lang: str
    path: str
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    written: bool = False
    problems: list[Problem] = field(default_factory=list)


def update(project: Project) -> tuple[Catalog, list[UpdateResult]]:
    """Extract, then merge the template into every catalog without losing anything.

    New texts arrive untranslated; texts that changed keep their old translation,
    marked fuzzy for review. A catalog that does not parse is left untouched and
    reported.
    """
    template = extract(project)
    write_template(project, template)
    wanted = {_key(m) for m in template if m.id}
    results = []
    for lang, catalog, problems in open_catalogs(project):
        path = project.po_path(lang)
        result = UpdateResult(lang, project.show(path), problems=problems)
        results.append(result)
        if catalog is None:
            continue
        before = {_key(m) for m in catalog if m.id}
        catalog.update(template, update_header_comment=False)
        for message in catalog:
            if message.id and _key(message) not in before:
                kind = result.changed if message.fuzzy else result.new
                kind.append(_shown_id(message))
        result.retired = [_shown_id(m) for m in catalog.obsolete.values()
                          if _key(m) in before - wanted]
        data = _po_bytes(catalog)
        if data != path.read_bytes():
            _write_atomically(path, data)
            result.written = True
    return template, results


def init(project: Project, code: str) -> tuple[Path, int]:
    """Start a catalog for a new language from a fresh extraction.

    Raises ValueError when the code is not a language or the catalog exists.
    """
    lang = parse_language(code)
    path = project.po_path(lang)
    if path.exists():
        raise ValueError(f"{project.show(path)} already exists; run "
                         '"make translations-update" to bring it up to date')
    template = extract(project)
    write_template(project, template)
    # As pybabel init does: the template read back as a catalog of the new locale.
    catalog = read_po(io.BytesIO(_po_bytes(template)), locale=lang, domain=DOMAIN)
    catalog.locale = Locale.parse(lang)
    catalog.mime_headers = [("Plural-Forms", plural_forms(lang))]
    catalog.revision_date = datetime.now(timezone.utc)
    catalog.fuzzy = False
    _write_atomically(path, _po_bytes(catalog))
    return path, sum(1 for m in catalog if m.id)


@dataclass
class CompileResult:
    """What `compile` did with one catalog."""

    lang: str
    path: str
    translated: int = 0
    total: int = 0
    left_out: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)


def compile_catalogs(project: Project) -> list[CompileResult]:
    """Turn every .po into the .mo the site reads, never a broken one.

    A .po that does not parse leaves the previous .mo in place; an entry the site
    could not render (placeholders or tags that differ) is left out, so visitors
    see the original text for it. The .mo replaces the old one in a single step.
    """
    results = []
    for lang, catalog, problems in open_catalogs(project):
        result = CompileResult(
            lang, project.show(project.mo_path(lang)), errors=problems
        )
        results.append(result)
        if catalog is None:
            continue
        shown = project.show(project.po_path(lang))
        for message in list(catalog):
            if not message.id:
                continue
            result.total += 1
            if not is_translated(message) or message.fuzzy:
                continue
            problems = [p for p in message_problems(message, SOURCE_LANGUAGE, shown)]
            if problems:
                result.left_out.extend(problems)
                catalog.delete(message.id, message.context)
            else:
                result.translated += 1
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        GNUTranslations(io.BytesIO(buffer.getvalue()))  # proves gettext can read it
        mo = project.mo_path(lang)
        # Unchanged files are left alone: `make run` restarts on every .mo change.
        if not mo.exists() or mo.read_bytes() != buffer.getvalue():
            _write_atomically(mo, buffer.getvalue())
    return results


@dataclass
class LanguageStatus:
    """How far a language's catalog is: counts of each kind of entry."""

    lang: str
    name: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    missing: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated + self.missing

    @property
    def percent(self) -> int:
        return int(100 * self.translated / self.total) if self.total else 100


def status(project: Project) -> list[LanguageStatus]:
    """For every language: translated, needing review (fuzzy), not translated."""
    wanted = {_key(m) for m in extract(project) if m.id}
    report = []
    for lang in project.languages():
        try:
            name = Locale.parse(lang).get_display_name("en") or lang
        except (ValueError, UnknownLocaleError):
            name = lang
        entry = LanguageStatus(lang, name)
        report.append(entry)
        problem = language_problem(project, lang)
        if problem:
            entry.problems = [problem]
            continue
        try:
            catalog = load_catalog(project, lang)
        except (UnreadableCatalog, UnknownLocaleError, ValueError) as exc:
            entry.problems = getattr(exc, "problems", [])
            continue
        have = set()
        for message in catalog:
            if not message.id or _key(message) not in wanted:
                continue
            have.add(_key(message))
            if message.fuzzy:
                entry.fuzzy += 1
            elif is_translated(message):
                entry.translated += 1
            else:
                entry.untranslated += 1
        entry.missing = len(wanted - have)
    return report


def check(project: Project) -> list[Problem]:
    """Every problem of every catalog against a fresh extraction, in file order.

    Plural-Forms headers are checked against CLDR's rules for the catalog's language.
    Missing texts are reported at line 1 of the catalog (they are not in it yet),
    with the place in the templates or code where they appear.
    """
    template = extract(project)
    wanted = {_key(m): m for m in template if m.id}
    problems = []
    for lang, catalog, unreadable in open_catalogs(project):
        shown = project.show(project.po_path(lang))
        problems.extend(unreadable)
        if catalog is None:
            continue
        if header := plural_forms_problem(project, lang, catalog):
            problems.append(header)
        have = {_key(m): m for m in catalog if m.id}
        for key, message in wanted.items():
            if key not in have:
                where = ", ".join(f"{f}:{n}" for f, n in message.locations[:3])
                problems.append(Problem(
                    shown, 1,
                    f"missing from this catalog (the text is new, at {where}); "
                    f"{UPDATE_HINT}", _shown_id(message)))
        for key, message in have.items():
            if key not in wanted:
                problems.append(Problem(
                    shown, message.lineno, "no longer used by any page; "
                    f"{UPDATE_HINT}", _shown_id(message)))
            else:
                problems.extend(message_problems(message, lang, shown))
    return sorted(problems, key=lambda p: (p.path, p.line))
