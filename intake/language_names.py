"""Each language the app is written in, named in itself ("Español"), the way its reader looks for it.

The one list every screen and command names a language from: the kiosk's language
setting, the information sheet staff choose, the patient's choice of language. A
language missing here is named by its code, which is still a name staff can act on.
"""

from __future__ import annotations

from collections.abc import Iterable

LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def language_names(codes: Iterable[str]) -> dict[str, str]:
    """Each language code with its name, in the order given."""
    return {code: language_name(code) for code in codes}
