"""Reading plans.yaml: YAML with positions, the schema, the content checks, variants' patches."""

from .content import Content
from .read import CatalogFile, load_catalog_file, read_catalog

__all__ = ["CatalogFile", "Content", "load_catalog_file", "read_catalog"]
