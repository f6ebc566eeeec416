"""The build's locale and the templates' own words in it.

``build_locale(config)`` is the one place a build's locale code is read. The words our
templates and page data write themselves are English msgids; a locale's translations come
from ``site_src/locales/<code>/LC_MESSAGES/site.po``, read at build time (no compiled .mo to
keep in step). A locale without one keeps the English words.
"""

import io
from functools import lru_cache

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from pricing_site.build.sources import SITE_SRC

LOCALES = SITE_SRC / "locales"
DOMAIN = "site"


def build_locale(config):
    """The build's locale code: its theme's language, which ``locales.configure`` sets to the
    locale a per-locale build is for (plans.yaml's ``site.language`` or mkdocs.yml's
    ``theme.language`` for the default one)."""
    return config.theme["language"]


def po_path(code):
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(code):
    """The templates' words in ``code`` (``babel.support.Translations``); the English msgids
    themselves (``NullTranslations``) for English and for a locale without a site.po."""
    path = po_path(code)
    if not path.is_file():
        return NullTranslations()
    return _read(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _read(path, version):
    """A site.po as Translations, compiled in memory (``version``: its mtime, so an edited
    file is read again under ``pricing-site serve``). Fuzzy entries are left out, as msgfmt
    does."""
    with path.open("rb") as po:
        catalog = read_po(po, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def install(env, code):
    """Jinja2's i18n extension on ``env`` with ``code``'s words: ``{% trans %}`` and ``_()``
    in the templates. New-style gettext: a msgid's ``%(name)s`` is filled from keyword
    arguments and each value is escaped under autoescape, as ``{{ value }}`` would be."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(code), newstyle=True)
    return env
