"""Text as the staff searches compare it: case- and accent-blind.

Names and month names are typed on a tablet, often without their accents; folding both
sides the same way lets "muller" find "Müller" and "fevr" find "févr.".
"""

from __future__ import annotations

import unicodedata

_NOT_DECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h"})
"""Letters Unicode does not split into a base letter and a mark."""


def folded(text: str) -> str:
    """"Łukasik" and "lukasik", "Straße" and "strasse" fold to the same text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_NOT_DECOMPOSED))
    return "".join(character for character in decomposed if not unicodedata.combining(character))
