"""Catalog mistakes a marketer makes, each reported with file, line, field and a fix."""

import json
import os
import textwrap
from decimal import Decimal

import pytest

from calculator import CatalogError, load_catalog
from calculator.catalog import MODEL_KEYS
from calculator.models import DEFAULT, MODELS
from pricing_site.catalog import load_catalog_file, read_catalog
from pricing_site.catalog.files import CATALOG_LIMIT, MB, FileRefused, read_limited
from pricing_site.catalog.schema import plans_schema, schema_problems
from pricing_site.catalog.yaml_reader import MAX_DEPTH, MAX_VALUES, read_yaml

GOOD = """\
currency: USD
metrics:
  api_calls: {name: API calls, unit: calls, max: 1000000}
plans:
  - id: team
    name: Team
    price:
      seats:
        pricing: graduated
        tiers:
          - {up_to: 10, unit: 50}
          - {up_to: 50, unit: 40}
          - {unit: 30}
      usage:
        api_calls: {unit: 0.001, included: 1000}
"""


def errors_for(tmp_path, text):
    path = tmp_path / "plans.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and errors, "expected the catalog to be rejected"
    return [str(e) for e in errors], errors


# (case, edit to GOOD as (old, new), expected line, expected field path, words in the message)
CASES = [
    ("pricing near miss", ("pricing: graduated", "pricing: graduatd"), 9,
     "plans[0].price.seats.pricing", "did you mean 'graduated'"),
    ("unknown field near miss", ("        tiers:", "        teirs:"), 10,
     "plans[0].price.seats.teirs", "did you mean 'tiers'"),
    ("wrong type", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: forty}"), 12,
     "plans[0].price.seats.tiers[1].unit", "expected a number, got 'forty'"),
    ("negative price", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: -40}"), 12,
     "plans[0].price.seats.tiers[1].unit", "zero or more, got -40"),
    ("tiers out of order", ("{up_to: 50, unit: 40}", "{up_to: 5, unit: 40}"), 12,
     "plans[0].price.seats.tiers[1].up_to", "out of order or overlapping"),
    ("tiers overlapping", ("{up_to: 50, unit: 40}", "{up_to: 10, unit: 40}"), 12,
     "plans[0].price.seats.tiers[1].up_to", "must be above the previous tier's up_to 10"),
    ("last tier bounded", ("{unit: 30}", "{up_to: 200, unit: 30}"), 13,
     "plans[0].price.seats.tiers[2].up_to", "last tier must have no up_to"),
    ("undeclared metric", ("api_calls: {unit: 0.001", "api_call: {unit: 0.001"), 15,
     "plans[0].price.usage.api_call", "undeclared metric 'api_call' — did you mean 'api_calls'"),
    ("discount above 1", ("currency: USD", "currency: USD\nannual_discount: 20"), 2,
     "annual_discount", "between 0 and 1, got 20 (write 20% as 0.2)"),
    ("negative discount", ("currency: USD", "currency: USD\nannual_discount: -0.1"), 2,
     "annual_discount", "between 0 and 1"),
    ("unknown currency", ("currency: USD", "currency: USDD"), 1, "currency",
     "unknown currency 'USDD' — did you mean 'USD'"),
    ("model field mismatch", ("api_calls: {unit: 0.001", "api_calls: {pricing: volume, unit: 0.001"),
     15, "plans[0].price.usage.api_calls.unit", "does not apply to pricing: volume"),
    ("missing plan name", ("    name: Team\n", ""), 5, "plans[0].name", "is required"),
    ("duplicate key", ("    name: Team\n", "    name: Team\n    name: Squad\n"), 7,
     "plans[0].name", "written twice"),
    ("NaN price", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: .nan}"), 12,
     "plans[0].price.seats.tiers[1].unit", "expected a finite number, got NaN"),
    ("NaN discount", ("currency: USD", "currency: USD\nannual_discount: .NaN"), 2,
     "annual_discount", "expected a finite number, got NaN"),
    ("NaN figure", ("currency: USD", "currency: USD\nsite: {proof: {stats: [{value: .NAN, "
                    "label: uptime}]}}"), 2, "site.proof.stats[0].value",
     "expected a finite number, got NaN"),
    ("minus infinity figure", ("currency: USD", "currency: USD\nsite: {proof: {stats: [{value: "
                               "-.inf, label: uptime}]}}"), 2, "site.proof.stats[0].value",
     "expected a finite number, got -Infinity"),
    ("base-60 price", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: 3:1}"), 12,
     "plans[0].price.seats.tiers[1].unit", "expected a number, got '3:1'"),
    ("tagged non-number", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: !!int abc}"), 12,
     "plans[0].price.seats.tiers[1].unit", "expected a whole number, got 'abc'"),
    ("price in other digits", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: '٤٠'}"), 12,
     "plans[0].price.seats.tiers[1].unit", "expected a number written with the digits 0-9, got '٤٠'"),
    ("5,000 digits", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: " + "9" * 5000 + "}"), 12,
     "plans[0].price.seats.tiers[1].unit", "is far too large"),
    ("tag cannot read its value", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: !!bool maybe}"),
     12, "plans[0].price.seats.tiers[1].unit", "!!bool cannot read 'maybe'"),
    ("site url with markup", ("currency: USD", "currency: USD\nsite: {url: 'https://a.example/"
                              "\"><img src=x onerror=alert(1)>'}"), 2, "site.url",
     "it is not an http:// or https:// address of a host, port and path alone"),
    ("site url with a line", ("currency: USD", "currency: USD\nsite: {url: \"https://a.example/"
                              "\\nDisallow: /\"}"), 2, "site.url", "control character, tab or newline"),
    ("bad timestamp", ("    name: Team", "    name: !!timestamp 2024-13-45"), 6, "plans[0].name",
     "!!timestamp cannot read '2024-13-45'"),
    ("annual price missing", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: {monthly: 40}}"), 12,
     "plans[0].price.seats.tiers[1].unit.annual", "is required"),
    ("annual price negative", ("{up_to: 50, unit: 40}", "{up_to: 50, unit: {monthly: 40,\n"
                               "              annual: -32}}"), 13,
     "plans[0].price.seats.tiers[1].unit.annual", "zero or more, got -32"),
    ("billing near miss", ("    name: Team\n", "    name: Team\n    billing: [monthly, anual]\n"),
     7, "plans[0].billing[1]", "did you mean 'annual'"),
    ("a book without a plan's price", ("currency: USD", "currency: USD\nprice_books: {EUR: "
                                       "{plans: {}}}"), 2, "price_books.EUR.plans",
     "no EUR price for the Team plan ('team')"),
    ("a book in an unknown currency", ("currency: USD", "currency: USD\nprice_books:\n  euro: {}"),
     3, "price_books.euro", "unknown currency 'euro' — did you mean 'EUR'"),
    ("sales threshold's metric near miss", ("currency: USD", "currency: USD\nsales_threshold:\n"
                                            "  usage: {api_call: 1000}"), 3,
     "sales_threshold.usage.api_call", "did you mean 'api_calls'"),
    ("plan's sales threshold field near miss", ("    name: Team\n", "    name: Team\n"
                                                "    sales_threshold: {montly: 50000}\n"), 7,
     "plans[0].sales_threshold.montly", "did you mean 'monthly'"),
    ("a book without the sales threshold's money", (
        "currency: USD", "currency: USD\nsales_threshold: {monthly: 50000}\nprice_books:\n"
        "  EUR:\n    plans: {team: {price: {seats: {pricing: graduated, tiers: [{up_to: 10, unit: 46},"
        " {up_to: 50, unit: 37}, {unit: 28}]}, usage: {api_calls: {unit: 0.001}}}}}"), 4,
     "price_books.EUR.sales_threshold", "write it in EUR too"),
]


