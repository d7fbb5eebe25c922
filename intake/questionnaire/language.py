"""Is a text a well-formed BCP 47 language tag (RFC 5646 syntax)?

Only the shape is checked, not the IANA registry: `es-MX` and `zh-Hant-TW` pass, `es_MX`,
`spanish` and `e` do not. The 4- and 5-8-letter language subtags that the syntax reserves
are refused: none is registered, and `spanish` is a mistake, not a tag. A response says which
language the patient answered in; the rules never read it.
"""

from __future__ import annotations

import re

_LANGTAG = re.compile(
    r"""
    [a-z]{2,3}(?:-[a-z]{3}){0,3}                          # language (with extlang)
    (?:-[a-z]{4})?                                        # script
    (?:-(?:[a-z]{2}|[0-9]{3}))?                           # region
    (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*              # variants
    (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*                  # extensions
    (?:-x(?:-[a-z0-9]{1,8})+)?                            # private use
    """,
    re.VERBOSE | re.IGNORECASE,
)
_PRIVATE_USE = re.compile(r"x(?:-[a-z0-9]{1,8})+", re.IGNORECASE)
_MAX_LENGTH = 100


def is_language_tag(text: str) -> bool:
    """True for a well-formed tag such as `en`, `es-MX` or `sr-Latn-RS` (ASCII only)."""
    if len(text) > _MAX_LENGTH or not text.isascii():
        return False
    return bool(_LANGTAG.fullmatch(text) or _PRIVATE_USE.fullmatch(text))
