"""Material's stylesheet loses the rules no page can use, and keeps every one a page might."""

import re
from pathlib import Path

import pytest
import tinycss2

from pricing_site.build.unused_css import (built_prefixes, code, purge, purge_material_css,
                                           used_words)

MATERIAL_CSS = next((Path(__import__("material").__file__).parent / "templates" / "assets" /
                     "stylesheets").glob("main.*.min.css"))

CSS = """
.md-typeset .admonition{border:1px solid}
.md-tabs,.md-blog-post{display:block}
p a:hover::before{content:"→"}
#__drawer:checked~.md-container{opacity:.5}
[data-md-color-scheme=slate] .md-header{color:var(--md-fg)}
.md-banner:not(.md-banner--warning){color:red}
@media screen and (min-width:60em){.md-sidebar{width:12rem}.md-blog{width:1px}}
@media print{.md-blog{display:none}}
@keyframes pulse{0%{opacity:1}to{opacity:0}}
@keyframes unused{0%{opacity:1}}
.md-status{animation:pulse 1s}
:root{--md-fg:#000;--md-icon:url("x.svg");--md-chain:var(--md-fg2);--md-fg2:red}
.md-x{color:var(--md-chain)}
.md-tag--beta{color:green}
"""


def rules(css):
    """Each kept rule as ``(context, selectors)``, context the enclosing at-rule's prelude."""
    found = []

    def walk(nodes, context):
        for rule in nodes:
            if rule.type == "qualified-rule":
                found.append((context, tinycss2.serialize(rule.prelude)))
            elif rule.type == "at-rule":
                prelude = f"@{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude).strip()}"
                if rule.lower_at_keyword == "media":
                    walk(tinycss2.parse_rule_list(rule.content, True, True), prelude)
                else:
                    found.append((context, prelude))
    walk(tinycss2.parse_stylesheet(css, True, True), "")
    return found


@pytest.mark.parametrize("words, kept, dropped", [
    # a class the pages lack takes its rule; a list keeps the selectors that may match
    ({"md-typeset", "md-tabs", "p", "a"}, [("", ".md-tabs"), ("", "p a:hover::before")],
     [("", ".md-tabs,.md-blog-post"), ("", ".md-typeset .admonition")]),
    # an id and a class; an attribute and a negated class are not looked into
    ({"__drawer", "md-container", "md-header", "md-banner"},
     [("", "#__drawer:checked~.md-container"), ("", "[data-md-color-scheme=slate] .md-header"),
      ("", ".md-banner:not(.md-banner--warning)")], [("", "p a:hover::before")]),
    # inside a media query a rule goes alone, an emptied query goes whole
    ({"md-sidebar"}, [("@media screen and (min-width:60em)", ".md-sidebar")],
     [("@media screen and (min-width:60em)", ".md-blog"), ("@media print", ".md-blog")]),
])
def test_rules_are_kept_when_the_pages_may_use_them(words, kept, dropped):
    left = rules(purge(CSS, words))
    assert [rule for rule in kept if rule not in left] == []
    assert [rule for rule in dropped if rule in left] == []


def test_keyframes_and_variables_go_with_the_last_rule_using_them():
    purged = purge(CSS, {"md-status", "md-x"})
    assert "@keyframes pulse" in purged and "@keyframes unused" not in purged
    # read through another variable: kept; read by a dropped rule only (.md-header): gone
    assert re.findall(r"(--md-[a-z0-9]+):", purged) == ["--md-chain", "--md-fg2"]
    assert "--md-fg:" in purge(CSS, {"md-header"})


def test_a_variable_a_page_names_is_kept():
    assert "--md-icon:" in purge(CSS, {"md-x", "--md-icon"})


def test_a_class_a_script_builds_from_a_template_is_kept_by_its_prefix():
    script = 'el.className = `md-tag md-tag--${name}`; other = "md-source__fact--" + kind'
    assert built_prefixes([script]) >= {"md-tag--", "md-source__fact--"}
    assert ".md-tag--beta" in purge(CSS, used_words([script]), built_prefixes([script]))
    assert ".md-tag--beta" not in purge(CSS, used_words([script]))


def test_a_scripts_comment_keeps_no_rule_its_code_does():
    """A word in a comment is for the reader: "question" in one kept Material's admonition
    rules of that name (1 kB more before the first paint)."""
    script = ('// A link to one question opens it\n  /* a note\n     about md-tag */\n'
              'const url = "https://x.example//a"; // md-grid\nel.classList.add("md-x");')
    assert code(script).splitlines() == [
        "", "", 'const url = "https://x.example//a"; // md-grid', 'el.classList.add("md-x");']
    words = used_words([code(script)])
    assert {"md-x", "md-grid", "url"} <= words and not {"question", "md-tag", "note"} & words
    # a comment before code on its line is no line of its own: nothing after it goes
    kept = "/* a */ el.classList.add('md-y');\nother(); /* b */"
    assert code(kept) == kept


def test_with_every_name_known_materials_stylesheet_keeps_every_rule():
    class Every(set):
        def __contains__(self, name):
            return True
    css = MATERIAL_CSS.read_text(encoding="utf-8")
    assert rules(purge(css, Every())) == rules(css)


def test_the_site_names_the_purged_copy_under_its_own_hash(tmp_path):
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    original = site / "assets" / "stylesheets" / MATERIAL_CSS.name
    original.write_text(MATERIAL_CSS.read_text(encoding="utf-8"), encoding="utf-8")
    original.with_name(original.name + ".map").write_text("{}", encoding="utf-8")
    link = f'<link rel="stylesheet" href="../assets/stylesheets/{MATERIAL_CSS.name}">'
    page = f'<html><head>{link}</head><body><div class="md-grid"><p>Hi</p></div></body></html>'
    for folder in ("pricing", "de/pricing"):   # de/: another build's page, left as it is
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(page, encoding="utf-8")
    written = purge_material_css(site, ["de/"])
    assert re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css", written)
    assert not original.exists() and not original.with_name(original.name + ".map").exists()
    assert (site / "pricing" / "index.html").read_text(encoding="utf-8") == page.replace(
        f"assets/stylesheets/{MATERIAL_CSS.name}", written)
    assert (site / "de/pricing/index.html").read_text(encoding="utf-8") == page
    purged = (site / written).read_text(encoding="utf-8")
    assert ".md-grid{" in purged and ".md-typeset .admonition" not in purged
    assert len(purged) < len(MATERIAL_CSS.read_text(encoding="utf-8")) / 3