@pytest.mark.parametrize("case, edit, line, field, words", CASES, ids=[c[0] for c in CASES])
def test_mistake_is_located_and_explained(tmp_path, case, edit, line, field, words):
    old, new = edit
    assert old in GOOD
    texts, errors = errors_for(tmp_path, GOOD.replace(old, new, 1))
    match = [e for e in errors if e.path == field]
    assert match, f"no error at {field}: {texts}"
    assert words in match[0].message, texts
    assert match[0].line == line, texts
    assert match[0].file.endswith("plans.yaml") and match[0].column >= 1
    assert str(match[0]).startswith(f"{match[0].file}:{line}:")


@pytest.mark.parametrize("url", ["https://relaykit.example/", "http://localhost:8000",
                                 "https://a.example/en-us/~team/%C3%A9/"])
def test_a_site_url_is_an_address_and_nothing_else(tmp_path, url):
    """It is printed as it is into pages (Material's canonical link) and robots.txt."""
    path = tmp_path / "plans.yaml"
    path.write_text(GOOD.replace("currency: USD", f"currency: USD\nsite: {{url: '{url}'}}"),
                    encoding="utf-8")
    assert read_catalog(path).errors == []


def test_good_catalog_has_no_problem(tmp_path):
    path = tmp_path / "plans.yaml"
    path.write_text(GOOD, encoding="utf-8")
    read = read_catalog(path)
    assert read.errors == [] and read.catalog.plans[0].id == "team"


