"""Deterministic A/B assignment, the same as GrowthBook's (and as ``edge/assign.mjs``).

GrowthBook hash version 2: ``fnv1a32(str(fnv1a32(seed + id))) % 10000 / 10000``, a number in
[0, 1). Coverage and weights become one ``[start, end)`` range per variation
(``getBucketRanges``); the visitor gets the variation whose range holds the hash
(``chooseVariation``), or none (-1) when the hash falls in the uncovered part of a range.
Ids are ASCII only, so a character code is a byte and Python and JavaScript agree.
The arithmetic is IEEE double in both languages, in the same order, so the ranges agree too.
"""

FNV_PRIME_32 = 0x01000193
FNV_OFFSET_32 = 0x811C9DC5


def fnv1a32(text):
    """FNV-1a, 32 bits, over the characters of an ASCII string."""
    value = FNV_OFFSET_32
    for char in text:
        value ^= _ascii(char)
        value = (value * FNV_PRIME_32) & 0xFFFFFFFF
    return value


def _ascii(char):
    code = ord(char)
    if code > 0x7F:
        raise ValueError(f"experiment ids and seeds must be ASCII, got {char!r}")
    return code


def gb_hash(seed, value, version=2):
    """GrowthBook's ``hash(seed, value, version)``; only versions 1 and 2 exist."""
    if version == 2:
        return fnv1a32(str(fnv1a32(seed + value))) % 10000 / 10000
    if version == 1:
        return fnv1a32(value + seed) % 1000 / 1000
    raise ValueError(f"unknown hash version {version}")


def bucket_ranges(count, coverage=1.0, weights=None):
    """GrowthBook's ``getBucketRanges``: equal weights when ``weights`` do not fit."""
    coverage = min(max(float(coverage), 0.0), 1.0)
    equal = [1.0 / count] * count
    weights = [float(w) for w in weights] if weights else equal
    if len(weights) != count:
        weights = equal
    total = 0.0
    for weight in weights:
        total += weight
    if total < 0.99 or total > 1.01:
        weights = equal
    ranges, cumulative = [], 0.0
    for weight in weights:
        start = cumulative
        cumulative += weight
        ranges.append((start, start + coverage * weight))
    return ranges


def choose_variation(n, ranges):
    """Index of the range holding ``n``, or -1 (not in the experiment)."""
    for index, (start, end) in enumerate(ranges):
        if start <= n < end:
            return index
    return -1


def assign(experiment, visitor_id):
    """The variation key for ``visitor_id`` in ``experiment`` (the variants.json shape), or
    None when the visitor falls outside the coverage (they see control, unrecorded)."""
    seed = experiment.get("seed") or experiment["key"]
    n = gb_hash(seed, visitor_id, experiment.get("hashVersion", 2))
    ranges = bucket_ranges(len(experiment["variations"]), experiment.get("coverage", 1),
                           experiment.get("weights"))
    index = choose_variation(n, ranges)
    return experiment["variations"][index]["key"] if index >= 0 else None
