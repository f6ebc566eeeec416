"""Locales: the site in other languages, from per-locale text overlays of plans.yaml.

``locales:`` lists the site's other languages; plans.yaml itself is the default one (its
``site.language``, English unless it says otherwise), built at the site's root, each locale
under ``/<code>/``. A locale's ``texts`` file holds only texts (``texts.is_text``): the
``site:`` texts, the plans', metrics', add-ons' and promotions' words, and, under
``variants.<key>``, the words of an A/B variation's patch, and under ``nav:`` the titles of
mkdocs.yml's nav sections and links in its language. It is merged over plans.yaml with
the variants' own merge (``variants._merge``: plans by id, and here lists item by item, as a
translation follows the English list), so prices are the file's, shared by every language.

A field that is no text (a price, a limit, a link, a setting) or that plans.yaml does not
have is an error at the overlay's line; a text the overlay lacks shows the English one, with a
warning naming the locale and the field at plans.yaml's line. A locale's ``currency`` (a price
book of the catalog, or its own) is the one its pages show first. Shape: docs/catalog.md.
"""

import re
from dataclasses import dataclass, replace
from pathlib import Path

from calculator.errors import Problem
from calculator.values import text_hint

from .content import split
from .document import check_document
from .texts import is_optional, is_text, leaves, text_paths
from .variants import CONTROL, _locate, _merge, variant_documents
from .yaml_reader import locate, read_yaml

DEFAULT_LANGUAGE = "en"
OVERLAY_KEYS = ("site", "plans", "metrics", "addons", "promotions", "variants", "nav")
# read apart, not merged over plans.yaml: the variations' words (over their patch) and the
# titles of mkdocs.yml's nav (the build's)
APART = ("variants", "nav")
_MISSING = object()
_PLAN_ID = re.compile(r"plans\[\d+\]\.id")


@dataclass(frozen=True)
class Locale:
    """One language of the site besides the default: its ``code`` (Material's language name,
    also its folder), the ``currency`` its pages show first (None: the catalog's own), its
    texts as read (``texts``: the overlay's path as written, ``data``: its document), and its
    own markdown pages (``pages``)."""

    code: str
    currency: str | None
    texts: str
    data: dict

    def pages(self, catalog_file):
        """The folder of its markdown pages: its texts file's path without ``.yaml``
        (locales/de.yaml: locales/de/), beside plans.yaml at ``catalog_file``."""
        return Path(catalog_file).parent / Path(self.texts).with_suffix("")

    def texts_file(self, catalog_file):
        """Its texts file, beside plans.yaml at ``catalog_file``."""
        return _overlay_path(catalog_file, self.texts)

    @property
    def nav_titles(self):
        """``{title in mkdocs.yml's nav: title in this language}`` of the nav's sections and
        links (its pages are titled by their own front matter): the texts' ``nav:``."""
        titles = self.data.get("nav")
        return dict(titles) if isinstance(titles, dict) else {}


def default_language(data):
    """The language plans.yaml itself is written in: ``site.language``, else English."""
    site = data.get("site") if isinstance(data, dict) else None
    language = site.get("language") if isinstance(site, dict) else None
    return language if isinstance(language, str) else DEFAULT_LANGUAGE


def localized_document(data, locale, variant=None):
    """The whole document of ``locale`` (A/B ``variant`` of it: None for control): plans.yaml
    with the locale's texts over it, then the variation's patch, then the locale's words for
    that patch. So a text the locale lacks is the English one of the same variation."""
    return _layers(data, locale, variant)[0]


def _layers(data, locale, variant):
    """``(document, origin of the locale's texts, origin of the variation's patch, origin of
    the locale's words for it, merge problems)``."""
    control = variant_documents(data)[CONTROL]
    texts = {k: v for k, v in locale.data.items() if k not in APART}
    origin, patch_origin, words_origin, problems = {}, {}, {}, []
    document = _merge(control, texts, "", "", origin, problems, by_index=True)
    where, patch = _variation_patch(data, variant)
    if patch:
        document = _merge(document, patch, "", where, patch_origin, problems)
        words = (locale.data.get("variants") or {}).get(variant) or {}
        document = _merge(document, words, "", f"variants.{variant}", words_origin, problems,
                          by_index=True)
    return document, origin, patch_origin, words_origin, problems


