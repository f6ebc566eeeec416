"""The engine's messages and their German translations: the template is current, German
translates every message and keeps every placeholder, and a missing translation is reported
and falls back to English."""

import string
from decimal import Decimal

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from calculator.locale import ENGLISH, Locale, gettext, ngettext, using
from pricing_site.locales import locale_block
from pricing_site.locales.messages import TEMPLATE, po_path
from tests.support.paths import ROOT

# as pybabel extract is run (docs/locales.md): _, ngettext, and the engine's own plural units
KEYWORDS = {**DEFAULT_KEYWORDS, "plural_words": (1, 2)}


def extracted():
    """Every msgid the engine's code says, as the extraction reads it now."""
    found = extract_from_dir(str(ROOT / "calculator"), method_map=[("**.py", "python")],
                             keywords=KEYWORDS)
    return {message if isinstance(message, str) else message[0]
            for _file, _line, message, _comments, _context in found}


def template_ids():
    with TEMPLATE.open("rb") as file:
        return {m.id[0] if m.pluralizable else m.id for m in read_po(file) if m.id}


def german():
    with po_path("de").open("rb") as file:
        return read_po(file, locale="de")


def fields(text):
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_the_template_holds_every_message_the_engine_says():
    """A new English message without a template entry fails here: run pybabel extract."""
    said, template = extracted(), template_ids()
    assert not said - template, f"not in engine.pot (extract again): {sorted(said - template)}"
    assert not template - said, f"in engine.pot but said nowhere: {sorted(template - said)}"


def test_german_translates_every_message_of_the_template():
    catalog = german()
    ids = {m.id[0] if m.pluralizable else m.id for m in catalog if m.id}
    assert ids == template_ids(), "pybabel update the German engine.po"
    untranslated = [m.id for m in catalog if m.id and (
        m.fuzzy or not (all(m.string) if m.pluralizable else m.string))]
    assert not untranslated
    missing = []
    locale_block("de", ("EUR",), missing)
    assert missing == []


def test_a_translation_keeps_every_placeholder_of_its_message():
    """A translation cannot drop a number: "{seats} seats" needs its {seats}."""
    dropped = []
    for message in german():
        if not message.id:
            continue
        if message.pluralizable:  # German's first form is the singular's, the other the plural's
            pairs = [(message.id[0], message.string[0]), (message.id[1], message.string[1])]
        else:
            pairs = [(message.id, message.string)]
        dropped += [(msgid, text) for msgid, text in pairs if fields(msgid) != fields(text)]
    assert not dropped


def test_plural_forms_follow_the_locale_rule():
    de = Locale.from_dict(locale_block("de", ("EUR",)))
    with using(de):
        assert [ngettext("month", "months", Decimal(n)) for n in ("1", "2", "0", "1.5")] == [
            "Monat", "Monate", "Monate", "Monate"]
    assert [ngettext("seat", "seats", Decimal(n)) for n in ("1", "2", "0")] == [
        "seat", "seats", "seats"]


def test_a_message_without_translation_is_said_in_english_and_reported():
    """A locale without an engine.po (French here) reports every message as missing, and the
    engine says them in English, in French number formats."""
    missing = []
    block = locale_block("fr", ("EUR",), missing)
    assert set(missing) == template_ids()
    with using(Locale.from_dict(block)):
        assert gettext("Seats") == "Seats"
        assert ngettext("seat", "seats", 2) == "seats"
    partial = Locale.from_dict({**locale_block("de", ("EUR",)), "messages": {}, "plurals": {}})
    with using(partial):
        assert gettext("Seats") == "Seats" and ngettext("seat", "seats", 1) == "seat"
    with using(ENGLISH):
        assert gettext("Seats") == "Seats"
