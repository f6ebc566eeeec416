"""`pricing-site forecast`: the month-by-month table, its JSON and its CSV, on the demo catalog."""

import csv
import json
from decimal import Decimal

from calculator import quote
from pricing_site.catalog import load_catalog_file
from pricing_site.cli import main
from tests.support.paths import ROOT

ARGS = ["forecast", "--plan", "team", "--seats", "10", "--usage", "storage_gb=20",
        "--growth", "seats=0.08", "--growth", "storage_gb=0.15", "--months", "12",
        "--catalog", str(ROOT / "plans.yaml")]


def test_json_months_are_the_quotes_of_their_quantities(capsys):
    assert main([*ARGS, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    catalog = load_catalog_file(ROOT / "plans.yaml")
    assert [m["month"] for m in out["months"]] == list(range(1, 13))
    assert out["months"][0]["seats"] == 10 and out["months"][0]["usage"] == {"storage_gb": "20"}
    for month in out["months"]:
        single = quote(catalog, {"plan": "team", "seats": month["seats"], "usage": month["usage"]})
        assert month["total"] == str(single.total)
    assert Decimal(out["total"]) == sum(Decimal(m["total"]) for m in out["months"])


def test_the_table_and_the_csv(tmp_path, capsys):
    path = tmp_path / "forecast.csv"
    assert main([*ARGS, "--csv", str(path)]) == 0
    table = capsys.readouterr().out
    rows = list(csv.DictReader(path.open()))
    assert [r["month"] for r in rows] == [str(m) for m in range(1, 13)]
    assert set(rows[0]) == {"month", "seats", "usage.storage_gb", "status", "total", "currency"}
    total = sum(Decimal(r["total"]) for r in rows)
    assert f"Total over 12 months: ${total:,}" in table
    assert "Seats reach the 11–50 tier" in table


def test_target_and_errors(capsys):
    assert main(["forecast", "--plan", "team", "--seats", "10", "--target", "seats=20",
                 "--months", "6", "--json", "--catalog", str(ROOT / "plans.yaml")]) == 0
    assert json.loads(capsys.readouterr().out)["months"][-1]["seats"] == 20
    assert main(["forecast", "--plan", "team", "--growth", "sheep=0.1",
                 "--catalog", str(ROOT / "plans.yaml")]) == 2
    assert "not a quantity of this estimate" in capsys.readouterr().err
    assert main(["forecast", "--plan", "team", "--growth", "seats=0.1", "--target", "seats=9",
                 "--catalog", str(ROOT / "plans.yaml")]) == 2
    assert "both --growth and --target" in capsys.readouterr().err


def test_a_plan_sold_by_the_year_only_is_tabled_as_its_yearly_bills(tmp_path, capsys):
    catalog = tmp_path / "plans.yaml"
    catalog.write_text(json.dumps({"currency": "USD", "plans": [
        {"id": "annual", "name": "Annual", "billing": ["annual"],
         "price": {"flat": 100, "seats": {"unit": 40}}}]}), encoding="utf-8")
    assert main(["forecast", "--plan", "annual", "--seats", "10", "--growth", "seats=0.1",
                 "--months", "3", "--catalog", str(catalog)]) == 0
    table = capsys.readouterr().out
    # (100 + 10 x 40) x 12 = $6,000 in month 1; 11 and 12 seats: $40 and $80 true-ups
    assert ("Total over 3 months, billed yearly (each year's bill in its first month): "
            "$6,120.00") in table
    assert "Billed yearly (prepaid" not in table   # the same figure, said once