def _every_price_both_ways(monthly, annual):
    """A catalog writing each money field the engine reads as ``{monthly, annual}``."""
    both = {"monthly": monthly, "annual": annual}
    price = {"flat": both, "seats": {"pricing": "graduated", "tiers": [
                 {"up_to": 5, "unit": both, "flat": both}, {"unit": both}]},
             "usage": {"api_calls": {"pricing": "package",
                                     "package": {"size": 1000, "price": both}}}}
    return {"currency": "USD", "metrics": {"api_calls": {"name": "API calls", "unit": "calls",
                                                         "max": 1000}},
            "addons": {"sso": {"name": "SSO", "flat": both, "per_seat": both}},
            "plans": [{"id": "team", "name": "Team", "billing": ["monthly", "annual"],
                       "price": price}],
            "price_books": {"EUR": {"plans": {"team": {"price": price}},
                                    "addons": {"sso": {"flat": both, "per_seat": both}}}},
            "site": {"pricing": {"tax": {"USD": "Plus sales tax.", "EUR": "Excluding VAT."}}}}


def test_the_schema_takes_a_price_for_each_billing_wherever_the_engine_does():
    """Editors complete and check prices written {monthly, annual} wherever the engine reads
    one (its one reader of money fields), in the catalog's own prices and in a price book."""
    data = _every_price_both_ways(10, 8)
    assert schema_problems(data, plans_schema()) == []
    catalog = load_catalog({k: v for k, v in data.items() if k != "site"})
    assert catalog.at("annual").plan("team").flat == 8
    bad = _every_price_both_ways(10, "eight")
    said = {p.path for p in schema_problems(bad, plans_schema())}
    engine = {p.path for p in _problems(lambda: load_catalog(
        {k: v for k, v in bad.items() if k != "site"}))}
    # the engine leaves a book's price of a plan (or add-on) with a mistake of its own unread:
    # that mistake is the one to fix; the schema sees both
    assert engine <= said and "addons.sso.per_seat.annual" in engine
    assert "price_books.EUR.plans.team.price.usage.api_calls.package.price.annual" in said
    assert "price_books.EUR.addons.sso.flat.annual" in said


def _problems(load):
    with pytest.raises(CatalogError) as err:
        load()
    return err.value.problems


def test_the_schema_names_the_engines_pricing_models_and_the_key_each_reads():
    """Editors read plans.schema.json as it is, so it spells out the model list: the names of
    MODELS in their order, the default, and on each price key the models that read it
    ("graduated / volume: ordered tiers."). A model entered on one side only fails here."""
    charge = plans_schema()["$defs"]["charge"]["properties"]
    assert charge["pricing"]["enum"] == list(MODELS)
    assert f"default {DEFAULT} when 'unit' is given" in charge["pricing"]["description"]
    for key in MODEL_KEYS:
        readers = charge[key]["description"].split(":")[0].split(" / ")
        assert readers == [name for name, model in MODELS.items() if model.needs == key], key


