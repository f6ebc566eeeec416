"""docs/catalog.md's recipes are catalogs that build, and price as the page says they do: each
recipe's YAML block is read as plans.yaml is, and each row of a recipe's table is quoted and
must come to the total the page writes (the page is the test's data, so they cannot drift)."""

import re
from decimal import Decimal

import pytest
import yaml

from calculator import QuoteError, quote
from pricing_site.catalog import read_catalog
from tests.support.paths import ROOT

D = Decimal
RECIPE = re.compile(r"```yaml\n# recipe: (.+?)\n(.*?)```", re.DOTALL)
# a worked row: | `{request}` | the bill in words | total |
ROW = re.compile(r"^\| `(?P<request>\{.*\})` \| (?P<bill>.*) \| (?P<total>[^|]+) \|$")
# what the issue asks the recipes to show
RECIPES = {"annual prices", "a second currency", "band pricing", "seat types", "coupon",
           "commitment", "a monthly credit", "storage per user", "talk to sales"}


def recipes():
    text = (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8")
    return {name: body for name, body in RECIPE.findall(text)}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each recipe read as plans.yaml is (the engine, the JSON Schema, the lint):
    ``{name: CatalogFile}``."""
    folder = tmp_path_factory.mktemp("recipes")
    out = {}
    for name, body in recipes().items():
        path = folder / f"{name.replace(' ', '-')}.yaml"
        path.write_text(body, encoding="utf-8")
        out[name] = read_catalog(path)
    return out


def worked_rows():
    """``{name: [(request, bill, total)]}``: each recipe's table, the rows after its YAML block
    up to the next recipe."""
    text = (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8")
    section = text.split("\n## Recipes\n", 1)[1]
    rows = {}
    for part in section.split("\n### ")[1:]:
        found = RECIPE.search(part)
        if found:
            rows[found[1]] = [(yaml.safe_load(m["request"]), m["bill"], m["total"].strip())
                              for m in map(ROW.match, part.splitlines()) if m]
    return rows


def test_the_page_has_its_recipes():
    assert set(recipes()) == RECIPES


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_each_recipe_is_a_catalog_without_a_problem(built, name):
    assert built[name].errors == [] and built[name].warnings == []


def test_annual_prices(built):
    catalog = built["annual prices"].catalog
    request = {"plan": "pro", "seats": 10}
    # $20 + 10 x $8.75 = $107.50 a month
    assert quote(catalog, request).total == D("107.50")
    yearly = quote(catalog, {**request, "billing": "annual"})
    # $240 - 20% ($48) + 12 x 10 x $7.25 ($870) = $1,062.00; a year at monthly prices is
    # 12 x $107.50 = $1,290.00
    assert yearly.total == D("1062.00") and yearly.annual_saving == D("228.00")
    # 12 x 10 x $6.50 = $780.00, and yearly only
    assert quote(catalog, {"plan": "yearly", "seats": 10}).total == D("780.00")
    with pytest.raises(QuoteError, match="billed yearly only"):
        quote(catalog, {"plan": "yearly", "seats": 10, "billing": "monthly"})


def test_a_second_currency(built):
    read = built["a second currency"]
    # one seat, billed at the minimum of 2: €19 + 2 x €8 = €35.00; $20 + 2 x $8.75 = $37.50
    euros = quote(read.catalog, {"plan": "pro", "currency": "EUR"})
    assert (euros.currency, euros.total) == ("EUR", D("35.00"))
    assert quote(read.catalog, {"plan": "pro"}).total == D("37.50")
    assert read.content.pricing["tax"]["EUR"] == "Prices in euros, excluding VAT."


def total(catalog, **request):
    result = quote(catalog, request)
    return result.total if result.bill.priced else "contact sales"


def test_seat_types(built):
    catalog = built["seat types"].catalog
    kinds = {"admin": 1, "guest": 12}
    # 2 members + 1 admin = 3 full seats x $15 = $45; guests 12 - 5 free = 7 x $5 = $35
    assert total(catalog, plan="team", seats=2, seat_kinds=kinds) == D("80.00")
    # the audit log counts members and guests: (3 + 12) x $2 = $30
    audited = total(catalog, plan="team", seats=2, seat_kinds=kinds, addons=["audit_log"])
    assert audited == D("110.00")
    # viewers are free and do not fill the minimum: 3 x $15
    assert total(catalog, plan="team", seats=1, seat_kinds={"viewer": 20}) == D("45.00")


def test_a_monthly_credit(built):
    catalog = built["a monthly credit"].catalog
    small = quote(catalog, {"plan": "pro", "usage": {"compute": 300, "storage": 20}})
    # $25 + compute $4.03 (all of it the credit's) + storage (20 - 8) x $0.125 = $1.50
    assert small.total == D("26.50")
    assert [n.add for n in small.nudges if n.kind == "credit"] == [D("5.97")]
    # compute 1,488 x $0.01344 = $19.99872 -> $20.00, $10 of it paid by the credit
    assert total(catalog, plan="pro", usage={"compute": 1488}) == D("35.00")


def test_storage_per_user(built):
    catalog = built["storage per user"].catalog
    # 10 x $12 = $120; 10 x 30 = 300 GB included; (500 - 300) x $0.02 = $4
    assert total(catalog, plan="business", seats=10, usage={"storage": 500}) == D("124.00")
    # 300 + 2 x 1,000 = 2,300 GB included; 200 x $0.02 = $4; packs 2 x $20 = $40
    assert total(catalog, plan="business", seats=10, usage={"storage": 2500},
                 addons={"storage_pack": 2}) == D("164.00")



TABLES = {name: rows for name, rows in worked_rows().items() if rows}


def test_the_new_recipes_have_their_bills_worked_out_in_a_table():
    assert {"band pricing", "coupon", "commitment"} <= set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_worked_row_comes_to_the_total_written(built, name):
    catalog = built[name].catalog
    for request, bill, total in TABLES[name]:
        got = quote(catalog, request).to_dict()
        shown = "contact sales" if got["status"] == "contact_sales" else got["display"]["total"]
        assert shown == total, (request, bill)