def _variation_patch(data, variant):
    """``(its path in plans.yaml, patch)`` of ``variant``; ``(None, None)`` for control."""
    if variant in (None, CONTROL):
        return None, None
    section = data.get("variants") or {}
    return next(((f"variants.variations[{index}].patch", v.get("patch"))
                 for index, v in enumerate(section.get("variations") or ())
                 if isinstance(v, dict) and v.get("key") == variant), (None, None))


def in_currency(catalog, currency):
    """``catalog`` with ``currency`` (one of its price books) as its own: the same prices,
    that book first, the catalog's own currency a book of it."""
    if currency is None or currency == catalog.currency:
        return catalog
    book = catalog.book(currency)
    books = {code: replace(other, price_books={}) for code, other in catalog.price_books.items()
             if code != currency}
    return replace(book, price_books={catalog.currency: replace(catalog, price_books={}), **books})


def read_locales(data, marks, file, roots=None, texts=True):
    """``(locales, errors, warnings)`` for the ``locales:`` section of ``data`` (plans.yaml at
    ``file``, its fields at ``marks``): each locale read and checked, with ``roots`` its site
    content too; errors at the overlay's line (or plans.yaml's for the section itself),
    warnings for the texts a locale lacks at plans.yaml's line. ``texts`` False checks the
    section alone: while plans.yaml has errors of its own, what a locale says of its fields
    would only repeat them."""
    section = data.get("locales") if isinstance(data, dict) else None
    if not isinstance(section, list):
        return (), [], []
    locales, errors, warnings = [], [], []
    for index, entry in enumerate(section):
        locale, overlay_marks, problems = _read_entry(data, section, index, entry, file)
        errors += locate(problems, marks, file)
        if locale is None or not texts:
            continue
        found, missing = _overlay_problems(data, locale, overlay_marks,
                                           str(_overlay_path(file, locale.texts)), marks, file,
                                           roots)
        errors += found
        warnings += missing
        locales.append(locale)
    return tuple(locales), errors, warnings



def _overlay_path(file, texts):
    return Path(file).parent / texts


def locale_sources(data, file):
    """``[(texts file, pages folder)]`` of each locale plans.yaml's document ``data`` (at
    ``file``) lists well enough to find them, whether they read or not: what the catalog read
    besides plans.yaml, and what a live preview watches."""
    section = data.get("locales") if isinstance(data, dict) else None
    return [(texts, texts.with_suffix("")) for texts in
            (_overlay_path(file, entry["texts"]) for entry in
             (section if isinstance(section, list) else []) if _names_its_texts(entry))]


def _names_its_texts(entry):
    return isinstance(entry, dict) and isinstance(entry.get("code"), str) \
        and isinstance(entry.get("texts"), str) and not Path(entry["texts"]).is_absolute() \
        and ".." not in Path(entry["texts"]).parts


def _read_entry(data, section, index, entry, file):
    """``(Locale or None, its file's field positions, unlocated problems)`` of
    ``locales[index]``."""
    where = f"locales[{index}]"
    if not _names_its_texts(entry):
        return None, {}, []   # the schema names what is missing or refused
    code, problems = entry["code"], []
    if code == default_language(data):
        problems.append(Problem(f"{where}.code", f"'{code}' is the language of plans.yaml "
                                                 "itself (site.language); a locale is another one"))
    if code in [e.get("code") for e in section[:index] if isinstance(e, dict)]:
        problems.append(Problem(f"{where}.code", f"the locale '{code}' is listed twice"))
    if code in _variations(data):
        problems.append(Problem(f"{where}.code", f"'{code}' is also a variation's key: build "
                                                 f"--all-variants writes both to dist/{code}/"))
    currency = entry.get("currency")
    known = split(data)[1].currencies
    if currency is not None and known and currency not in known:
        problems.append(Problem(f"{where}.currency", f"the catalog has no prices in {currency} "
                                                     f"(it has {', '.join(known)}): add a "
                                                     f"price book for it under price_books"))
    overlay, overlay_marks, read_problems = _read_overlay(_overlay_path(file, entry["texts"]),
                                                          where)
    problems += read_problems
    if problems or overlay is None:
        return None, {}, problems
    return Locale(code, currency, entry["texts"], overlay), overlay_marks, []


