// Deterministic assignment, GrowthBook hash version 2 (the same as pricing_site/experiments/assignment.py).
// This file is the shared core of the edge routers: build.py pastes it into each flavour.
// Ids and seeds are ASCII (the router only ever makes ASCII visitor ids).

function fnv1a32(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value >>> 0;
}

function gbHash(seed, value) {
  return (fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000;
}

function bucketRanges(count, coverage, weights) {
  coverage = Math.min(Math.max(coverage ?? 1, 0), 1);
  const equal = new Array(count).fill(1 / count);
  if (!weights || weights.length !== count) weights = equal;
  let total = 0;
  for (const w of weights) total += w;
  if (total < 0.99 || total > 1.01) weights = equal;
  let cumulative = 0;
  return weights.map((w) => {
    const start = cumulative;
    cumulative += w;
    return [start, start + coverage * w];
  });
}

// The variation key for a visitor id, or null outside the coverage.
function assign(experiment, id) {
  const n = gbHash(experiment.seed || experiment.key, id);
  const ranges = bucketRanges(experiment.variations.length, experiment.coverage, experiment.weights);
  for (let i = 0; i < ranges.length; i++) {
    if (n >= ranges[i][0] && n < ranges[i][1]) return experiment.variations[i].key;
  }
  return null;
}