def test_yaml_syntax_error_is_located(tmp_path):
    texts, errors = errors_for(tmp_path, GOOD.replace("name: Team", "name: [Team"))
    assert "YAML syntax error" in texts[0]
    assert errors[0].line in (6, 7)


@pytest.mark.parametrize("old, new, field", [
    ("max: 1000000", "max: lots", "max"), ("max: 1000000", "max: 0", "max"),
    ("max: 1000000}", "max: 1000000, step: 0}", "step"), ("unit: calls", "unit: [calls]", "unit")])
def test_a_metric_with_a_mistake_is_the_only_error_not_every_plan_using_it(tmp_path, old, new,
                                                                            field):
    texts, errors = errors_for(tmp_path, GOOD.replace(old, new, 1))
    assert [e.path for e in errors] == [f"metrics.api_calls.{field}"], texts


# A quote or bracket left open makes YAML read on and fail lines below, often on a line
# with nothing wrong: the error points at the opening instead, and says where YAML failed.
# (case, edits to GOOD, expected line:column, words in the message)
SYNTAX_CASES = [
    ('" never closed', [("name: Team", 'name: "Team')], "6:11",
     'this quoted text is never closed: no " before the end of the file'),
    ("' never closed", [("name: Team", "name: 'Team")], "6:11",
     "this quoted text is never closed: no ' before the end of the file"),
    ('" closed lines below', [("name: Team", 'name: "Team'), ("unit: 0.001", 'unit: "0.001"')],
     "6:11", 'is the closing " of this quoted text missing? It runs on to line 15, where YAML '
     'fails'),
    ("' closed lines below", [("name: Team", "name: 'Team"), ("unit: 0.001", "unit: '0.001'")],
     "6:11", "is the closing ' of this quoted text missing? It runs on to line 15"),
    ('" in a flow mapping', [("{up_to: 10, unit: 50}", '{up_to: 10, unit: "50}'),
                             ("unit: 0.001", 'unit: "0.001"')],
     "11:31", 'is the closing " of this quoted text missing? It runs on to line 15'),
    ("[ not closed", [("name: Team", "name: [Team")], "6:11",
     "is the closing ] of this list missing? It runs on to line 7, where YAML fails: expected "
     "',' or ']'"),
    ("{ not closed", [("{up_to: 10, unit: 50}", "{up_to: 10, unit: 50")], "11:13",
     "is the closing } of this mapping missing? It runs on to line 12"),
    ("key without ':'", [("name: Team", "name Team")], "6:5",
     "this text is read as a key, but no ':' follows it (could not find expected ':' on line 7)"),
    ("key without ':' runs on", [("pricing: graduated", "pricing graduated")], "9:9",
     "this text runs on to line 10, where its ':' is not allowed: is a ':' missing on this line"),
    ("bad indentation", [("      usage:", "     usage:")], "14:6",
     "this line is not lined up with the lines above it: indent it by as many spaces as the "
     "other keys or list items of its block (which starts on line 5)"),
    ("a list item out of line", [("          - {up_to: 50", "         - {up_to: 50")], "12:10",
     "this line is not lined up with the lines above it"),
    ("': ' inside a text", [("name: Team", "name: Team: for teams")], "6:15",
     "a ': ' inside this text makes YAML read it as a key: write the whole text in quotes"),
    ("a tab", [("    name: Team", "\tname: Team")], "6:1",
     "this line is indented with a tab: YAML indents with spaces only"),
    ("a text starting with @", [("name: Team", "name: @Team")], "6:11",
     "a text cannot start with @ in YAML: write the whole text in quotes"),
    ("a text starting with *", [("name: Team", "name: *Team* plan")], "6:11",
     "a text that starts with * or & is read as a reference to another value"),
    ("text after a closing '", [("name: Team", "name: 'Team's plan'")], "6:11",
     "this text goes on after its closing ': write a ' inside '...' twice ('Don''t')"),
    ('text after a closing "', [("name: Team", 'name: "Team" plan')], "6:11",
     'this text goes on after its closing ": write a " inside "..." as \\" or put the text'),
    ("a text starting with [", [("name: Team", "name: [Beta] Team")], "6:18",
     "a text that starts with [ or { is read as a list or a mapping: write the whole text in "
     "quotes"),
]