def _read_overlay(path, where):
    """``(document, field positions, problems)`` of an overlay file; its own syntax problems
    carry its name."""
    if not path.is_file():
        return None, {}, [Problem(f"{where}.texts", f"there is no file {path}")]
    overlay, marks, problems = read_yaml(path)
    if problems:
        return None, {}, locate(problems, marks, str(path))
    if overlay is None:
        return {}, marks, []
    if not isinstance(overlay, dict):
        return None, {}, [Problem("", "a locale's texts are a mapping (site:, plans:, ...)",
                                  str(path), 1, 1)]
    return overlay, marks, []


def _overlay_problems(data, locale, overlay_marks, overlay_file, marks, file, roots):
    """``(errors, warnings)`` of one locale: what its texts may not say, located in its file;
    the texts it lacks, located in plans.yaml; each of its variations the same way."""
    def at(problem):
        return _at(problem, overlay_marks, overlay_file, locale.data)

    errors = [at(Problem(key, f"a locale's texts have no '{key}': they hold only "
                              f"{', '.join(OVERLAY_KEYS)} (prices and settings are plans.yaml's)"))
              for key in locale.data if key not in OVERLAY_KEYS]
    locale = replace(locale, data={k: v for k, v in locale.data.items() if k in OVERLAY_KEYS})
    errors_, warnings = _unknown_variations(data, locale, at)
    errors += errors_ + _nav_problems(locale, at)
    told = set()
    control = variant_documents(data)[CONTROL]
    for variant in _variations(data):
        document, origin, patch_origin, words_origin, merge = _layers(data, locale, variant)
        base, written = control, origin
        if variant is not None:
            base = _merge(control, _variation_patch(data, variant)[1], "", "", {}, [])
            written = words_origin
        found = [at(p) for p in merge + _not_texts(base, document, written)]
        if not found and not errors:   # the document is judged once its fields are texts
            found = _document_problems(document, {**origin, **words_origin}, overlay_marks,
                                       overlay_file, roots)
        errors += [p for p in found if (p.path, p.message) not in told]
        told |= {(p.path, p.message) for p in found}
        if variant is None:
            missing = [path for path in text_paths(control) if path not in origin]
        else:
            missing = [path for path in text_paths(document) if path in patch_origin
                       and path not in words_origin]
        warnings += [_missing(path, locale, variant, patch_origin, marks, file)
                     for path in missing if not is_optional(path)]
    return _labelled(errors, locale.code), _labelled(warnings, locale.code)


def _variations(data):
    """None (control) and the key of each variation that has a patch."""
    section = data.get("variants") if isinstance(data.get("variants"), dict) else {}
    return [None] + [v["key"] for v in section.get("variations") or ()
                     if isinstance(v, dict) and v.get("patch") and isinstance(v.get("key"), str)]


def _unknown_variations(data, locale, at):
    """``(errors, warnings)`` of the locale's ``variants:``: words for a variation plans.yaml
    does not have (any more: an experiment ends) are unused, and said so."""
    words = locale.data.get("variants")
    if words is None:
        return [], []
    if not isinstance(words, dict):
        return [at(Problem("variants", "a locale's variants are a mapping of variation key "
                                       "to its words"))], []
    known = [key for key in _variations(data) if key]
    unused = [at(Problem(f"variants.{key}", f"plans.yaml has no variation '{key}' with a patch "
                                            f"(it has {', '.join(known) or 'none'}): these "
                                            "words are not used", severity="warning"))
              for key in words if key not in known]
    return [], unused


