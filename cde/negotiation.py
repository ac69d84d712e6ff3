"""The language for `/`: the one rule, applied by the app and by the generated nginx
configuration (cde/webserver.py writes `tag_patterns` into it, at every q-value).

1. The `lang` cookie (that exact name), when it names a language of the site.
2. Accept-Language: the entries by q-value, highest first, the first listed among
   equals; q is a number from 0 to 1 with at most three decimals (RFC 9110), other
   parameters are ignored, an entry with q=0 or a malformed q is skipped, and so is
   `*`. The first entry that `tag_patterns` sends to a language wins. A header over
   MAX_ACCEPT_LANGUAGE characters is ignored.
3. The default language.
"""
import re
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

# An Accept-Language header longer than this is ignored (here and in nginx): a real
# browser sends well under 200 characters, and parsing costs grow with length.
MAX_ACCEPT_LANGUAGE = 1000
# The rest of a language tag after what a pattern matched: any further subtags.
_MORE_SUBTAGS = "(?:-[a-z0-9]{1,8})*"


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


@lru_cache(maxsize=16)
def _compiled(codes: tuple[str, ...]):
    return [(re.compile(pattern), code) for pattern, code in tag_patterns(codes)]


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
    # Werkzeug parses the header, but accepts q-values with more than three decimals
    # and sorts `*` last whatever its q: keep RFC 9110's q, and skip `*` ourselves.
    for value, quality in parse_accept_header(header, LanguageAccept):
        tag = value.split(";", 1)[0].strip().lower()
        if quality <= 0 or round(quality, 3) != quality or tag == "*":
            continue
        for pattern, code in _compiled(codes):
            if pattern.fullmatch(tag):
                return code
    return default
