"""Templates compiled once per process (pricing_site/build/templates.py): a template's code is
reused by the next environment only when neither its source nor its compile settings changed."""

import jinja2
import pytest

from pricing_site.build.templates import CompiledTemplates

PAGE = "<p>{{ field }}</p>"


class Counting(CompiledTemplates):
    """Counts compilations: Jinja stores the code of each template it had to compile."""

    def __init__(self):
        super().__init__()
        self.compiled = 0

    def dump_bytecode(self, bucket):
        self.compiled += 1
        super().dump_bytecode(bucket)


def render(cache, source=PAGE, **settings):
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}),
                             bytecode_cache=cache, **settings)
    return env.get_template("page.html").render(field="<b>")


def test_the_next_environment_reuses_the_code():
    cache = Counting()
    assert render(cache, autoescape=True) == render(cache, autoescape=True) == "<p>&lt;b&gt;</p>"
    assert cache.compiled == 1


@pytest.mark.parametrize("first, then, expected", [
    ({"autoescape": True}, {"autoescape": False}, "<p><b></p>"),
    ({"autoescape": False}, {"autoescape": True}, "<p>&lt;b&gt;</p>"),
    ({"autoescape": False}, {"autoescape": jinja2.select_autoescape(["html"])}, "<p>&lt;b&gt;</p>"),
    ({}, {"variable_start_string": "[[", "variable_end_string": "]]"}, "<p>{{ field }}</p>"),
    ({}, {"finalize": lambda value: value.upper()}, "<p><B></p>"),
])
def test_code_compiled_under_other_settings_is_not_reused(first, then, expected):
    cache = Counting()
    render(cache, **first)
    assert render(cache, **then) == expected
    assert cache.compiled == 2


def test_an_edited_template_is_compiled_again():
    cache = Counting()
    render(cache)
    assert render(cache, source="<b>{{ field }}</b>") == "<b><b></b>"
    assert cache.compiled == 2
