"""Material's stylesheet without the rules no page of the site can use.

Material ships one stylesheet for every feature it has (admonitions, code annotations, tabs,
the blog, ...); a page must load it whole before its first paint, and on a host that does not
compress, its 137 kB is the largest file on that paint's path (bench/RESULTS.md, Lighthouse).
After the build, a rule is kept when every class, id and element name its selector needs
outside brackets and functional pseudo-classes occurs as a word in the built pages or the
scripts that may add classes (Material's bundle, the site's own), PurgeCSS's method; a class
a script builds from a template (``md-tag--${name}``) is kept by its prefix. Custom properties
no kept rule uses (transitively) and keyframes no kept rule names go too. What is left is
written under a name of its own hash, and the pages name it instead of Material's file.
"""

import hashlib
import re
from pathlib import Path

import tinycss2

WORD = re.compile(r"[A-Za-z0-9_-]+")
# a script's comment on lines of its own (`// ...`, `/* ... */`): words for the reader, no class
# (a comment saying "question" kept Material's admonition rules of that name); a comment after
# code stays, as the code's strings may hold "//"
OWN_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*$|^[ \t]*/\*(?:[^*]|\*(?!/))*\*/[ \t]*$",
                              re.MULTILINE)
TEMPLATE_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9_-]*[-_])\$\{")   # `md-tag--${...}`
VARIABLE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
BLOCK_AT_RULES = {"media", "supports", "container", "layer", "document"}
MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
# the runtime and the search index's scripts: no class of a page in them
NOT_SCANNED = ("assets/pyodide/", "assets/calculator/", "search/", "assets/javascripts/lunr/",
               "assets/javascripts/workers/")


def used_words(texts):
    """Every word of ``texts`` that a selector's class, id or element name could be."""
    words = set()
    for text in texts:
        words.update(WORD.findall(text))
    return words


def code(script):
    """``script`` without its comments on lines of their own."""
    return OWN_LINE_COMMENT.sub("", script)


def built_prefixes(scripts):
    """Class prefixes scripts complete at run time: before a template literal's ``${`` or a
    string ending in a dash or underscore (``"md-tag--" + name``)."""
    prefixes = set()
    for text in scripts:
        prefixes.update(TEMPLATE_PREFIX.findall(text))
        prefixes.update(word for word in WORD.findall(text)
                        if len(word) > 3 and word[0].isalpha() and word[-1] in "-_")
    return prefixes


def purge(css, words, prefixes=()):
    """``css`` without the rules whose selectors need a name outside ``words`` (or a class
    not starting with one of ``prefixes``), unused custom properties and keyframes."""
    known = _Known(words, prefixes)
    rules = _kept_rules(tinycss2.parse_stylesheet(css, skip_comments=True,
                                                 skip_whitespace=True), known)
    rules = _without_unused_variables(rules, words)
    return _serialize(_without_unused_keyframes(rules))


class _Known:
    def __init__(self, words, prefixes):
        self.words, self.prefixes = words, tuple(prefixes)

    def __call__(self, name, is_class):
        return name in self.words or (is_class and name.startswith(self.prefixes))


def _kept_rules(rules, known):
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule.prelude) if _may_match(s, known)]
            if selectors:
                rule.prelude = _joined(selectors)
                kept.append(rule)
        elif (block := _block_rules(rule)) is not None:
            inner = _kept_rules(block, known)
            if inner:
                rule.content = _as_content(inner)
                kept.append(rule)
        elif rule.type != "error":
            kept.append(rule)
    return kept


def _block_rules(rule):
    """The rules inside a ``@media``-like at-rule, or None for any other rule."""
    if rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES \
            and rule.content is not None:
        return tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
    return None


def _selectors(prelude):
    """A selector list's selectors, each a list of tokens, split at its top-level commas."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return [_trimmed(s) for s in selectors if _trimmed(s)]


def _trimmed(tokens):
    start, end = 0, len(tokens)
    while start < end and tokens[start].type == "whitespace":
        start += 1
    while end > start and tokens[end - 1].type == "whitespace":
        end -= 1
    return tokens[start:end]


def _may_match(selector, known):
    """Whether every class, id and element name the selector needs at its top level is known
    (names inside ``[...]`` and ``:not(...)``-like functions are not looked at: kept)."""
    after = None   # the token before this one, when it was "." or ":"
    for token in selector:
        if token.type == "ident":
            if after == "." and not known(token.value, True):
                return False
            if after is None and not known(token.value, False):
                return False
        elif token.type == "hash" and token.is_identifier and not known(token.value, False):
            return False
        if token.type == "literal" and token.value in ".:":
            after = token.value
        else:
            after = None
    return True


def _joined(selectors):
    tokens = []
    for selector in selectors:
        if tokens:
            tokens.append(tinycss2.ast.LiteralToken(0, 0, ","))
        tokens.extend(selector)
    return tokens


def _as_content(rules):
    """Rules as an at-rule's content: tokens again, as the parser gave them."""
    return tinycss2.parse_component_value_list(_serialize(rules))


