"""Did-you-mean hints for near-miss names ("graduatd" -> "graduated")."""

from difflib import get_close_matches

from .locale import _


def did_you_mean(word, choices):
    """`` — did you mean 'x'?`` for the closest choice, or an empty string."""
    if not isinstance(word, str):
        return ""
    match = get_close_matches(word, [str(c) for c in choices], n=1, cutoff=0.6)
    return _(" — did you mean '{name}'?").format(name=match[0]) if match else ""


def one_of(choices):
    """``expected one of a, b, c``."""
    return "expected one of " + ", ".join(str(c) for c in choices)
