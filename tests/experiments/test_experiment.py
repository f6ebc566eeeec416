"""Assignment: GrowthBook's published vectors, Python against the edge router under Node."""

import json
import random
import shutil
import string
import subprocess

import pytest

from pricing_site.experiments.edge import router_source
from pricing_site.experiments.assignment import assign, bucket_ranges, choose_variation, gb_hash

from tests.site_support import DEMO

NODE = shutil.which("node")


@pytest.mark.parametrize("seed, value, expected", [("seed", "a", 0.0505), ("seed", "b", 0.2696)])
def test_growthbook_vectors(seed, value, expected):
    assert gb_hash(seed, value, 2) == expected


def test_ranges_follow_coverage_and_fall_back_to_equal_weights():
    assert bucket_ranges(2, 0.5, [0.5, 0.5]) == [(0, 0.25), (0.5, 0.75)]
    assert bucket_ranges(2, 1, [0.9, 0.9]) == [(0, 0.5), (0.5, 1)]
    assert choose_variation(0.3, bucket_ranges(2, 0.5)) == -1


def test_ids_are_ascii():
    with pytest.raises(ValueError):
        gb_hash("seed", "é")


def spec(coverage=1.0):
    from pricing_site.catalog.yaml_reader import read_yaml
    from pricing_site.experiments.spec import experiment_spec
    data = read_yaml(DEMO)[0]
    data["variants"]["coverage"] = coverage
    return experiment_spec(data)


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("coverage", [1.0, 0.8])
def test_the_edge_router_assigns_like_python(tmp_path, coverage):
    experiment = spec(coverage)
    rng = random.Random(6)
    alphabet = string.ascii_letters + string.digits + string.punctuation + " "
    ids = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(10000)]
    (tmp_path / "ids.json").write_text(json.dumps(ids))
    router = router_source(experiment, "cloudflare-worker.mjs").replace(
        "export default {", "export { assign, gbHash };\nconst unused = {")
    (tmp_path / "router.mjs").write_text(router)
    (tmp_path / "run.mjs").write_text(
        'import fs from "fs";\nimport { assign, gbHash } from "./router.mjs";\n'
        'const ids = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));\n'
        'console.log(JSON.stringify({vectors: [gbHash("seed", "a"), gbHash("seed", "b")],\n'
        '  keys: ids.map((id) => assign(EXPERIMENT_PLACEHOLDER, id))}));\n'
        .replace("EXPERIMENT_PLACEHOLDER", json.dumps(experiment)))
    done = subprocess.run([NODE, str(tmp_path / "run.mjs"), str(tmp_path / "ids.json")],
                          capture_output=True, text=True, timeout=60, check=True)
    result = json.loads(done.stdout)
    assert result["vectors"] == [0.0505, 0.2696]
    assert result["keys"] == [assign(experiment, i) for i in ids]
    counts = {k: result["keys"].count(k) for k in set(result["keys"])}
    assert all(k is not None for k in counts) == (coverage == 1.0)
    assert abs(counts["control"] / 10000 - 0.34 * coverage) < 0.02
