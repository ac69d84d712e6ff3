"""The language for `/`: the one rule, applied by the app and by nginx, whose njs
function (cde/export/language.js.jinja, written into the export with this module's
`tag_patterns`) is this module's `negotiate` line for line.

1. The `lang` cookie (that exact name), when it names a language of the site.
2. Accept-Language (RFC 9110): entries separated by commas, each a tag and
   parameters after semicolons. The entry with the highest weight wins, the first
   listed among equals; the weight is `q`, from 0 to 1 with at most three decimals
   (1 when absent). An entry with q=0 or a malformed q is skipped, and so is `*`
   and any tag that `tag_patterns` sends to no language. Other parameters are
   ignored. A header over MAX_ACCEPT_LANGUAGE characters is ignored.
3. The default language.
"""
import re
from functools import lru_cache

from babel import Locale
from babel.core import get_global

# An Accept-Language header longer than this is ignored (here and in nginx): a real
# browser sends well under 200 characters, and parsing costs grow with length.
MAX_ACCEPT_LANGUAGE = 1000
# The rest of a language tag after what a pattern matched: any further subtags.
_MORE_SUBTAGS = "(?:-[a-z0-9]{1,8})*"
# RFC 9110's qvalue: "0" with up to three decimals, or "1" with up to three zeros.
QVALUE = r"0(?:\.([0-9]{0,3}))?|1(?:\.0{0,3})?"
_QVALUE = re.compile(QVALUE)
# Optional white space around list elements and parameters (RFC 9110: SP, HTAB).
_OWS = " \t"


@lru_cache(maxsize=64)
def locale_of(code: str) -> Locale:
    """The Babel locale of a language code: zh-hant -> Locale('zh', script='Hant')."""
    return Locale.parse(code, sep="-")


def _likely_script_regions(language: str, script: str) -> list[str]:
    """Territories whose speakers of `language` write in `script` (CLDR likely
    subtags): zh + Hant -> hk, mo, tw, ...; so `zh-TW` reaches a zh_Hant catalog."""
    return sorted(
        key.split("_")[1].lower()
        for key, value in get_global("likely_subtags").items()
        if re.fullmatch(f"{language}_[A-Z]{{2}}", key) and f"_{script}_" in value)


def tag_patterns(codes) -> tuple[tuple[str, str], ...]:
    """(regular expression, code) pairs: which Accept-Language tags reach which code.

    The first pattern that matches a lower-cased tag wins, most specific first:
    a territory (pt-BR), an explicit script (zh-Hant), a territory written in a
    script (zh-TW is Traditional Chinese), then the bare language with anything
    after it (es-MX, es-419 are Spanish), which goes to the plain catalog, else to
    the variant in the language's usual script, else to the first variant.
    Both the app and the generated nginx configuration use these patterns.
    """
    by_language: dict[str, list[str]] = {}
    for code in codes:
        by_language.setdefault(locale_of(code).language, []).append(code)
    patterns = []
    for language, variants in sorted(by_language.items()):
        generic = None
        usual_script = get_global("likely_subtags").get(language, "").split("_")[1:2]
        for code in sorted(variants, key=lambda c: (locale_of(c).territory is None, c)):
            locale = locale_of(code)
            script = (locale.script or "").lower()
            if locale.territory:
                written = f"(?:-{script})?" if script else "(?:-[a-z]{4})?"
                patterns.append(
                    (f"{language}{written}-{locale.territory.lower()}", code))
            elif script:
                patterns.append((f"{language}-{script}", code))
                regions = _likely_script_regions(language, locale.script)
                if regions:
                    patterns.append((f"{language}-(?:{'|'.join(regions)})", code))
            if locale.territory is None and locale.script is None:
                generic = code
        if generic is None:
            usual = [c for c in variants if [locale_of(c).script] == usual_script]
            generic = (usual or sorted(variants))[0]
        patterns.append((language, generic))
    return tuple((pattern + _MORE_SUBTAGS, code) for pattern, code in patterns)


def member_pattern(codes) -> str:
    """The list members of Accept-Language that can matter: those whose tag starts
    with a language of the site, as (tag, parameters). Any other member (another
    language, `*`, a malformed one) can change nothing, so the app and nginx scan
    past it in one pass of a regular expression rather than parsing it: the cost of
    a long header at `/` stays near that of an empty one."""
    languages = "|".join(sorted({locale_of(code).language for code in codes}))
    return rf"(?:^|,)[ \t]*((?:{languages})[a-z0-9-]*)[ \t]*((?:;[^,]*)?)(?=,|$)"


@lru_cache(maxsize=16)
def _compiled(codes: tuple[str, ...]):
    return (re.compile(member_pattern(codes), re.IGNORECASE | re.ASCII),
            [(re.compile(pattern), code) for pattern, code in tag_patterns(codes)])


def weight(parameters: list[str]) -> int | None:
    """An entry's q in thousandths (1000 when it has none); None when malformed."""
    quality = 1000
    for parameter in parameters:
        name, _, value = parameter.strip(_OWS).partition("=")
        if name.lower() == "q":
            match = _QVALUE.fullmatch(value)
            if match is None:
                return None
            quality = 1000 if value.startswith("1") else int(
                (match.group(1) or "").ljust(3, "0"))
    return quality


def negotiate(
    accept_language: str | None, cookie: str | None, codes: tuple[str, ...],
    default: str,
) -> str:
    """The language code for `/`, by the rule above, among `codes`."""
    if cookie in codes:
        return cookie
    header = accept_language or ""
    if len(header) > MAX_ACCEPT_LANGUAGE:
        header = ""
    members, patterns = _compiled(tuple(codes))
    chosen, best = default, 0
    for member in members.finditer(header):
        if best == 1000:  # nothing weighs more
            break
        quality = weight(member[2].split(";")[1:])
        # Only a higher weight can change the choice: the first among equals wins.
        if quality is None or quality <= best:
            continue
        tag = member[1].lower()
        for pattern, code in patterns:
            if pattern.fullmatch(tag):
                chosen, best = code, quality
                break
    return chosen
