"""The words page data writes itself ("Starts at", "per seat/month"), in the build's language.

Each is an English msgid of the site's message catalog, wrapped in ``_()`` so that extraction
finds it and the build's translations (``pricing_site.build.locale``) give it in the page's
language. Which translations are in force is a context variable the build sets for its run
(``speaking``); without one the words stay English. Numbers and money are not formatted here:
they are the engine's, in its own locale.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from babel.support import NullTranslations

_IN_FORCE = ContextVar("pricing_site_words", default=NullTranslations())


def _(msgid):
    """``msgid`` in the language in force; fill its ``{holes}`` with ``.format()`` after."""
    return _IN_FORCE.get().gettext(msgid)


def ngettext(singular, plural, n):
    return _IN_FORCE.get().ngettext(singular, plural, n)


@contextmanager
def speaking(translations):
    """``translations`` in force inside the block (a build's run)."""
    token = _IN_FORCE.set(translations)
    try:
        yield
    finally:
        _IN_FORCE.reset(token)
