"""Reading plans.yaml's text into data and field positions, with located syntax errors.

Numbers are read as YAML 1.2 reads them (PyYAML reads YAML 1.1: there 3:1 is 181 and 010 is
8), those with a decimal point or an exponent as ``Decimal`` straight from their text, never
float. ``read_yaml`` gives the data, where each field path starts (for located messages) and
the problems YAML itself has with the file: no regular file or too large (``file_limits``),
bad bytes, syntax (placed where the mistake most likely is, not where YAML gave up), keys
written twice, lists and mappings nested or values counted beyond any catalog, aliases that
never end or expand the document beyond any catalog.
"""

import re
from decimal import Decimal, InvalidOperation

import yaml

from calculator.errors import Problem
from calculator.values import describe

from .content import plan_at
from .files import CATALOG_LIMIT, FileRefused, read_limited

MAX_DEPTH = 32         # lists and mappings inside each other; the demo nests 9 deep
_DEPTH_SHOWN = 1_000   # a deeper nest is said to be "more than" this deep


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads numbers as YAML 1.2 does, and floats as exact Decimals."""

    last_token = None
    values = depth = 0   # values composed so far; lists and mappings open around the next

    def __init__(self, stream):
        super().__init__(stream)
        self.text_anchors, self.aliased = {}, set()   # &name on a text: where; *name used

    def get_token(self):
        """The parser's next token, remembered: after a syntax error it is the one before
        the token YAML failed on (a quoted text that ran on past its line, say)."""
        self.last_token = super().get_token()
        return self.last_token

    def compose_node(self, parent, index):
        """Counts the values and how deep the lists and mappings nest, and refuses the document
        past MAX_VALUES or MAX_DEPTH before they are built: composing is recursive (600
        levels ended in RecursionError) and keeps every value with its position. (So
        ``_Walk``'s count, aliases expanded, can pass MAX_VALUES only through aliases.)"""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):   # a node composed already
            self.aliased.add(event.anchor)
            return super().compose_node(parent, index)
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
            self.text_anchors.setdefault(event.anchor, event.start_mark)
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Refused(_at(event, f"the file holds more than {MAX_VALUES:,} values (texts, "
                                      f"numbers, lists and mappings), far more than a catalog "
                                      f"needs"))
        if not isinstance(event, yaml.CollectionStartEvent):
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            deepest = self._deepest()
            levels = f"more than {_DEPTH_SHOWN:,}" if deepest > _DEPTH_SHOWN else f"{deepest:,}"
            raise _Refused(_at(event, f"the file nests lists and mappings {levels} levels deep, "
                                      f"more than a catalog ever needs (at most {MAX_DEPTH})"))
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def _deepest(self):
        """How deep the list or mapping that starts here nests, counting its events until it
        closes, or up to _DEPTH_SHOWN: PyYAML's scanner slows with each open flow [ on a
        line (a million of them would take hours)."""
        depth = deepest = self.depth - 1
        try:
            while deepest <= _DEPTH_SHOWN:
                event = self.get_event()
                depth += isinstance(event, yaml.CollectionStartEvent)
                depth -= isinstance(event, yaml.CollectionEndEvent)
                deepest = max(deepest, depth)
                if depth < self.depth or isinstance(event, yaml.StreamEndEvent):   # closed
                    break
        except yaml.YAMLError:   # a syntax error further on: as deep as read so far
            pass
        return deepest

    def construct_object(self, node, deep=False):
        """A value its explicit tag cannot make (``!!timestamp x``, ``!!bool maybe``) is a
        located error, not PyYAML's AttributeError, KeyError or ValueError."""
        try:
            return super().construct_object(node, deep)
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError):
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _BadValue(node, f"{tag} cannot read {describe(node.value)}") from None


