"""The landing and pricing pages' words in the site's search: what a marked element of a built
page gives the index (pricing_site/build/search_entries.py), and the index it is added to."""

import json

import pytest

from pricing_site.build.search_entries import add_entries, entries

PAGE = """<html><body><div class="md-typeset">
<section id="head" data-search-entry="page"><h1>Simple <em>pricing</em></h1><p>Start free.</p><fieldset data-search-exclude><label>Monthly</label></fieldset><p>Pay per seat.</p></section>
<section id="plans"><article id="plan-team" data-search-entry><p>Most popular</p><h2>Team</h2><div data-period="monthly"><p>$150.00/month</p></div><div data-period="annual" data-search-exclude><p>$120.00/month</p></div><div hidden><p>138,00 €</p></div><ul><li><span class="rk-icon" aria-hidden="true"><svg><title>check</title></svg></span><span>SSO</span></li><li>Audit log</li></ul></article></section>
<section id="faq" data-search-entry><h2 id="faq-title">Questions</h2><details id="faq-1" data-search-entry><summary>What counts as a seat?</summary><div>Anyone who <strong>replies</strong>.<br>Viewers are free.</div></details><script>var x = "<p>not words</p>";</script><p>Ask us anything else.</p></section>
<section id="calc"><header data-search-entry="calc"><h2>Estimate your bill</h2><p>Change seats.</p></header><form><select><option>Team</option></select></form></section>
<section id="empty" data-search-entry></section>
</div></body></html>"""


def test_each_marked_element_is_one_entry_of_its_visible_words():
    assert entries(PAGE, "pricing/") == [
        {"location": "pricing/", "title": "Simple pricing", "text": "Start free. Pay per seat."},
        {"location": "pricing/#plan-team", "title": "Team",
         "text": "Most popular $150.00/month SSO Audit log"},
        {"location": "pricing/#faq", "title": "Questions", "text": "Ask us anything else."},
        {"location": "pricing/#faq-1", "title": "What counts as a seat?",
         "text": "Anyone who replies. Viewers are free."},
        {"location": "pricing/#calc", "title": "Estimate your bill", "text": "Change seats."},
    ]


def test_the_words_go_to_the_index_escaped_as_its_html():
    """The search shows an entry's title and text as HTML: a plans.yaml text holding markup
    (escaped in the page) must stay text there too."""
    page = ('<article id="plan-x" data-search-entry><h2>&lt;img src=x onerror=alert(1)&gt;</h2>'
            '<p>Tom &amp; Jerry&#39;s &lt;b&gt;plan&lt;/b&gt;</p></article>')
    assert entries(page, "pricing/") == [{
        "location": "pricing/#plan-x", "title": "&lt;img src=x onerror=alert(1)&gt;",
        "text": "Tom &amp; Jerry's &lt;b&gt;plan&lt;/b&gt;"}]


@pytest.mark.parametrize("broken", ["<p>text</span> more</p>", "<div><p>unclosed</div>",
                                    "<section data-search-entry><h2>A</h2><p>b"])
def test_stray_and_missing_end_tags_lose_no_words(broken):
    page = f'<article id="a" data-search-entry><h2>Title</h2>{broken}</article><p>after</p>'
    (entry, *rest) = entries(page, "")
    assert entry["location"] == "#a" and entry["title"] == "Title"
    assert "after" not in entry["text"] and all(
        word in " ".join([entry["text"], *(r["title"] + r["text"] for r in rest)])
        for word in ("text", "more", "unclosed", "b") if word in broken)


def test_entries_join_the_index_once_whatever_the_rebuilds(tmp_path):
    assert add_entries(tmp_path, {"pricing/": entries(PAGE, "pricing/")}) is False  # no index
    assert not (tmp_path / "search").exists()
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    docs = [{"location": "docs/", "title": "Getting started", "text": "Hello"}]
    index.write_text(json.dumps({"config": {"lang": ["de"]}, "docs": docs}), encoding="utf-8")
    for _ in range(2):  # a second build in the same process (serve) adds nothing twice
        assert add_entries(tmp_path, {"pricing/": entries(PAGE, "pricing/")}) is True
    written = json.loads(index.read_text(encoding="utf-8"))
    assert written["config"] == {"lang": ["de"]}
    assert [doc["location"] for doc in written["docs"]] == [
        "docs/", "pricing/", "pricing/#plan-team", "pricing/#faq", "pricing/#faq-1",
        "pricing/#calc"]
