"""The site's message catalogs: site.pot holds every word the templates and the page data
write (as `pybabel extract -F babel.cfg` finds them), each language's site.po translates every
one and keeps its placeholders, and the page scripts hold none of the words they show."""

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from tests.support.paths import ROOT

LOCALES = ROOT / "site_src" / "locales"
POT = LOCALES / "site.pot"
PO_FILES = sorted(LOCALES.glob("*/LC_MESSAGES/site.po"))
# what a translation must keep: %(name)s and {path.to.value} holes, and %% (a literal %)
HOLES = re.compile(r"%\([a-z_]+\)s|\{[a-z_.]+\}|%%")
MARKUP = set("<>&\"'")
# the words the page scripts wrote before they came from the page (the template's data-*)
MOVED_OUT_OF_JS = ("Link copied", "Copy the address bar to share", "not available in this browser",
                   "Reload the page", "Cost per", "for each plan", "a month", "Each month's bill",
                   '"Month"', '"Seats"')


def _read(path):
    with path.open("rb") as file:
        return read_po(file)


def _ids(catalog):
    return {message.id for message in catalog if message.id}


def extracted():
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    return {message if isinstance(message, str) else message[0]
            for _file, _line, message, _comments, _context
            in extract_from_dir(str(ROOT), method_map, options_map)}


def test_the_pot_holds_exactly_the_words_the_sources_mark():
    found, listed = extracted(), _ids(_read(POT))
    assert found - listed == set(), "new words: run pybabel extract (docs/locales.md)"
    assert listed - found == set(), "words no source marks any more: run pybabel extract"


def test_there_is_a_german_catalog():
    assert LOCALES / "de" / "LC_MESSAGES" / "site.po" in PO_FILES


@pytest.mark.parametrize("po", PO_FILES, ids=lambda path: path.parts[-3])
def test_every_word_is_translated_keeping_its_placeholders(po):
    catalog = _read(po)
    assert _ids(catalog) == _ids(_read(POT)), "run pybabel update (docs/locales.md)"
    for message in catalog:
        if not message.id:
            continue
        assert message.string, f"{message.id!r} has no translation"
        assert not message.fuzzy, f"{message.id!r} is marked fuzzy"
        assert sorted(HOLES.findall(message.string)) == sorted(HOLES.findall(message.id)), \
            (message.id, message.string)
        # a translation is written into the page as the template's own text: it adds no markup
        # (nor a quote that would end an attribute)
        added = (set(message.string) & MARKUP) - set(message.id)
        assert not added, (message.id, message.string)


def test_a_hole_or_a_markup_character_lost_in_translation_is_caught():
    """The check above can fail: a translation that drops or renames a hole does not pass."""
    for msgid, msgstr in [("{price} a month", "{preis} pro Monat"),
                          ("Month %(month)s:", "Monat:"), ("(%% a month)", "(% pro Monat)")]:
        assert sorted(HOLES.findall(msgstr)) != sorted(HOLES.findall(msgid))


def test_the_page_scripts_hold_none_of_the_words_they_show():
    scripts = [*(ROOT / "site_src/assets/calculator").glob("*.js"),
               *(ROOT / "site_src/assets/js").glob("*.js")]
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        code = "\n".join(line for line in text.splitlines()
                         if not line.lstrip().startswith(("//", "*", "/*")))
        found = [words for words in MOVED_OUT_OF_JS if words in code]
        assert not found, f"{script.name} writes {found}"
