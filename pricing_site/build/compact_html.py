"""A page's HTML without its template indentation.

Jinja and Material's templates indent every line, and on the pricing page that indentation is
a sixth of the HTML a phone downloads before its first paint (a plain host sends it as it
is). A run of whitespace that holds a line break renders as one space wherever whitespace is
collapsed, so it becomes a single line break: no rendered text or spacing changes. Where
whitespace is kept as written (``<pre>``, ``<textarea>``, and Material's ``<code>`` and ``<kbd>``,
styled ``pre-wrap``) the text is left byte for byte.
"""

import re

# Elements whose text keeps its whitespace; kept whole, tags included.
_VERBATIM = re.compile(r"<(pre|textarea|code|kbd)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_INDENTED_BREAK = re.compile(r"[ \t]*\n\s*")


def compact_html(html):
    """``html`` with every whitespace run that holds a line break made one line break, except
    inside the elements that keep their whitespace."""
    kept, start = [], 0
    for match in _VERBATIM.finditer(html):
        kept.append(_INDENTED_BREAK.sub("\n", html[start:match.start()]))
        kept.append(match.group(0))
        start = match.end()
    kept.append(_INDENTED_BREAK.sub("\n", html[start:]))
    return "".join(kept)
