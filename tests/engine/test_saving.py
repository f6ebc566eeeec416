"""What paying yearly saves: money the buyer keeps, never the rounding of twelve bills."""

from decimal import Decimal

import pytest

from calculator import load_catalog, quote

from tests.catalogs import one_plan

D = Decimal


@pytest.mark.parametrize("discount, saving", [
    # $6.005 a seat: a monthly bill is $6.01 (half-up), twelve of them $72.12; a year is
    # 12 x $6.005 = $72.06. With 20% off yearly, the discount is 20% of $72.06 = $14.412, so
    # $14.41, and the yearly bill $57.65: the saving is that $14.41, not the $14.47 that
    # twelve rounded monthly bills less the yearly one would make of it
    ("0.2", "14.41"),
    # no discount: a year at the monthly price is the yearly bill; the 6 cents twelve monthly
    # bills would add are how each month rounds
    ("0", "0.00"),
])
def test_a_saving_has_the_cents_of_the_discount_line(discount, saving):
    data = one_plan(seats={"unit": "6.005"})
    data["annual_discount"] = discount
    catalog = load_catalog(data)
    monthly = quote(catalog, {"plan": "p"})
    annual = quote(catalog, {"plan": "p", "billing": "annual"})
    assert (monthly.total * 12, annual.total) == (D("72.12"), D("72.06") - D(saving))
    assert monthly.annual_saving == annual.annual_saving == D(saving)
    assert -sum(d.amount for d in annual.discounts) == D(saving)
    assert annual.to_dict()["shows"]["annual_saving"] == (saving != "0.00")
    assert [n.message for n in monthly.nudges if n.kind == "annual"] == (
        [f"Pay yearly and save ${saving} a year."] if saving != "0.00" else [])


def _committed(data):
    data["annual_discount"] = "0.2"
    data["plans"][0]["commitment"] = {"annual_minimum": 50000, "discount": "0.2"}
    return load_catalog(data)


@pytest.mark.parametrize("seats, saving", [
    # 3 seats: a year at the monthly prices, 12 x 299 + 12 x 3 x 45 = 3,588 + 1,620, less 20%
    # of the seats (324) is 4,884, trued up to the $50,000 minimum; billed yearly, less 20% of
    # what is left too, it is trued up to $50,000 as well: the same money either way. (Twelve
    # monthly bills at the minimum's twelfth, 12 x $4,166.67 = $50,000.04, are 4 cents of
    # rounding, no saving.)
    (3, "0.00"),
    # 150 seats: 3,588 + 12 x 150 x 45 = 84,588, less 20% of the seats' 81,000 = 68,388, above
    # the minimum; yearly, 20% off that too: the saving is the annual discount line, 13,677.60
    (150, "13677.60"),
])
def test_a_yearly_saving_is_the_money_yearly_billing_takes_off(seats, saving):
    catalog = _committed(one_plan(seats={"unit": 45}, flat=299))
    request = {"plan": "p", "seats": seats, "commitment": True}
    monthly, annual = quote(catalog, request), quote(catalog, {**request, "billing": "annual"})
    assert monthly.annual_saving == annual.annual_saving == D(saving)
    assert ("annual" in [n.kind for n in monthly.nudges]) == (saving != "0.00")
    if saving != "0.00":
        [_, discount] = annual.discounts
        assert discount.kind == "annual" and discount.amount == -D(saving)


@pytest.mark.parametrize("seat, twelve_monthly_bills", [
    # 3 x €1,234.5678 = €3,703.7034 a month, billed €3,703.70; a year of it, €44,444.4408, is
    # billed €44,444.44: twelve monthly bills (€44,444.40) are 4 cents cheaper
    ("1234.5678", "44444.40"),
    # 3 x €1,234.565 = €3,703.695, billed €3,703.70; a year, €44,444.34: twelve monthly bills
    # are 6 cents dearer, which is how each month rounds, not a lower yearly price
    ("1234.565", "44444.40"),
])
def test_rounding_alone_is_no_saving_either_way(seat, twelve_monthly_bills):
    """No annual discount and a sub-cent seat price: yearly billing costs what the monthly
    prices cost over the year, so the quote reports no saving, shows none and advises none."""
    catalog = load_catalog(one_plan(seats={"unit": seat}, currency="EUR"))
    monthly = quote(catalog, {"plan": "p", "seats": 3})
    annual = quote(catalog, {"plan": "p", "seats": 3, "billing": "annual"})
    assert monthly.total * 12 == D(twelve_monthly_bills) != annual.total
    assert monthly.annual_saving == annual.annual_saving == D("0.00")
    assert annual.to_dict()["annual_saving"] == "0.00"
    assert not annual.to_dict()["shows"]["annual_saving"]
    assert "annual" not in [n.kind for n in monthly.nudges]
