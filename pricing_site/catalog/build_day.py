"""The day a site is priced on: promotions with an end (``until``) are compared with it.

The engine reads no clock, so the site gives its catalog a ``date`` (the catalog's, when
plans.yaml writes one): the day of the build, or of ``SOURCE_DATE_EPOCH`` when it is set (a
reproducible build). The pages' quotes and the visitor's browser, which loads the same catalog,
then price alike. A catalog without such a promotion gets no date, so its built pages do not
change from one day to the next.
"""

import os
from datetime import date, datetime, timezone


def build_day():
    """Today, or the day of ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
    return date.today().isoformat()


def dated(catalog):
    """``catalog`` priced on the build's day when a promotion of it ends and it names no day."""
    if catalog.date is not None or not any(p.until for p in catalog.promotions.values()):
        return catalog
    return catalog.on(build_day())
