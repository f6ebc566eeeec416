"""The engine's languages: what the calculator needs to speak a locale, made at build time."""

from .cldr import formats
from .messages import compiled

ENGLISH_CODE = "en"  # the engine's own language: its messages are written in it


def locale_block(code, currencies=(), missing=None):
    """The block of locale ``code`` ("de", "de_CH") for a catalog priced in ``currencies``,
    for ``Catalog.with_locale``; None for English (``calculator.locale.ENGLISH``).

    It holds what the engine's formatters read, from Babel's CLDR data (number symbols and
    group sizes, the currency and percent patterns, the symbols of ``currencies``, the plural
    rule, the month names, the long date) and the messages of ``<code>/LC_MESSAGES/engine.po``:
    a few kilobytes, so the browser carries no CLDR of its own. ``missing``, a list, gets the msgids the
    locale's engine.po leaves untranslated (the engine says those in English)."""
    if code in (None, ENGLISH_CODE):
        return None
    block = formats(code, currencies)
    block.update(compiled(code, block["forms"], missing))
    return block