@pytest.mark.parametrize("case, edits, where, words", SYNTAX_CASES,
                         ids=[c[0] for c in SYNTAX_CASES])
def test_syntax_error_points_at_the_mistake(tmp_path, case, edits, where, words):
    text = GOOD
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    texts, errors = errors_for(tmp_path, text)
    assert len(errors) == 1 and f"plans.yaml:{where}: (top level): YAML syntax error: " in texts[0]
    assert words in errors[0].message, texts


# Bytes that are not UTF-8 and characters YAML forbids, at their line and column (they were
# reported at 1:1 with an offset into the file). (case, file bytes, line:column, message)
LONG_COMMENT = ("# " + "x" * 98 + "\n") * 200
ENCODING_CASES = [
    ("Latin-1 byte", GOOD.replace("name: Team", "name: Équipe").encode("latin-1"), "6:11",
     "this line has a byte that is not UTF-8 text (0xc9): save the file as UTF-8"),
    ("Latin-1 byte after UTF-8 text",   # the column counts characters, not bytes
     GOOD.encode().replace(b"name: Team", "name: Équipe ".encode() + b"\xe9"), "6:18",
     "not UTF-8 text (0xe9)"),
    ("Latin-1 byte far into the file", (LONG_COMMENT + GOOD.replace("name: Team", "name: Équipe"))
     .encode("latin-1"), "206:11", "not UTF-8 text (0xc9)"),
    ("bell character", GOOD.replace("name: Team", "name: Te\x07am").encode(), "6:13",
     "this line has a character YAML does not allow, often invisible (U+0007): delete it"),
    ("DEL with CRLF lines", GOOD.replace("name: Team", "name: Team\x7f").replace("\n", "\r\n")
     .encode(), "6:15", "a character YAML does not allow, often invisible (U+007F)"),
]


@pytest.mark.parametrize("case, data, where, words", ENCODING_CASES,
                         ids=[c[0] for c in ENCODING_CASES])
def test_bad_bytes_and_characters_are_located(tmp_path, case, data, where, words):
    path = tmp_path / "plans.yaml"
    path.write_bytes(data)
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1
    assert str(errors[0]).startswith(f"{path}:{where}: ") and words in errors[0].message


