"""Days and months as answers carry them: ASCII `YYYY-MM-DD` and `YYYY-MM`, nothing around.

`\\d` and `str.isdigit` accept any script's digits ("२०२६") and `$` accepts a trailing
newline; months are compared as text, so only ASCII digits and whole-string matches keep
that comparison (and every system reading the file back) right.
"""

from __future__ import annotations

import re
from typing import TypeGuard

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")


def is_day_text(value: object) -> TypeGuard[str]:
    """Shaped as an ISO day; whether that day exists is `date.fromisoformat`'s to say."""
    return isinstance(value, str) and _DAY.fullmatch(value) is not None


def is_month_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and _MONTH.fullmatch(value) is not None
