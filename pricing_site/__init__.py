"""pricing-site: plans.yaml and markdown in, a static marketing site with an exact calculator out."""
