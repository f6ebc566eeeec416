"""What a page logs as a problem: its console errors (and warnings, if asked) and uncaught
exceptions, gathered into a list as they come.

Left out: Chromium's log of a cache-only lookup that found nothing (``net::ERR_CACHE_MISS``).
A returning visit asks the HTTP cache alone for the runtime's wasm (client.js); an in-memory
context may not keep a file that big, and the miss is logged as a failed load although no
request went out and nothing failed."""

CACHE_ONLY_MISS = "net::ERR_CACHE_MISS"


def watch_problems(page, kinds=("error",)):
    """A list that fills with ``page``'s problems from now on."""
    problems = []
    page.on("console", lambda m: m.type in kinds and CACHE_ONLY_MISS not in m.text
            and problems.append(m.text))
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    return problems
