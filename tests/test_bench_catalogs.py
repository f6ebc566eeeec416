"""The catalogs bench/build.py and bench/scale.py time are valid ones: a check added to the
site once made every generated catalog fail (the comparison table named plans the generator
had dropped), and the bench stopped at its first build."""

import pytest
import yaml

from bench.build import DEMO, with_plans, with_variations
from bench.scale import with_distinct_plans, with_flat_plans
from pricing_site.build.site import content_roots
from pricing_site.catalog import read_catalog


@pytest.mark.parametrize("make, size, plans, variations", [
    (with_plans, 1, 1, 0), (with_plans, 10, 10, 0),
    (with_variations, 1, 4, 0), (with_variations, 4, 4, 4),
    (with_distinct_plans, 10, 10, 0), (with_flat_plans, 3, 3, 0),
])
def test_every_catalog_the_build_bench_makes_passes_the_site_checks(tmp_path, make, size,
                                                                     plans, variations):
    catalog = tmp_path / "plans.yaml"
    data = make(yaml.safe_load(DEMO.read_text(encoding="utf-8")), size)
    catalog.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    read = read_catalog(catalog, lint=False, roots=content_roots())
    built, errors = read.catalog, read.errors
    assert errors == []
    assert len(built.plans) == plans
    assert len(data.get("variants", {}).get("variations", [])) == variations
