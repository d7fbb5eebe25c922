"""Ranking medicine names as a patient types: the one they mean first, each medicine once."""

from __future__ import annotations

from intake.catalog import load_catalog
from intake.catalog.search import Match, Suggestion, fold, suggestions
from intake.paths import CATALOG_FILE
from intake.questionnaire.patient_wording import ENGLISH

CATALOG = load_catalog(CATALOG_FILE)


def shown(kind: str, text: str, limit: int = 5) -> list[str]:
    """The rows a patient reads under the box."""
    return [
        ENGLISH.did_you_mean(found.name) if found.is_guess else ENGLISH.medicine_suggestion(found.name, found.generic)
        for found in suggestions(CATALOG, kind, text, limit)
    ]


def test_top_puts_topiramate_first_and_each_medicine_once() -> None:
    rows = shown("preventive", "top", limit=10)
    assert rows[0] == "Topiramate"
    assert sum("metoprolol" in row for row in rows) == 1
    assert "Toprol-XL (metoprolol)" in rows
    assert rows.index("Nimotop (nimodipine)") > rows.index("Toprol-XL (metoprolol)")


def test_a_brand_prefix_shows_the_brand_and_its_generic_ahead_of_contains_matches() -> None:
    rows = shown("preventive", "topa", limit=10)
    assert rows[0] == "Topamax (topiramate)"
    found = suggestions(CATALOG, "preventive", "topa", 1)[0]
    assert found.name == "Topamax"


def test_imi_offers_imitrex_for_sumatriptan() -> None:
    assert shown("acute", "imi")[0] == "Imitrex (sumatriptan)"


def test_order_is_exact_then_generic_prefix_then_brand_prefix_then_word_start_then_contains() -> None:
    found = suggestions(CATALOG, "acute", "codeine", 10)
    assert [(item.name, item.match) for item in found[:2]] == [
        ("codeine", Match.EXACT),
        ("ibuprofen/codeine", Match.WORD_START),
    ]
    assert found[-1].match is Match.CONTAINS
    ranks = [item.match for item in suggestions(CATALOG, "preventive", "to", 20)]
    assert ranks == sorted(ranks)
    assert Match.GENERIC_PREFIX in ranks and Match.BRAND_PREFIX in ranks


def test_ties_are_alphabetical() -> None:
    names = [item.name for item in suggestions(CATALOG, "acute", "para", 4)]
    assert names == sorted(names, key=str.casefold)


def test_a_word_inside_a_brand_matches() -> None:
    assert "Trokendi XR (topiramate)" in shown("preventive", "xr")


def test_case_and_accents_do_not_matter() -> None:
    assert shown("acute", "IBUPROFÈN") == ["Ibuprofen", "Ibuprofen/codeine"]
    assert shown("acute", "  Íbu ")[0] == "Ibuprofen"
    assert fold("  Ibuprofène  Forte ") == "ibuprofene forte"


def test_picking_stores_the_catalog_spelling() -> None:
    assert suggestions(CATALOG, "acute", "maxalt m", 5)[0].name == "Maxalt Melt"
    assert suggestions(CATALOG, "acute", "acetam", 1)[0] == Suggestion("acetaminophen", "paracetamol", Match.GENERIC_PREFIX)


def test_a_misspelling_gets_a_did_you_mean_that_is_only_a_guess() -> None:
    found = suggestions(CATALOG, "acute", "sumatriptn", 5)
    assert found[0] == Suggestion("sumatriptan", "sumatriptan", Match.GUESS)
    assert all(item.is_guess for item in found)
    assert shown("acute", "sumatriptn")[0] == "Did you mean Sumatriptan?"
    assert shown("preventive", "topamx") == ["Did you mean Topamax?"]


def test_no_guesses_while_the_text_still_starts_a_name_or_is_short() -> None:
    assert not any(item.is_guess for item in suggestions(CATALOG, "acute", "sumat", 5))
    assert suggestions(CATALOG, "acute", "zqx", 5) == []
    assert suggestions(CATALOG, "acute", "grandma's powder", 5) == []


def test_only_the_kind_asked_for() -> None:
    assert suggestions(CATALOG, "preventive", "sumatriptan", 5) == []
    assert suggestions(CATALOG, "acute", "rimegepant", 5)[0].generic == "rimegepant"
    assert suggestions(CATALOG, "preventive", "rimegepant", 5)[0].generic == "rimegepant"


def test_one_entry_per_medicine_and_at_most_the_limit() -> None:
    for text in ("a", "in", "ol", "metoprolol", "val"):
        for kind in ("acute", "preventive"):
            found = suggestions(CATALOG, kind, text, 8)
            generics = [item.generic for item in found]
            assert len(generics) == len(set(generics)), (kind, text)
            assert len(found) <= 8
    assert suggestions(CATALOG, "acute", "", 5) == []
    assert suggestions(CATALOG, "acute", "a", 0) == []


def test_names_matched_only_as_typed_are_offered_and_found_again() -> None:
    found = suggestions(CATALOG, "acute", "tylenol 3", 5)
    assert found[0] == Suggestion("Tylenol 3", "paracetamol/codeine", Match.EXACT)
    assert CATALOG.lookup(found[0].name).generic == "paracetamol/codeine"
    assert "Tylenol #3 (paracetamol/codeine)" in shown("acute", "tylenol #")
