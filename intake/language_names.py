"""Each language named in itself ("Español"), the way its reader looks for it in a list.

The one place every screen and command names a language from: the kiosk's language
setting, the information sheet staff choose, the patient's choice of language. The names
come from the Unicode CLDR data Babel carries, so a language added to the form later is
named without a code change; a tag CLDR does not know is named by the tag itself, which is
still a name staff can act on.
"""

from __future__ import annotations

from collections.abc import Iterable


def language_name(code: str) -> str:
    """`es` and `es-MX` are "Español", `en` is "English"; an unknown tag is itself."""
    from babel import Locale, UnknownLocaleError  # loaded when a language is named, not by every command

    primary = code.split("-")[0].lower()
    try:
        name = Locale.parse(primary).get_display_name(primary)
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:] if name else code


def language_names(codes: Iterable[str]) -> dict[str, str]:
    """Each language code with its name, in the order given."""
    return {code: language_name(code) for code in codes}
