"""Which fields of plans.yaml are texts a locale translates, and which are not.

A locale's overlay (``locales``) may set texts only: what a visitor reads, never what a buyer
pays, what a plan allows, a link or a setting. A field is a text when its value in plans.yaml
is a string and its path is one of ``TEXTS``; under ``site:`` every string is a text except
the settings in ``SITE_SETTINGS``. Names that stay as they are in every language (the brand,
the customers' and partners' names) may be translated but need not be: a locale that leaves
them out gets no warning.
"""

import re

_INDEX = re.compile(r"\[\d+\]")
_KEY = r"[^.\[\]]+"

TEXTS = re.compile("|".join((
    r"site\..+",
    r"plans\[\]\.(name|tagline|description|badge|features\[\]|cta\.label)",
    rf"plans\[\]\.price\.seats\.kinds\.{_KEY}\.name",
    rf"metrics\.{_KEY}\.(name|unit|unit\.one|unit\.other)",
    rf"addons\.{_KEY}\.(name|description)",
    rf"promotions\.{_KEY}\.name",
)))
# strings of site: that are settings, links or files, not words: the last key of the path, or
# a section whose every value is one
SITE_SETTINGS = re.compile(r".*\.(url|src|icon|period|language|social_image|image)"
                           r"|site\.(pricing\.cta_params|pricing\.calculator\.request|embed)\..+"
                           r"|site\.pages\.[^.]+\.image")
OPTIONAL = re.compile(r"site\.name|site\.proof\.logos\[\]\.name"
                      r"|site\.proof\.testimonials\[\]\.(name|company)"
                      r"|site\.integrations\.items\[\]\.name")


def shape(path):
    """``path`` with its list indexes left out (``plans[2].features[0]`` -> ``plans[].features[]``)."""
    return _INDEX.sub("[]", path)


def is_text(path):
    """True when the field at ``path`` (a string in plans.yaml) is one a locale translates."""
    general = shape(path)
    return bool(TEXTS.fullmatch(general)) and not SITE_SETTINGS.fullmatch(general)


def is_optional(path):
    """True for a text that reads the same in every language unless a locale says otherwise."""
    return bool(OPTIONAL.fullmatch(shape(path)))


def leaves(value, path=""):
    """``(path, value)`` of every value in ``value`` that is neither a mapping nor a list."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaves(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from leaves(child, f"{path}[{index}]")
    else:
        yield path, value


def text_paths(document):
    """The path of every text of ``document`` (a parsed plans.yaml), in the file's order."""
    return [path for path, value in leaves(document)
            if isinstance(value, str) and is_text(path)]
