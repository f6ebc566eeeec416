"""The build's locale and its translations: which locale a build writes in, the site.po read at
build time, and Jinja2's i18n on the theme's environment, escaping as the English words do."""

import os
from types import SimpleNamespace

import pytest
from babel.support import NullTranslations
from jinja2 import DictLoader, Environment

from pricing_site.build.locale import build_locale, install, translations

TEMPLATES = {
    "text.html": "<p>{% trans month=name %}Month {{ month }}:{% endtrans %}</p>",
    "attribute.html": "<input aria-label=\"{{ _('%(name)s (slider)', name=name) }}\">",
    "plain.html": "<label>{% trans %}Seats{% endtrans %}</label>",
    "pattern.html": "<td data-text=\"{{ _('{amount}/mo') }}\"></td>",
}


def render(code, template, **values):
    env = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
    install(env, code)
    return env.get_template(template).render(**values)


def test_the_build_s_locale_is_the_theme_s_language():
    assert build_locale(SimpleNamespace(theme={"language": "de"})) == "de"


def test_english_and_a_language_without_a_catalog_keep_the_english_words():
    assert type(translations("en")) is NullTranslations
    assert type(translations("xx")) is NullTranslations
    assert render("xx", "plain.html") == render("en", "plain.html") == "<label>Seats</label>"


def test_german_words_come_from_the_site_po():
    assert translations("de").gettext("Seats") == "Nutzer"
    assert render("de", "plain.html") == "<label>Nutzer</label>"
    assert render("de", "pattern.html") == '<td data-text="{amount}/Monat"></td>'


@pytest.mark.parametrize("code", ["en", "de"])
def test_a_value_in_a_translated_sentence_is_escaped_as_in_the_english_one(code):
    hostile = '<b onclick="x()">Team & co</b>'
    text = render(code, "text.html", name=hostile)
    attribute = render(code, "attribute.html", name=hostile)
    escaped = "&lt;b onclick=&#34;x()&#34;&gt;Team &amp; co&lt;/b&gt;"
    assert escaped in text and escaped in attribute
    assert "<b" not in text and "<b" not in attribute
    # the sentence around it is the language's own
    assert text.startswith("<p>Month " if code == "en" else "<p>Monat ")


def test_an_edited_site_po_is_read_again(tmp_path, monkeypatch):
    from pricing_site.build import locale

    po = tmp_path / "xx" / "LC_MESSAGES" / "site.po"
    po.parent.mkdir(parents=True)
    monkeypatch.setattr(locale, "LOCALES", tmp_path)
    po.write_text('msgid "Seats"\nmsgstr "Sièges"\n', encoding="utf-8")
    assert translations("xx").gettext("Seats") == "Sièges"
    po.write_text('msgid "Seats"\nmsgstr "Places"\n', encoding="utf-8")
    os.utime(po, ns=(po.stat().st_atime_ns, po.stat().st_mtime_ns + 10**9))
    assert translations("xx").gettext("Seats") == "Places"
