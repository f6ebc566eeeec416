"""Reading plans.yaml: YAML with positions, the schema, the content checks, variants' patches."""
