"""The site's pages and their URL slugs in every language: the one place to add a page.

A language that has a catalog but no slug here (say a newly added French) uses the
English slug, so adding a language needs no code change.
"""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Page:
    """A page of the site: endpoint, template, navigation label and slugs."""

    endpoint: str
    template: str
    nav_label: object  # a lazy string, translated when rendered
    slugs: dict = field(default_factory=dict)

    def slug(self, lang: str) -> str:
        """The page's slug in `lang`, falling back to the English one."""
        return self.slugs.get(lang, self.slugs.get(SOURCE_LANGUAGE, ""))

    def rule(self, lang: str) -> str:
        """The URL rule of the page in `lang`, e.g. /es/acerca/."""
        slug = self.slug(lang)
        return f"/{lang}/{slug}/" if slug else f"/{lang}/"


PAGES = (
    Page("home", "home.html", _l("Home"), {"en": "", "es": ""}),
    # NOTE: navigation label of the About page.
    Page("about", "about.html", _l("About"), {"en": "about", "es": "acerca"}),
    Page("contact", "contact.html", _l("Contact"), {"en": "contact", "es": "contacto"}),
)

PAGES_BY_ENDPOINT = {page.endpoint: page for page in PAGES}
