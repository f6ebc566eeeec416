"""The recipes of docs/catalog.md, read from the page as a user copies them (through the site's
YAML reader and schema), and every figure written under them."""

import re
from decimal import Decimal

import pytest

from calculator import lint, quote
from pricing_site.catalog import load_catalog_file
from tests.support.paths import ROOT

D = Decimal


def recipes():
    """``{recipe title: its YAML}`` from the page's Recipes section."""
    page = (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8")
    section = page.split("\n## Recipes\n", 1)[1].split("\n## ", 1)[0]
    found = {}
    for part in section.split("\n### ")[1:]:
        title, _, body = part.partition("\n")
        found[title] = re.search(r"```yaml\n(.*?)```", body, re.S).group(1)
    return found


@pytest.fixture(scope="module")
def recipe(tmp_path_factory):
    folder, written = tmp_path_factory.mktemp("recipes"), recipes()

    def load(title):
        path = folder / f"{len(title)}.yaml"
        path.write_text(written[title], encoding="utf-8")
        return load_catalog_file(path)
    return load


def total(catalog, **request):
    result = quote(catalog, request)
    return result.total if result.bill.priced else "contact sales"


def test_the_page_has_the_four_recipes():
    assert list(recipes()) == ["Seat types: members, guests, viewers",
                               "A monthly credit toward usage", "Storage per user, pooled",
                               "Contact bands (Mailchimp-like)"]


def test_seat_types(recipe):
    catalog = recipe("Seat types: members, guests, viewers")
    kinds = {"admin": 1, "guest": 12}
    # 3 full seats x $15 = $45; guests 12 - 5 free = 7 x $5 = $35
    assert total(catalog, plan="team", seats=2, seat_kinds=kinds) == D("80.00")
    # the audit log counts members and guests: (3 + 12) x $2 = $30
    audited = total(catalog, plan="team", seats=2, seat_kinds=kinds, addons=["audit_log"])
    assert audited == D("110.00")
    assert total(catalog, plan="team", seats=1, seat_kinds={"viewer": 20}) == D("45.00")


def test_a_monthly_credit(recipe):
    catalog = recipe("A monthly credit toward usage")
    small = quote(catalog, {"plan": "pro", "usage": {"compute": 300, "storage": 20}})
    # $25 + compute $4.03 (all of it the credit's) + storage (20 - 8) x $0.125 = $1.50
    assert small.total == D("26.50")
    assert [n.add for n in small.nudges if n.kind == "credit"] == [D("5.97")]
    # compute 1,488 x $0.01344 = $19.99872 -> $20.00, $10 of it paid by the credit
    assert total(catalog, plan="pro", usage={"compute": 1488}) == D("35.00")


def test_storage_per_user(recipe):
    catalog = recipe("Storage per user, pooled")
    # 10 x $12 = $120; 10 x 30 = 300 GB included; (500 - 300) x $0.02 = $4
    assert total(catalog, plan="business", seats=10, usage={"storage": 500}) == D("124.00")
    # 300 + 2 x 1,000 = 2,300 GB included; 200 x $0.02 = $4; packs 2 x $20 = $40
    assert total(catalog, plan="business", seats=10, usage={"storage": 2500},
                 addons={"storage_pack": 2}) == D("164.00")


def test_contact_bands(recipe):
    catalog = recipe("Contact bands (Mailchimp-like)")
    bands = {400: D("20.00"), 501: D("45.00"), 2500: D("45.00"), 10001: "contact sales"}
    assert {n: total(catalog, plan="standard", usage={"contacts": n}) for n in bands} == bands
    assert not [w for w in lint(catalog) if "cliff" in w.message]
