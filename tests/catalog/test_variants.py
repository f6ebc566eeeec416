"""A/B variants: merging patches, located errors, the price lint (no site build here)."""

import copy
from decimal import Decimal

import pytest

from pricing_site.catalog import read_catalog
from pricing_site.catalog.yaml_reader import read_yaml
from pricing_site.catalog.variants import variant_documents, variant_problems
from pricing_site.experiments.spec import experiment_spec

from tests.site_support import DEMO


def demo():
    data, marks, problems = read_yaml(DEMO)
    assert not problems
    return data, marks


def with_variation(data, variation):
    data = copy.deepcopy(data)
    data["variants"]["variations"].append(variation)
    return data


def test_control_is_the_file_without_its_variants_section():
    data, _ = demo()
    documents = variant_documents(data)
    assert list(documents) == ["control", "yearly-push", "business-first"]
    assert "variants" not in documents["control"]
    assert documents["control"] == {k: v for k, v in data.items() if k != "variants"}


def test_patch_merges_mappings_and_patches_plans_by_id_not_position():
    data, _ = demo()
    business = variant_documents(data)["business-first"]
    plans = {p["id"]: p for p in business["plans"]}
    assert [p["id"] for p in business["plans"]] == ["free", "team", "business", "enterprise"]
    assert plans["business"]["popular"] is True and plans["business"]["badge"] == "Best for growing teams"
    assert plans["business"]["price"] == data["plans"][2]["price"]      # untouched fields stay
    assert plans["team"]["popular"] is False and "badge" not in plans["team"]   # null removes


def test_other_lists_are_replaced_and_unknown_plan_ids_are_added():
    data, _ = demo()
    data = with_variation(data, {"key": "short", "name": "Short", "weight": 0, "patch": {
        "plans": [{"id": "starter", "name": "Starter", "price": {"flat": 9}}],
        "site": {"faq": {"items": [{"question": "Q?", "answer": "A."}]}}}})
    document = variant_documents(data)["short"]
    assert [p["id"] for p in document["plans"]][-1] == "starter"
    assert document["site"]["faq"]["items"] == [{"question": "Q?", "answer": "A."}]
    assert document["site"]["faq"]["title"] == data["site"]["faq"]["title"]


def test_an_error_names_the_variant_and_the_line_of_the_patch(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace(
        "            badge: Best for growing teams\n",
        "            badge: Best for growing teams\n            price: {flat: -5}\n")
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1
    line = text.splitlines().index("            price: {flat: -5}") + 1
    assert errors[0].line == line
    assert "[variant business-first] plans[2] (business).price.flat" in str(errors[0])


def test_removing_a_required_field_points_at_the_patch_line(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace(
        "        annual_discount: 0.25\n", "        annual_discount: 0.25\n        currency: null\n")
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path)
    errors = read.errors
    assert [e.path for e in errors] == ["[variant yearly-push] currency"]
    assert errors[0].line == text.splitlines().index("        currency: null") + 1


def test_a_key_that_build_all_variants_writes_itself_is_refused_at_its_line(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace("- key: business-first", "- key: edge")
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path)
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1
    assert (errors[0].file, errors[0].line) == (str(path), text.splitlines().index(
        "    - key: edge") + 1)
    assert "[variant edge] variants.variations[2].key: the key 'edge' is reserved" \
        in str(errors[0])


@pytest.mark.parametrize("key", ["edge", "variants.json", "_headers", "assets"])
def test_every_name_beside_the_variation_folders_is_reserved(key):
    data, marks = demo()   # (the schema refuses the names with a dot or an underscore first)
    data["variants"]["variations"][2]["key"] = key
    errors, _ = variant_problems(data, marks, "plans.yaml")
    assert [str(e).split(": ", 1)[1] for e in errors] == [
        f"[variant {key}] variants.variations[2].key: the key '{key}' is reserved: build "
        f"--all-variants writes its own dist/{key} beside the variation folders"]
    assert errors[0].line == marks["variants.variations[2].key"][0]


@pytest.mark.parametrize("old, new, field", [
    ("        annual_discount: 0.25\n", "        annual_discount: .nan\n",
     "[variant yearly-push] annual_discount"),
    ("            badge: Best for growing teams\n",
     "            badge: Best for growing teams\n            price: {flat: .NaN}\n",
     "[variant business-first] plans[2] (business).price.flat"),
], ids=["discount", "plan price"])
def test_a_nan_in_a_patch_names_the_variant_and_the_line(tmp_path, old, new, field):
    text = DEMO.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path)   # jsonschema used to raise decimal.InvalidOperation
    catalog, errors = read.catalog, read.errors
    assert catalog is None and len(errors) == 1
    assert errors[0].line == text.splitlines().index(new.splitlines()[-1]) + 1
    assert f"{field}: expected a finite number, got NaN" in str(errors[0])


@pytest.mark.parametrize("change, message", [
    (lambda s: s["variations"].__setitem__(0, {**s["variations"][0], "key": "base"}),
     "the first variation must be 'control'"),
    (lambda s: s["variations"][1].__setitem__("weight", Decimal("0.5")), "add up to 1.17"),
    (lambda s: s["variations"][2].__setitem__("key", "yearly-push"), "used by an earlier"),
])
def test_section_rules(change, message):
    data, marks = demo()
    change(data["variants"])
    errors, _ = variant_problems(data, marks, "plans.yaml")
    assert any(message in e.message for e in errors), [str(e) for e in errors]


def test_lint_warns_when_a_price_changes_silently():
    data, marks = demo()
    data["variants"]["variations"][1]["description"] = "A bolder yearly headline."
    _, warnings = variant_problems(data, marks, "plans.yaml")
    assert [w.path for w in warnings] == ["variants.variations[1]"]
    assert "changes a price" in warnings[0].message and warnings[0].line
    data["variants"]["variations"][1]["description"] = "New yearly price: 25% off."
    assert variant_problems(data, marks, "plans.yaml") == ([], [])


def test_copy_only_changes_do_not_warn():
    data, marks = demo()
    data["variants"]["variations"][2]["description"] = "Business highlighted."
    assert variant_problems(data, marks, "plans.yaml")[1] == []


def test_experiment_spec_is_growthbooks_shape():
    data, _ = demo()
    spec = experiment_spec(data)
    assert spec["key"] == spec["seed"] == "pricing-page-dec-2026"
    assert spec["hashVersion"] == 2 and spec["hashAttribute"] == "id" and spec["coverage"] == 1
    assert spec["weights"] == [0.34, 0.33, 0.33]
    assert spec["variations"][1] == {"key": "yearly-push", "name": "Save 25% yearly",
                                     "path": "/yearly-push/"}


def test_unknown_variant_is_a_located_error(tmp_path):
    from pricing_site.build.site import build_site
    assert build_site(str(DEMO), out=str(tmp_path / "x"), variant="nope") == 1
    assert not (tmp_path / "x").exists()
