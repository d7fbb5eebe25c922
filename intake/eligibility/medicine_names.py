"""When two typed names are one medicine although the catalog knows neither of them.

Unknown names are grouped with the catalog's own name normalisation, so "Migrastop" and
" migrastop" are one medicine exactly when the catalog would treat them alike.
"""

from __future__ import annotations

from intake.catalog.catalog import normalise_name


def same_medicine_key(name: str) -> str:
    """Two typed names with the same key are one medicine."""
    return normalise_name(name)
