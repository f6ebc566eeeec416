"""The two errors a person can act on: a bad catalog and a bad request."""

import re

# The index of a plan at the start of a path, or after a variation's label ("[variant b] ")
_PLAN_INDEX = re.compile(r"(?:^|(?<=\] ))plans\[\d+\]")


# The spaces a locale writes amounts with (CLDR: U+00A0 in "1.234,50 €", U+202F) and their kin
# (Unicode's space separators): Python counts them unprintable, but they only space text.
_SPACES = frozenset("\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


def printable(c):
    """Whether the character ``c`` prints as itself on a terminal."""
    return c.isprintable() or c in _SPACES


def shown(text):
    """``text`` safe to print on a terminal: control and invisible formatting characters as
    escapes (``\\x1b``, ``\\r``, ``\\u202e``), as messages quote a file's keys and values and
    ESC would start an escape sequence (colours, the window's title), CR write over the line,
    U+202E show what follows reversed."""
    if text.isprintable():
        return text
    return "".join(c if printable(c) else c.encode("unicode_escape").decode("ascii")
                   for c in text)


class Problem:
    """One located catalog problem: where (field path, file, line, column) and what. ``plan``
    is the id of the plan the path lies in, when the file gives it (set where the problem is
    located): a person finds "plans[2] (team)" in a file faster than "plans[2]"."""

    __slots__ = ("path", "message", "file", "line", "column", "severity", "plan")

    def __init__(self, path, message, file=None, line=None, column=None, severity="error",
                 plan=None):
        self.path = path
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.plan = plan

    def where(self):
        """``plans.yaml:12:7`` when the position is known, else the file or nothing."""
        if self.file and self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file or ""

    def __str__(self):
        """One line for a terminal (and the pages that show a failed build)."""
        where = self.where()
        field = self.path or "(top level)"
        if self.plan:
            field = _PLAN_INDEX.sub(lambda index: f"{index.group()} ({self.plan})", field, count=1)
        head = f"{where}: " if where else ""
        label = "warning: " if self.severity == "warning" else ""
        return shown(f"{head}{label}{field}: {self.message}")

    def to_dict(self):
        return {
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "plan": self.plan,
        }


class CatalogError(ValueError):
    """The catalog is invalid; ``problems`` lists every problem found, not only the first."""

    def __init__(self, problems):
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the catalog:\n{lines}")


class QuoteError(ValueError):
    """The request cannot be rated; ``field`` names the input to fix ("seats", "usage.api_calls")."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field
