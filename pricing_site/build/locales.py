"""Per-locale builds: which language a build is for, its catalog, its URLs, its alternates.

``pricing-site build`` builds the site once per language into the same output: plans.yaml's
own language at the root, each of its ``locales:`` under ``/<code>/`` (one MkDocs build each,
the same hooks, ``$PRICING_SITE_LOCALE`` naming the locale as ``$PRICING_SITE_VARIANT`` names
the A/B variation). The hooks ask this module for the build's catalog and content, its site
URL and its theme's language, and for each page its counterparts in the other languages
(hreflang, Material's language switcher, og:locale).
"""

import os
import posixpath
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from calculator.errors import Problem
from pricing_site.catalog.yaml_reader import locate, read_yaml
from pricing_site.locales import locale_block

from .root_copies import RootCopies

LOCALE_ENV = "PRICING_SITE_LOCALE"


def build_locale_code():
    """The locale this build is for: ``$PRICING_SITE_LOCALE``, else None (the file's own)."""
    return os.environ.get(LOCALE_ENV) or None


def localized(catalog, code):
    """The engine's catalog speaking locale ``code``: its formats and words
    (``pricing_site.locales``), carried in catalog.json to the live calculator; English as it
    is."""
    block = locale_block(code, catalog.currencies)
    return catalog if block is None else catalog.with_locale(block)


def site_for_build(read, variant):
    """``(catalog, content)`` of this build: its locale's texts and currency, A/B ``variant``."""
    code = build_locale_code() or read.language
    catalog, content = read.localized(code, variant)
    return localized(catalog, code), content


def locale_warnings(read):
    """The warnings of plans.yaml's locales (texts they lack, shown in English; the engine's
    messages their engine.po lacks): a build prints them and goes on."""
    return [problem for problem in read.warnings if problem.path.startswith("[locale ")] + \
        engine_warnings(read)


def engine_warnings(read):
    """A warning per locale whose engine.po leaves some of the engine's messages untranslated:
    the calculator says those in English on its pages."""
    problems = []
    for index, locale in enumerate(read.locales):
        missing = []
        try:
            locale_block(locale.code, (), missing)
        except ValueError:  # a .po the engine refuses: the build says so, naming it
            continue
        if missing:
            named = ", ".join(repr(text) for text in missing[:3]) + \
                (", ..." if len(missing) > 3 else "")
            problems.append(Problem(
                f"locales[{index}].code", f"[locale {locale.code}] {len(missing)} of the "
                f"engine's messages have no translation in pricing_site/locales/{locale.code}/"
                f"LC_MESSAGES/engine.po ({named}); the calculator says them in English",
                severity="warning"))
    return locate(problems, read.marks, read.path)


def languages(read):
    """Every language of the site, the file's own first: ``[(code, folder)]``, folder "" for
    the root and ``"<code>/"`` for a locale."""
    return [(read.language, "")] + [(locale.code, f"{locale.code}/") for locale in read.locales]


def configure(config, read):
    """Point this build's config at its language: Material's ``language``, the site URL of its
    folder (canonical links, sitemap), ``extra.site_languages`` for the page hooks (the
    languages, the root URL, the folder of the locale's own pages) and ``extra.root_copies``
    (a locale built beside the root's build takes the root's files: ``root_copies``). A
    locale's pages keep their own titles in the nav (the file's language names them in
    mkdocs.yml)."""
    code = build_locale_code()
    config.extra["root_copies"] = RootCopies.beside(config.site_dir, code)
    folders = languages(read)
    locale = next((locale for locale in read.locales if locale.code == code), None)
    config.extra["site_languages"] = {"current": code or read.language, "all": folders,
                                      "root": config.site_url or "",
                                      "pages": locale and locale.pages(read.path)}
    if len(folders) > 1:   # Material's header shows its switcher (partials/alternate.html),
        config.extra["alternate"] = True   # no list: base.html would link each as hreflang
    if code is None:
        return config
    config.theme["language"] = code
    if config.site_url:
        config.site_url = f"{config.site_url}{code}/"
    if config.nav:
        config.nav = localized_nav(config.nav, locale.nav_titles if locale else {})
    return config


def localized_nav(nav, titles):
    """mkdocs.yml's nav for a locale: each page's title left out (the page's own, in its
    language), each section's and link's in the locale's words (``titles``: its ``nav:``)
    where it has them."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                out.append({titles.get(title, title): localized_nav(value, titles)})
            elif _is_link(value):
                out.append({titles.get(title, title): value})
            else:
                out.append(value)
        else:
            out.append(item)
    return out


def _is_link(value):
    """Whether a nav entry's value is a link (another site, an absolute path), not a page."""
    return isinstance(value, str) and ("://" in value or value.startswith(("/", "mailto:")))


def _nav_titles(nav):
    """The titles of ``nav``'s sections and links, at every depth."""
    for item in nav or ():
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                yield title
                yield from _nav_titles(value)
            elif _is_link(value):
                yield title


def nav_warnings(read, nav):
    """A warning for each title a locale's ``nav:`` translates that mkdocs.yml's ``nav`` has
    no section or link of (renamed, removed, mistyped), at the locale's line: it is unused."""
    known, problems = set(_nav_titles(nav)), []
    for locale in read.locales:
        unused = [title for title in locale.nav_titles if title not in known]
        if not unused:
            continue
        file = locale.texts_file(read.path)
        marks = read_yaml(file)[1]
        for problem in locate([Problem(f"nav.{title}", f"mkdocs.yml's nav has no section or "
                                                       f"link titled '{title}': this title is "
                                                       "not used", severity="warning")
                               for title in unused], marks, str(file)):
            problem.path = f"[locale {locale.code}] {problem.path}"
            problems.append(problem)
    return problems


def alternates(page_url, languages_of_site):
    """``[{"lang", "name", "link", "href", "og"}]``: ``page_url`` (the page's URL in its own
    folder) in every language of the site: ``link`` absolute when the site has a URL (as
    hreflang wants it), ``href`` relative to the page (the switcher works on any host)."""
    current, folders, root = (languages_of_site["current"], languages_of_site["all"],
                              languages_of_site["root"])
    here = dict(folders)[current] + page_url
    return [{"lang": code, "name": language_name(code), "og": og_locale(code),
             "link": f"{root}{folder}{page_url}" if root else _relative(folder + page_url, here),
             "href": _relative(folder + page_url, here), "current": code == current}
            for code, folder in folders]


def _relative(target, here):
    """The link from the page at site path ``here`` to site path ``target`` (both folders
    ending in "/", or "" for the root)."""
    link = posixpath.relpath("/" + target, "/" + (here.rsplit("/", 1)[0] if "/" in here else ""))
    return "./" if link == "." else link + ("/" if target.endswith("/") or not target else "")


@lru_cache(maxsize=None)
def language_name(code):
    """A language in its own words, as a switcher shows it ("Deutsch", "English")."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name()
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=None)
def og_locale(code):
    """Open Graph's ``language_TERRITORY`` for a language code ("de" -> "de_DE")."""
    parts = code.replace("-", "_").split("_")
    if len(parts) > 1:
        return f"{parts[0]}_{parts[-1].upper()}"
    likely = get_global("likely_subtags").get(parts[0], "")
    territory = likely.split("_")[-1] if "_" in likely else ""
    return f"{parts[0]}_{territory}" if territory else parts[0]
