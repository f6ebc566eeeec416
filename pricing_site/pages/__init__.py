"""Page data as plain dicts, from the catalog and its content: no files, no Node."""