def _declarations(rule):
    return tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                          skip_whitespace=True)


def _walk(rules):
    """Every qualified rule, inside at-rules too."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif (block := _block_rules(rule)) is not None:
            yield from _walk(block)


def _without_unused_variables(rules, words):
    """Drop each ``--name:`` declaration no kept declaration reads (through ``var()``, also
    through other variables) and no page or script names."""
    defined, needed = {}, set()
    for rule in _walk(rules):
        for item in _declarations(rule):
            if item.type != "declaration":
                continue
            read = set(VARIABLE.findall(tinycss2.serialize(item.value)))
            if item.name.startswith("--"):
                defined.setdefault(item.name, set()).update(read)
            else:
                needed |= read
    needed |= {name for name in defined if name in words}
    todo = list(needed)
    while todo:
        for name in defined.get(todo.pop(), ()):
            if name not in needed:
                needed.add(name)
                todo.append(name)
    return _pruned(rules, lambda item: not item.name.startswith("--") or item.name in needed)


def _pruned(rules, keep_declaration):
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            items = [item for item in _declarations(rule)
                     if item.type != "declaration" or keep_declaration(item)]
            if any(item.type == "declaration" for item in items):
                rule.content = _declaration_tokens(items)
                kept.append(rule)
        elif (block := _block_rules(rule)) is not None:
            inner = _pruned(block, keep_declaration)
            if inner:
                rule.content = _as_content(inner)
                kept.append(rule)
        else:
            kept.append(rule)
    return kept


def _declaration_tokens(items):
    text = "".join(item.serialize() + ";" * (item.type == "declaration") for item in items)
    return tinycss2.parse_component_value_list(text.rstrip(";"))


def _without_unused_keyframes(rules):
    named = set()
    for rule in _walk(rules):
        for item in _declarations(rule):
            if item.type == "declaration" and item.lower_name in ("animation", "animation-name"):
                named.update(WORD.findall(tinycss2.serialize(item.value)))
    return [rule for rule in rules if not (
        rule.type == "at-rule" and rule.lower_at_keyword.endswith("keyframes")
        and tinycss2.serialize(rule.prelude).strip() not in named)]


def _serialize(rules):
    return "".join(rule.serialize() for rule in rules)


def purge_material_css(site_dir, skipped=()):
    """Replace Material's stylesheet in ``site_dir`` by its purged copy for the pages there
    (``skipped``: folders of other builds inside it, e.g. a locale's ``de/``); returns the new
    path relative to ``site_dir``, or None when the site has no such stylesheet."""
    site = Path(site_dir)
    found = sorted(site.glob(MATERIAL_CSS))
    if not found:
        return None
    original = found[0]
    own = [path for path in site.rglob("*") if path.suffix in (".html", ".js")
           and path.is_file() and not _skipped(path.relative_to(site).as_posix(), skipped)]
    pages = {path: path.read_text(encoding="utf-8") for path in own if path.suffix == ".html"}
    scripts = [code(path.read_text(encoding="utf-8")) for path in own if path.suffix == ".js"]
    css = purge(original.read_text(encoding="utf-8"), used_words([*pages.values(), *scripts]),
                built_prefixes(scripts))
    digest = hashlib.sha256(css.encode()).hexdigest()[:8]
    purged = original.with_name(f"main.{digest}.min.css")
    purged.write_text(css, encoding="utf-8")
    old, new = (f"assets/stylesheets/{name}" for name in (original.name, purged.name))
    for path, html in pages.items():
        if old in html:
            path.write_text(html.replace(f'{old}"', f'{new}"'), encoding="utf-8")
    if purged != original:
        original.unlink()
    original.with_name(original.name + ".map").unlink(missing_ok=True)
    return purged.relative_to(site).as_posix()


def _skipped(path, skipped):
    return path.startswith(NOT_SCANNED) or any(path.startswith(folder) for folder in skipped)