# YAML 1.2's core schema, not PyYAML's YAML 1.1: there, 3:1 is 181 (base 60), 010 is 8
# (octal) and 1_000 is 1000, silently. Here those stay the text written; octal is 0o10. A day
# (2026-06-30) stays its text too, as editors' YAML 1.2 reads it: YAML 1.1 made it a date.
_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT_TEXT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_FLOAT_TEXT = re.compile(r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
                              |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z""", re.X)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT, _FLOAT, _TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver(_INT, _INT_TEXT, list("-+0123456789"))
_Loader.add_implicit_resolver(_FLOAT, _FLOAT_TEXT, list("-+.0123456789"))


class _BadValue(yaml.constructor.ConstructorError):
    """A value the loader refuses (``!!int abc``, 5,000 digits); the message says it all."""

    def __init__(self, node, message):
        super().__init__(problem=message, problem_mark=node.start_mark)


def _integer(loader, node):
    """A YAML 1.2 integer: decimal (a leading zero is no octal), 0o octal or 0x hex."""
    text = loader.construct_scalar(node)
    if not _INT_TEXT.match(text):
        raise _BadValue(node, f"expected a whole number, got {describe(text)}")
    base = {"0o": 8, "0x": 16}.get(text[:2], 10)
    try:
        return int(text if base == 10 else text[2:], base)
    except ValueError:   # more digits than Python converts (4,300)
        raise _BadValue(node, f"the number {describe(Decimal(text))} is far too large") from None


def _exact_number(loader, node):
    """A YAML 1.2 float as the Decimal of its text, never a float: 0.1 is one tenth."""
    text = loader.construct_scalar(node)
    if not _FLOAT_TEXT.match(text):
        raise _BadValue(node, f"expected a number, got {describe(text)}")
    special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    try:
        return Decimal(special.get(text.lower(), text))
    except InvalidOperation:   # an exponent beyond Decimal's range
        raise _BadValue(node, f"the number {describe(text)} is far too large") from None


_Loader.add_constructor(_INT, _integer)
_Loader.add_constructor(_FLOAT, _exact_number)


def _key_text(path, key):
    return f"{path}.{key}" if path else str(key)


MAX_VALUES = 100_000   # in the document with its aliases expanded; the demo has 894


class _Refused(Exception):
    """The document cannot be a catalog at all (nested too deep, too many values, an alias
    that contains itself, or aliases that expand it beyond MAX_VALUES); ``problem`` says where
    and why."""

    def __init__(self, problem):
        super().__init__(problem.message)
        self.problem = problem


def _at(event, message):
    """A problem of the whole file, placed where ``event`` (its YAML event) starts."""
    return Problem("", message, None, event.start_mark.line + 1, event.start_mark.column + 1)


class _Walk:
    """One pass over the composed document: where each field path starts (``marks``), keys
    written twice in one mapping (``problems``), and how many values the document holds with
    its aliases expanded. A node met again through an alias is counted, not walked again:
    the fields under it fall back to the position of the field holding the alias. (Walking
    it again made nested aliases, ten uses each, cost millions of paths and gigabytes.)"""

    def __init__(self, file):
        self.file, self.marks, self.problems, self.sizes = file, {}, [], {}

    def __call__(self, node, path="", record=True):
        """The size of ``node`` expanded; ``record`` False: count only (a ``<<`` merge)."""
        if id(node) in self.sizes:
            if self.sizes[id(node)] is None:   # met again inside itself
                holder = path[:path.rindex("[")] if path.endswith("]") else path  # not the anchor
                raise _Refused(Problem(path, "this alias refers to the list or mapping that "
                                             "contains it, so it never ends", self.file,
                                       *self.marks.get(holder, (None, None))))
            return self.sizes[id(node)]
        self.sizes[id(node)] = None
        size = 1
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, value_node in node.value:
                if record and isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
                    child = self._key(key_node, path, seen)
                    size += 1 + self(value_node, child)
                else:
                    size += self(key_node, path, False) + self(value_node, path, False)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = f"{path}[{index}]"
                if record:
                    self.marks.setdefault(child, (item.start_mark.line + 1,
                                                  item.start_mark.column + 1))
                size += self(item, child, record)
        self.sizes[id(node)] = size
        if size > MAX_VALUES:
            raise _Refused(Problem(path, f"this holds more than {MAX_VALUES:,} values once its "
                                         f"aliases (*name) are expanded, far more than a catalog "
                                         f"needs: write the values out, or use fewer aliases",
                                   self.file))
        return size

    def _key(self, key_node, path, seen):
        """The field path of a key; records where it starts, and flags it when written twice."""
        key, mark = key_node.value, key_node.start_mark
        line = mark.line + 1
        if key in seen:
            self.problems.append(Problem(_key_text(path, key), f"the key '{key}' is written twice "
                                         f"in this mapping (first on line {seen[key]}); YAML "
                                         f"keeps only the last one", self.file, line,
                                         mark.column + 1))
        seen.setdefault(key, line)
        child = _key_text(path, key)
        self.marks.setdefault(child, (line, mark.column + 1))
        return child


def _field_at(marks, line, column):
    """The field whose key or list item starts last before ``line:column``: the field of a
    value found there."""
    before = [(at, path) for path, at in marks.items() if at <= (line, column)]
    return max(before)[1] if before else ""


_FLOWS = {"while parsing a flow sequence": "] of this list",
          "while parsing a flow mapping": "} of this mapping"}


def _syntax_problem(exc, last_token, text, file):
    """A YAML syntax error placed where the mistake most likely is. A quote or a flow [ or {
    left open, or a key without its ':', makes YAML read on and fail lines below, often on a
    line with nothing wrong: then point at where that text starts and say where YAML failed.
    ``last_token``: the token the parser took before failing."""
    mark, opened = exc.problem_mark or exc.context_mark, exc.context_mark
    found, below = exc.problem or exc.context, f"line {mark.line + 1 if mark else '?'}"
    ran_on = isinstance(last_token, yaml.ScalarToken) and mark is not None and \
        last_token.start_mark.line < last_token.end_mark.line <= mark.line
    start, message = mark, found
    same_line = last_token is not None and mark is not None and \
        last_token.end_mark.line == mark.line   # text after a closing quote or bracket
    if exc.context == "while scanning a quoted scalar" and found.startswith("found unexpected"):
        end = "the end of the file" if found.endswith("end of stream") else f"{below} ({found})"
        start = opened
        message = f"this quoted text is never closed: no {text[opened.index]} before {end}"
    elif exc.context == "while scanning a simple key":
        start = opened
        message = f"this text is read as a key, but no ':' follows it ({found} on {below})"
    elif ran_on and last_token.style in ("'", '"'):
        start = last_token.start_mark
        message = (f"is the closing {last_token.style} of this quoted text missing? It runs on "
                   f"to {below}, where YAML fails: {found}")
    elif ran_on and found == "mapping values are not allowed here":
        start = last_token.start_mark
        message = (f"this text runs on to {below}, where its ':' is not allowed: is a ':' "
                   f"missing on this line, or does the text need quotes?")
    elif found == "mapping values are not allowed here":  # "headline: Notes: the best"
        message = ("a ': ' inside this text makes YAML read it as a key: write the whole text "
                   "in quotes (headline: \"Notes: all in one place\")")
    elif found.startswith("found character '\\t'"):
        message = "this line is indented with a tab: YAML indents with spaces only"
    elif found.startswith("found character"):   # @home, `code`
        message = (f"a text cannot start with {text[mark.index]} in YAML: write the whole text "
                   f"in quotes")
    elif exc.context in ("while scanning an alias", "while scanning an anchor") or \
            found.startswith("found undefined alias"):   # *New* notes
        start = opened or mark
        message = ("a text that starts with * or & is read as a reference to another value: "
                   "write the whole text in quotes")
    elif same_line and isinstance(last_token, yaml.ScalarToken) and last_token.style == "'":
        start = last_token.start_mark   # 'Don't lose'
        message = ("this text goes on after its closing ': write a ' inside '...' twice "
                   "('Don''t') or put the text in \"...\"")
    elif same_line and isinstance(last_token, yaml.ScalarToken) and last_token.style == '"':
        start = last_token.start_mark   # "Notes" for teams
        message = ("this text goes on after its closing \": write a \" inside \"...\" as \\\" or "
                   "put the text in '...'")
    elif same_line and isinstance(last_token, (yaml.FlowSequenceEndToken,
                                                yaml.FlowMappingEndToken)):
        message = ("a text that starts with [ or { is read as a list or a mapping: write the "
                   "whole text in quotes")
    elif found.startswith("expected <block end>") and opened is not None:
        message = (f"this line is not lined up with the lines above it: indent it by as many "
                   f"spaces as the other keys or list items of its block (which starts on line "
                   f"{opened.line + 1})")
    elif exc.context in _FLOWS and opened.line < mark.line:
        start = opened
        message = (f"is the closing {_FLOWS[exc.context]} missing? It runs on to {below}, "
                   f"where YAML fails: {found}")
    elif exc.context and exc.problem:
        since = opened and opened.line != mark.line and f" that starts on line {opened.line + 1}"
        message += f" ({exc.context}{since or ''})"
    return Problem("", f"YAML syntax error: {message}", file,
                   start.line + 1 if start else None, start.column + 1 if start else None)


def _dropped_words(loader, file):
    """A text starting with & ("& much more") is a value named "much" to YAML, and the word is
    gone from the text: said for each such name no *name refers to (a name that is used is
    meant)."""
    return [Problem("", f"YAML reads '&{name}' at the start of this text as a name for it and "
                        f"drops it from the text: write the whole text in quotes", file,
                    mark.line + 1, mark.column + 1)
            for name, mark in loader.text_anchors.items() if name not in loader.aliased]


def _line_and_column(before):
    """1-based line and column just after ``before``, the file's text up to a position: for
    the errors that give an offset into the file, not a YAML mark."""
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def read_yaml(path):
    """``(data, marks, problems)``: the parsed document, field path -> (line, column), and
    syntax or duplicate-key problems (then data may be None)."""
    file = str(path)
    try:
        raw = read_limited(path, CATALOG_LIMIT, "a catalog")
    except FileRefused as exc:
        return None, {}, [Problem("", str(exc), file, 1, 1)]
    except OSError as exc:
        return None, {}, [Problem("", f"cannot read the file: {exc}", file)]
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text did
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(raw[:exc.start].decode("utf-8"))
        return None, {}, [Problem("", f"this line has a byte that is not UTF-8 text "
                                      f"(0x{raw[exc.start]:02x}): save the file as UTF-8",
                                  file, line, column)]
    walk = _Walk(file)
    marks, problems = walk.marks, walk.problems
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is not None:
            walk(node)
        data = loader.construct_document(node) if node is not None else None
        problems += _dropped_words(loader, file)
    except _Refused as exc:
        return None, marks, locate([exc.problem], marks, file)
    except yaml.reader.ReaderError as exc:   # a control character: its code and index in text
        line, column = _line_and_column(text[:exc.position])
        return None, marks, [Problem("", f"this line has a character YAML does not allow, often "
                                         f"invisible (U+{exc.character:04X}): delete it",
                                     file, line, column)]
    except _BadValue as exc:
        line, column = exc.problem_mark.line + 1, exc.problem_mark.column + 1
        field = _field_at(marks, line, column)
        return None, marks, [Problem(field, exc.problem, file, line, column)]
    except yaml.MarkedYAMLError as exc:
        return None, marks, [_syntax_problem(exc, loader and loader.last_token, text, file)]
    except (yaml.YAMLError, ArithmeticError, RecursionError) as exc:
        return None, marks, [Problem("", f"YAML error: {exc}", file)]
    finally:
        if loader is not None:
            loader.dispose()
    return data, marks, problems


def locate(problems, marks, file, document=None):
    """Give each problem the position of its field, or of the nearest enclosing field (in
    ``file`` unless it names its own: a page), and the id of the plan it lies in, from
    ``document``."""
    for problem in problems:
        problem.file = problem.file or file
        problem.plan = problem.plan or plan_at(document, problem.path)
        if problem.line is not None:
            continue
        path = problem.path
        while path and path not in marks:
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        problem.line, problem.column = marks.get(path, (1, 1))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
