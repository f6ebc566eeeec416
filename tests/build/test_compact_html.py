"""Built pages lose their template indentation, and nothing a visitor sees with it."""

import re
from html.parser import HTMLParser

from pricing_site.build.compact_html import compact_html

PAGE = """<!doctype html>
<html>
  <head>
    <title>Pricing</title>
    <script type="application/json" id="data">{"plan": "team",
        "seats": 12}</script>
  </head>
  <body>
    <p>
      Start free.   <b>Pay</b>
      <i>per seat</i>.
    </p>

    <pre><code>def quote():
    return  "$12"
</code></pre>
    <p>Run <code>pricing-site   build</code>, then <kbd>Ctrl</kbd> <kbd>C</kbd>.</p>
    <textarea name="note">
  two spaces kept
</textarea>
  </body>
</html>
"""


class _Text(HTMLParser):
    """The text of a page as a browser collapses it, and the raw text of what keeps it."""

    def __init__(self):
        super().__init__()
        self.flow, self.verbatim, self._inside = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("pre", "textarea", "code", "kbd"):
            self._inside += 1
        self.flow.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in ("pre", "textarea", "code", "kbd"):
            self._inside -= 1
        self.flow.append(f"</{tag}>")

    def handle_data(self, data):
        (self.verbatim if self._inside else self.flow).append(data)


def _seen(html):
    parsed = _Text()
    parsed.feed(html)
    return re.sub(r"\s+", " ", "".join(parsed.flow)), parsed.verbatim


def test_indentation_goes():
    compact = compact_html(PAGE)
    assert len(compact) < len(PAGE)
    assert not re.search(r"\n[ \t]", compact.split("<pre>")[0])
    assert "\n\n" not in compact


def test_what_a_visitor_sees_is_the_same():
    assert _seen(compact_html(PAGE)) == _seen(PAGE)


def test_whitespace_kept_as_written_is_left_byte_for_byte():
    compact = compact_html(PAGE)
    for kept in ('<pre><code>def quote():\n    return  "$12"\n</code></pre>',
                 "<code>pricing-site   build</code>",
                 '<textarea name="note">\n  two spaces kept\n</textarea>'):
        assert kept in compact


def test_a_space_between_words_stays_a_space():
    assert compact_html("<b>Pay</b>\n      <i>per seat</i>") == "<b>Pay</b>\n<i>per seat</i>"
    assert compact_html("<b>Pay</b><i>per seat</i>") == "<b>Pay</b><i>per seat</i>"
