"""A new site folder that builds at once: ``pricing-site new DIR``."""

from .new_site import STARTER, StarterError, new_site

__all__ = ["STARTER", "StarterError", "new_site"]
