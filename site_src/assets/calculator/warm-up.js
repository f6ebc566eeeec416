// The warming after ready. V8 runs wasm first as quickly compiled baseline code and optimises a
// function only once it has run for a while, so on a fresh start the visitor's first edits took
// far longer than later ones (bench/HISTORY.md, sixth session). So once ready, the worker quotes
// and charts the catalog's plans WARM_ROUNDS times in the background, one round per task, and
// none while the visitor is asking (their edits warm it too): a request waits for one round at
// most, and none right after ready, when a first round is slow (the code is still cold) and a
// visitor may be typing already. It ends early at an error; a fatal one is handed back, for
// worker.js to start Python again. Imported by worker.js once Python is ready, not before.
export const WARM_ROUNDS = 120;
export const QUIET_MS = 200; // no warming until the visitor's last request (or ready) is this old
const WARM_POINTS = 40; // a curve's points, as the chart asks (pricing_site/pages/calculator_chart.py)

// Resolves {rounds, after, fatal} once over: the rounds run, ms from `readyAt` to the first of
// them (null if none ran), and Python's fatal error if one ended them (else null). `askedAt()`:
// when the visitor last asked (worker.js); the first round waits for quiet after ready too.
export function warmUp(engine, plans, { readyAt, askedAt }) {
  let warmingFrom = null;
  return new Promise((resolve) => {
    const over = (rounds, fatal = null) => resolve({ rounds, fatal,
      after: warmingFrom === null ? null : Math.round(warmingFrom - readyAt) });
    const round = (n) => {
      if (n >= WARM_ROUNDS || !plans.length) return over(n);
      const wait = Math.max(readyAt, askedAt()) + QUIET_MS - performance.now();
      if (wait > 0) return setTimeout(() => round(n), wait);
      warmingFrom ??= performance.now();
      const plan = plans[n % plans.length];
      const metrics = Object.keys(plan.price?.usage ?? {});
      const request = { plan: plan.id, seats: 1 + (n % 10) };
      const metric = n % 2 && metrics.length ? metrics[n % metrics.length] : "seats";
      try {
        engine.quote(JSON.stringify(request));
        engine.curve(JSON.stringify({ request, metric, points: WARM_POINTS }));
      } catch (err) {
        return over(n, err?.pyodide_fatal_error ? err : null);
      }
      setTimeout(() => round(n + 1));
    };
    setTimeout(() => round(0)); // after the ready message
  });
}
