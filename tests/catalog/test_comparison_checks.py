"""validate warns when a comparison feature row leaves a plan out: the table would say "Not
included" whatever the plan's card says."""

import yaml

from pricing_site.catalog import read_catalog
from tests.support.paths import DEMO


def with_new_plan(tmp_path):
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    data["plans"].insert(3, {"id": "scale", "name": "Scale", "features": ["Named CSM"],
                             "price": {"flat": 999, "seats": {"unit": 40}}})
    data["price_books"]["EUR"]["plans"]["scale"] = {"price": {"flat": 949, "seats": {"unit": 37}}}
    del data["variants"]
    path = tmp_path / "plans.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path, data


def test_a_new_plan_missing_from_the_rows_is_warned_row_by_row(tmp_path):
    path, data = with_new_plan(tmp_path)
    read = read_catalog(path)
    assert not read.errors
    rows = data["site"]["pricing"]["comparison"]["features"]
    gaps = [w for w in read.warnings if "comparison" in w.path]
    assert [w.path for w in gaps] == [f"site.pricing.comparison.features[{i}].plans"
                                      for i in range(len(rows))]
    assert gaps[-1].message == ("the row 'Support' gives plan 'scale' no value, so the table "
                                "shows it \"Not included\" (write scale: false if that is meant)")
    assert all(w.line for w in gaps)  # located in the file


def test_a_row_that_names_every_plan_is_not_warned(tmp_path):
    path, data = with_new_plan(tmp_path)
    for row in data["site"]["pricing"]["comparison"]["features"]:
        row["plans"]["scale"] = False
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert not [w for w in read_catalog(path).warnings if "comparison" in w.path]
    assert not [w for w in read_catalog(DEMO).warnings if "comparison" in w.path]
