# The two commands of the README. Both set the machine up first (scripts/setup.sh).
.PHONY: serve test build validate bench

serve:            ## build the demo site from plans.yaml and serve it with live reload
	scripts/setup.sh
	.venv/bin/pricing-site serve

test:             ## run the whole test suite (unit, property, golden, browser)
	scripts/setup.sh --test
	.venv/bin/python -m pytest

build:
	scripts/setup.sh
	.venv/bin/pricing-site build

validate:
	scripts/setup.sh
	.venv/bin/pricing-site validate plans.yaml

bench:            ## engine, build, browser, first-visit, Lighthouse, install and guest-site benchmarks (figures and ratios; see bench/RESULTS.md)
	scripts/setup.sh --test
	npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error   # Lighthouse: for the bench only
	.venv/bin/python bench/engine.py
	.venv/bin/python bench/locale_cost.py
	.venv/bin/python bench/build.py
	.venv/bin/python bench/scale.py
	.venv/bin/python bench/browser.py
	.venv/bin/python bench/lighthouse.py
	.venv/bin/python bench/first_visit.py
	.venv/bin/python bench/install.py
	.venv/bin/python bench/guest.py