def _nav_problems(locale, at):
    """Errors of the locale's ``nav:``, a mapping of the titles in mkdocs.yml's nav to theirs
    in this language (whether the nav has each title is the build's to say: plans.yaml does
    not know mkdocs.yml)."""
    titles = locale.data.get("nav")
    if titles is None:
        return []
    if not isinstance(titles, dict):
        return [at(Problem("nav", "a locale's nav is a mapping of the titles of mkdocs.yml's "
                                  "nav sections and links to theirs in this language "
                                  "(Legal: Rechtliches)"))]
    return [at(Problem(f"nav.{key}", "expected a text: the title in this language"))
            for key, value in titles.items() if not isinstance(value, str) or not value.strip()]


def _not_texts(base, document, written):
    """Problems (at the overlay's paths) for each field ``written`` (document path -> overlay
    path) that is no text of ``base``, or removes one. A plan's id is how the overlay names
    the plan it translates; a plan plans.yaml does not have is one problem, at its id."""
    base_leaves, problems = dict(leaves(base)), []
    unknown = set()
    for path, source in written.items():
        if _PLAN_ID.fullmatch(path):
            if base_leaves.get(path) != _value(document, path):
                unknown.add(path.removesuffix(".id"))
                problems.append(Problem(source, f"plans.yaml has no plan "
                                                f"'{_value(document, path)}' to translate"))
            continue
        if any(path.startswith(plan + ".") for plan in unknown):
            continue
        if any(path.startswith(f"{split}.") for split in unknown):
            continue   # said once, at the text YAML split
        value = _value(document, path)
        if isinstance(value, dict) and (hint := text_hint(value)) and \
                isinstance(base_leaves.get(path), str):
            unknown.add(path)   # "Inklusive: 3 Plätze", read as a key and its value
            problems.append(Problem(source, f"expected a text, as plans.yaml has here{hint}"))
            continue
        if isinstance(value, (dict, list)):
            continue   # its own fields are judged
        if value is _MISSING:
            problems.append(Problem(source, "a locale removes nothing: leave a text out and "
                                            "the English one is shown"))
        elif path not in base_leaves:
            problems.append(Problem(source, "plans.yaml has no text here to translate"))
        elif not (isinstance(base_leaves[path], str) and is_text(path)):
            problems.append(Problem(source, "no text (a price, a limit, a link or a setting): "
                                            "plans.yaml's holds in every language"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(source, f"expected a text, as plans.yaml has here"
                                            f"{text_hint(value)}"))
    return problems


def _document_problems(document, origin, marks, file, roots):
    """The schema's and the content checks' verdict on the locale's whole document: what
    its texts bring, since plans.yaml and its variations have none (``read_locales`` judges
    texts only then)."""
    return [_locate(p, None, origin, marks, file, document)
            for p in check_document(document, roots)[2]]


def _missing(path, locale, variant, patch_origin, marks, file):
    """The warning for a text ``locale`` lacks, at the line of plans.yaml that has it."""
    line, column = marks.get(patch_origin.get(path, path), (None, None))
    label = f"[locale {locale.code}]" + (f" [variant {variant}]" if variant else "")
    under = f"under variants.{variant} " if variant else ""
    return Problem(f"{label} {path}", f"no text {under}in {locale.texts}; the English text "
                                      "is shown", file, line, column, "warning")


def _value(document, path):
    """The value at field ``path`` of ``document``, or ``_MISSING``."""
    value = document
    for part in path.replace("[", ".[").split("."):
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(value, list) or index >= len(value):
                return _MISSING
            value = value[index]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return _MISSING
    return value


def _at(problem, marks, file, document=None):
    return locate([problem], marks, file, document)[0]


def _labelled(problems, code):
    """``problems``, each path prefixed with its locale (once), in file and line order."""
    for problem in problems:
        if not problem.path.startswith("[locale "):
            problem.path = f"[locale {code}] {problem.path}"
    return sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.column or 0))