def nested_aliases(levels, copies=10):
    """A "billion laughs": each level is a list of ``copies`` aliases to the level before."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * copies) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * copies) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def nested_merges(levels):
    """Each level merges the one before (<<) and holds it once more: twice its size."""
    return "m0: &m0 {a: x}\n" + "".join(f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: *m{i - 1}}}\n"
                                        for i in range(1, levels))


# (case, document, field refused, its line)
ALIAS_BOMBS = [
    ("nested aliases", nested_aliases(6), "l4", 5),    # l4 holds 111,111 values, 10 ** 6 in all
    ("seven levels", nested_aliases(7), "l4", 5),      # took 95 s and 2.3 GB
    ("nested merges", nested_merges(20), "m15", 16),
    ("in a plan's features", GOOD.replace("    name: Team\n", "    name: Team\n    features:\n"
                                          + "".join(f"      - {line.split(': ', 1)[1]}\n"
                                                    for line in nested_aliases(6).splitlines())),
     "plans[0].features[4]", 12),
]


@pytest.mark.parametrize("case, text, field, line", ALIAS_BOMBS, ids=[c[0] for c in ALIAS_BOMBS])
def test_a_document_aliases_blow_up_is_refused_quickly(tmp_path, case, text, field, line):
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    _, marks, _ = read_yaml(path)
    assert len(marks) < 100, "every expanded path was walked"
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1, [str(e) for e in errors]
    assert errors[0].path == field and errors[0].line == line
    assert "more than 100,000 values once its aliases (*name) are expanded" in errors[0].message


@pytest.mark.parametrize("text, field, line", [
    ("a: &a [x, *a]\n", "a[1]", 1),
    ("currency: USD\nplans:\n  - &p\n    id: a\n    more: [x, *p]\n", "plans[0].more[1]", 5),
    ("a: &a {x: 1, <<: *a}\n", "a", 1),
], ids=["list", "plan", "merge"])
def test_an_alias_inside_itself_is_a_located_error(tmp_path, text, field, line):
    texts, errors = errors_for(tmp_path, text)   # was "maximum recursion depth exceeded" at 1:1
    assert len(errors) == 1 and errors[0].path == field and errors[0].line == line, texts
    assert "this alias refers to the list or mapping that contains it" in errors[0].message


def test_fields_under_a_repeated_alias_are_located_at_the_alias(tmp_path):
    text = GOOD.replace("    price:\n", "    price: &price\n      flat: -5\n") + \
        "  - id: pro\n    name: Pro\n    price: *price\n"
    texts, errors = errors_for(tmp_path, text)
    assert [(e.path, e.line) for e in errors if e.path.endswith(".flat")] == [
        ("plans[0].price.flat", 8), ("plans[1].price.flat", 19)], texts


def test_duplicate_plan_ids(tmp_path):
    doubled = GOOD + "  - id: team\n    name: Team again\n    price: {flat: 10}\n"
    texts, errors = errors_for(tmp_path, doubled)
    dup = [e for e in errors if "duplicate plan id 'team'" in e.message]
    assert dup and dup[0].path == "plans[1].id" and dup[0].line == 16


def test_every_error_is_reported_not_only_the_first(tmp_path):
    bad = (GOOD.replace("currency: USD", "currency: XYZ")
               .replace("pricing: graduated", "pricing: graduatd")
               .replace("unit: 0.001", "unit: -1"))
    texts, errors = errors_for(tmp_path, bad)
    fields = {e.path for e in errors}
    assert {"currency", "plans[0].price.seats.pricing",
            "plans[0].price.usage.api_calls.unit"} <= fields


def test_missing_file_and_empty_file(tmp_path):
    read = read_catalog(tmp_path / "nope.yaml")
    catalog, errors = read.catalog, read.errors
    assert catalog is None and "cannot read the file" in str(errors[0])
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    read = read_catalog(tmp_path / "empty.yaml")
    catalog, errors = read.catalog, read.errors
    assert catalog is None and "empty" in str(errors[0])


def test_floats_in_yaml_are_read_as_exact_decimals(tmp_path):
    path = tmp_path / "plans.yaml"
    path.write_text(GOOD.replace("unit: 0.001", "unit: 0.1"), encoding="utf-8")
    catalog = read_catalog(path).catalog
    assert str(catalog.plans[0].usage["api_calls"].unit) == "0.1"


# Figures as YAML 1.2 reads them (PyYAML reads YAML 1.1: 3:1 was 181 and 010 was 8).
YAML_1_2_NUMBERS = [("3:1", "3:1"), ("1:30.5", "1:30.5"), ("010", 10), ("-012", -12),
                    ("0o10", 8), ("0b101", "0b101"), ("1_000", "1_000"), ("1_000.5", "1_000.5"),
                    ("1e3", Decimal("1E+3"))]


@pytest.mark.parametrize("written, read", YAML_1_2_NUMBERS, ids=[w for w, _ in YAML_1_2_NUMBERS])
def test_numbers_are_read_as_yaml_1_2_reads_them(tmp_path, written, read):
    path = tmp_path / "plans.yaml"
    path.write_text(GOOD + f"site:\n  proof:\n    stats:\n      - {{value: {written}, label: x}}\n",
                    encoding="utf-8")
    checked = read_catalog(path)
    assert checked.errors == []
    value = checked.content.site["proof"]["stats"][0]["value"]
    assert value == read and type(value) is type(read)


def test_dict_catalog_errors_carry_paths_without_positions():
    with pytest.raises(CatalogError) as info:
        load_catalog({"currency": "EUR", "plans": [{"id": "Bad Id", "name": "X", "price": {}}]})
    problem = info.value.problems[0]
    assert problem.path == "plans[0].id" and problem.line is None
    assert "lowercase" in problem.message


@pytest.mark.parametrize("data", [None, [], "text", 3, {"plans": []}, {"currency": "USD"},
                                  {"currency": "USD", "plans": [None]},
                                  {"currency": "USD", "plans": [{"id": "a", "name": "A"}]}])
def test_non_catalogs_are_catalog_errors(data):
    with pytest.raises(CatalogError):
        load_catalog(data) if isinstance(data, dict) else _parse(data)


def _parse(data):
    from calculator.catalog import parse_catalog

    return parse_catalog(data)


def test_schema_catches_site_content_mistakes_the_engine_leaves_alone(tmp_path):
    bad = GOOD.replace("    name: Team\n", "    name: Team\n    popular: very\n")
    texts, errors = errors_for(tmp_path, bad)
    assert any(e.path == "plans[0].popular" and "true or false" in e.message for e in errors), texts


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

YAML_BITS = st.sampled_from([
    "currency: USD\n", "plans:\n", "  - id: a\n", "    name: A\n", "    price: {flat: 1}\n",
    "    price:\n", "      seats: {pricing: volume, tiers: [{up_to: 5, unit: 1}, {unit: 2}]}\n",
    "metrics: {m: {name: M, unit: u, max: 10}}\n", "- [", "]: x\n", "&a x\n", "*a\n", "<<: *a\n",
    "key: !!python/object:os.system 'x'\n", "\t", ": ", "'", "\"", "{", "}", "\n", "-", "1e400",
    "~", "!!float nan\n", "0.1\n", "? complex\n", "%YAML 1.1\n---\n", "...\n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(YAML_BITS | st.text(max_size=12), max_size=20).map("".join))
def test_any_yaml_text_gives_a_catalog_or_located_errors(tmp_path, text):
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path)
    assert (read.catalog is None) == bool(read.errors)
    for problem in read.errors:
        assert problem.file == str(path) and problem.line >= 1 and problem.message


def test_catalog_json_loads_back_like_its_dict_and_the_engine_reads_no_file(tmp_path, demo):
    """catalog.json (what the browser's engine loads) is read back unchanged, by the engine
    from its dict and by the site from the file; the engine itself takes no path."""
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(demo.to_dict()), encoding="utf-8")
    assert load_catalog(json.loads(path.read_text(encoding="utf-8"))) == demo
    assert load_catalog_file(path) == demo
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogError, match="YAML syntax error"):
        load_catalog_file(path)
    for not_a_dict in (path, str(path), 42):
        with pytest.raises(TypeError, match="hands over its price part"):
            load_catalog(not_a_dict)


def test_a_catalog_of_more_plans_than_a_page_can_show_is_refused_at_its_plans(tmp_path):
    """Each plan is a card, a column of the comparison and a curve of the chart: a catalog of
    thousands (a generated one, say) is refused with the limit, not built for minutes."""
    plans = "".join(f"  - {{id: p{k}, name: P{k}, price: {{flat: {k}}}}}\n" for k in range(101))
    path = tmp_path / "plans.yaml"
    path.write_text(f"currency: USD\nplans:\n{plans}", encoding="utf-8")
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None
    assert [str(e) for e in errors] == [f"{path}:2:1: plans: has 101 items, more than the 100 "
                                        "allowed"]
    path.write_text(f"currency: USD\nplans:\n{plans.rsplit('  - ', 1)[0]}", encoding="utf-8")
    assert read_catalog(path, lint=False).errors == []


# (case, document, line and column of the list or mapping one level too deep, its depth as
# said: counted up to 1,000 levels, beyond which PyYAML's scanner slows to hours)
DEEP = [
    ("list 600 deep", "[" * 600 + "]" * 600, (1, 33), "600"),
    ("list 100,000 deep", "[" * 100_000 + "]" * 100_000, (1, 33), "more than 1,000"),
    ("flow mapping 600 deep", "{a: " * 600 + "1" + "}" * 600, (1, 129), "600"),
    ("flow mapping 100,000 deep", "{a: " * 100_000 + "1" + "}" * 100_000, (1, 129),
     "more than 1,000"),
    ("block mapping 600 deep", "".join(f"{'  ' * i}a:\n" for i in range(599)) + "  " * 599 + "b: 1",
     (33, 65), "600"),
    ("block list 100,000 deep", "- " * 100_000 + "x", (1, 65), "more than 1,000"),
    ("list 1,000 deep", "[" * 1000 + "]" * 1000, (1, 33), "1,000"),
    ("deep in a plan", GOOD + "    features:\n      - " + "[" * 40 + "x" + "]" * 40, (17, 37),
     "44"),
]


@pytest.mark.parametrize("case, text, where, depth", DEEP, ids=[c[0] for c in DEEP])
def test_a_document_nested_too_deep_is_refused_in_words_where_it_gets_too_deep(
        tmp_path, case, text, where, depth):
    path = tmp_path / "plans.yaml"   # was "maximum recursion depth exceeded" at 1:1
    path.write_text(text + "\n", encoding="utf-8")
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1, [str(e) for e in errors]
    assert (errors[0].line, errors[0].column) == where
    assert errors[0].message == (f"the file nests lists and mappings {depth} levels deep, more "
                                 f"than a catalog ever needs (at most {MAX_DEPTH})")


def test_a_document_of_too_many_values_is_refused_without_blaming_aliases(tmp_path):
    # nodes in order: the top mapping, the key "big", its list, then the items from line 2:
    # the 100,001st value is item 99,997, on line 99,999
    path = tmp_path / "plans.yaml"
    path.write_text("big:\n" + "- x\n" * (MAX_VALUES + 1), encoding="utf-8")
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1, [str(e) for e in errors]
    assert (errors[0].line, errors[0].column) == (99_999, 3)
    assert errors[0].message == ("the file holds more than 100,000 values (texts, numbers, "
                                 "lists and mappings), far more than a catalog needs")


# (case, how to make the file at ``path``, the message)
NOT_FILES = [
    ("a folder", lambda path: path.mkdir(), "this is a folder, not a file: a catalog is read "
                                            "from a regular file"),
    ("a FIFO", os.mkfifo, "this is a named pipe (FIFO), not a file: a catalog is read from a "
                          "regular file"),
    ("a link to /dev/zero", lambda path: path.symlink_to("/dev/zero"),
     "this is a device (like /dev/zero), not a file: a catalog is read from a regular file"),
    ("17 MB", lambda path: path.write_bytes(b"") or os.truncate(path, 17 * MB),
     "the file is 17.0 MB, larger than the 16 MB a catalog may be"),
    ("a byte too many", lambda path: path.write_bytes(b"") or os.truncate(path, CATALOG_LIMIT + 1),
     "the file is 16.1 MB, larger than the 16 MB a catalog may be"),
]


@pytest.mark.parametrize("case, make, words", NOT_FILES, ids=[c[0] for c in NOT_FILES])
def test_a_catalog_that_is_no_file_or_too_large_is_refused_unread(tmp_path, case, make, words):
    path = tmp_path / "plans.yaml"
    make(path)
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1
    assert str(errors[0]) == f"{path}:1:1: (top level): {words}"


def test_a_file_of_its_limit_is_read_and_a_byte_more_refused(tmp_path):
    path = tmp_path / "plans.yaml"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 10, "a catalog") == b"x" * 10
    with pytest.raises(FileRefused):
        read_limited(path, 9, "a catalog")


def test_a_text_starting_with_an_ampersand_is_not_cut_silently(tmp_path):
    """"&Co workspace" is, to YAML, the text "workspace" named "Co": said at its line (an
    anchor an alias uses is meant, and stays quiet)."""
    texts, errors = errors_for(tmp_path, GOOD.replace("name: Team", "name: &Co workspace"))
    assert len(texts) == 1 and texts[0].endswith(
        "plans.yaml:6:11: (top level): YAML reads '&Co' at the start of this text as a name for "
        "it and drops it from the text: write the whole text in quotes")
    meant = tmp_path / "meant.yaml"
    meant.write_text(GOOD.replace("name: Team", "name: &team Team\n    description: *team"),
                     encoding="utf-8")
    assert read_catalog(meant).errors == []
