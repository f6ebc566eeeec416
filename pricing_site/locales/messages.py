"""The engine's messages in a locale, compiled from its gettext catalog (engine.po)."""

from pathlib import Path

from babel.messages.pofile import read_po

HERE = Path(__file__).parent
TEMPLATE = HERE / "engine.pot"


def po_path(code):
    return HERE / code / "LC_MESSAGES" / "engine.po"


def read_catalog(code):
    """The parsed engine.po of ``code``; an empty catalog where there is none."""
    path = po_path(code)
    if not path.exists():
        return None
    with path.open("rb") as file:
        return read_po(file, locale=code)


def compiled(code, forms, missing=None):
    """``{"messages": {msgid: text}, "plurals": {singular: [text per form]}}`` of ``code``'s
    engine.po; an untranslated or fuzzy entry is left out (the engine then says it in
    English) and its msgid added to ``missing`` (a list) when given."""
    catalog = read_catalog(code)
    messages, plurals = {}, {}
    if catalog is not None and catalog.num_plurals != len(forms):
        raise ValueError(f"{po_path(code)} has {catalog.num_plurals} plural forms, CLDR's "
                         f"rule for {code} {len(forms)} ({', '.join(forms)})")
    for message in catalog or ():
        if not message.id:
            continue
        if message.pluralizable:
            texts = list(message.string)
            if message.fuzzy or not all(texts):
                _note(missing, message.id[0])
                continue
            plurals[message.id[0]] = texts
        elif message.string and not message.fuzzy:
            messages[message.id] = message.string
        else:
            _note(missing, message.id)
    if catalog is None and missing is not None:
        missing.extend(untranslated_template())
    return {"messages": messages, "plurals": plurals}


def untranslated_template():
    """Every msgid of the engine (its template), for a locale without an engine.po."""
    with TEMPLATE.open("rb") as file:
        return [m.id[0] if m.pluralizable else m.id for m in read_po(file) if m.id]


def _note(missing, msgid):
    if missing is not None:
        missing.append(msgid)
