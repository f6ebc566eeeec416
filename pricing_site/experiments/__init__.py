"""A/B experiments: the experiment's spec, assignment, statistics, the edge routers."""
