"""Medicine lookup: brands, generics and products as patients write them; unknowns stay unknown."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from intake.catalog import Medicine, load_catalog
from intake.catalog.names import UNITS, NameNormaliser, exact_form
from intake.paths import CATALOG_FILE
from intake.yamlfile import DataFileError

CATALOG = load_catalog(CATALOG_FILE)
NORMALISE = NameNormaliser(CATALOG.ignore_words)

# Every medicine named in the clinical background (section 4), with its class.
EXPECTED = {
    "propranolol": ("preventive", "beta_blocker"), "metoprolol": ("preventive", "beta_blocker"),
    "timolol": ("preventive", "beta_blocker"), "atenolol": ("preventive", "beta_blocker"),
    "nadolol": ("preventive", "beta_blocker"), "bisoprolol": ("preventive", "beta_blocker"),
    "topiramate": ("preventive", "anticonvulsant"), "divalproex": ("preventive", "anticonvulsant"),
    "sodium valproate": ("preventive", "anticonvulsant"), "amitriptyline": ("preventive", "tca"),
    "nortriptyline": ("preventive", "tca"), "venlafaxine": ("preventive", "snri"), "duloxetine": ("preventive", "snri"),
    "flunarizine": ("preventive", "ccb"), "verapamil": ("preventive", "ccb"), "diltiazem": ("preventive", "ccb"),
    "nifedipine": ("preventive", "ccb"), "nimodipine": ("preventive", "ccb"), "candesartan": ("preventive", "acei_arb"),
    "lisinopril": ("preventive", "acei_arb"), "losartan": ("preventive", "acei_arb"), "valsartan": ("preventive", "acei_arb"),
    "erenumab": ("preventive", "cgrp_mab"), "fremanezumab": ("preventive", "cgrp_mab"),
    "galcanezumab": ("preventive", "cgrp_mab"), "eptinezumab": ("preventive", "cgrp_mab"),
    "atogepant": ("preventive", "gepant_preventive"), "rimegepant": ("preventive", "gepant_preventive"),
    "onabotulinumtoxinA": ("preventive", "botulinum_toxin"),
    "sumatriptan": ("acute", "triptan"), "rizatriptan": ("acute", "triptan"), "zolmitriptan": ("acute", "triptan"),
    "eletriptan": ("acute", "triptan"), "almotriptan": ("acute", "triptan"), "naratriptan": ("acute", "triptan"),
    "frovatriptan": ("acute", "triptan"), "paracetamol": ("acute", "non_opioid_analgesic"),
    "acetaminophen": ("acute", "non_opioid_analgesic"), "aspirin": ("acute", "non_opioid_analgesic"),
    "ibuprofen": ("acute", "non_opioid_analgesic"), "naproxen": ("acute", "non_opioid_analgesic"),
    "diclofenac": ("acute", "non_opioid_analgesic"), "celecoxib": ("acute", "non_opioid_analgesic"),
    "paracetamol/aspirin/caffeine": ("acute", "combination_analgesic"), "Fioricet": ("acute", "combination_analgesic"),
    "paracetamol/codeine": ("acute", "combination_analgesic"), "codeine": ("acute", "opioid"),
    "tramadol": ("acute", "opioid"), "oxycodone": ("acute", "opioid"), "hydrocodone": ("acute", "opioid"),
    "ergotamine": ("acute", "ergot"), "dihydroergotamine": ("acute", "ergot"), "ubrogepant": ("acute", "gepant_acute"),
    "zavegepant": ("acute", "gepant_acute"), "lasmiditan": ("acute", "ditan"),
}


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items(), ids=list(EXPECTED))
def test_background_medicines_have_their_class(name, expected) -> None:
    kind, class_id = expected
    medicine = CATALOG.lookup(name)
    assert medicine is not None, f"{name} is not in the catalog"
    assert getattr(medicine, kind) == class_id


@pytest.mark.parametrize(
    ("names", "generic"),
    [(["Topamax", "topiramate"], "topiramate"), (["Imitrex", "Imigran", "sumatriptan"], "sumatriptan"),
     (["Tylenol", "acetaminophen", "Paracetamol"], "paracetamol"), (["Aimovig", "erenumab"], "erenumab")],
)
def test_brand_and_generic_resolve_to_one_medicine(names, generic) -> None:
    assert {CATALOG.lookup(name).generic for name in names} == {generic}


@pytest.mark.parametrize("typed", ["  TOPAMAX ", "topamax", "Trokendi   XR", "co-codamol", "MAXALT-MLT"])
def test_lookup_ignores_case_and_spacing(typed) -> None:
    assert CATALOG.lookup(typed) is not None


def test_unknown_name_is_none() -> None:
    assert CATALOG.lookup("Grandma's tea") is None


def test_rimegepant_is_acute_and_preventive() -> None:
    medicine = CATALOG.lookup("Nurtec ODT")
    assert (medicine.acute, medicine.preventive) == ("gepant_acute", "gepant_preventive")


def test_unknown_class_names_file_and_entry(tmp_path) -> None:
    path = tmp_path / "medicines.yaml"
    path.write_text(
        "version: '1'\nclasses: [{id: triptan, kind: acute, label: Triptan}]\n"
        "medicines: [{generic: sumatriptan, acute: tripan}]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as raised:
        load_catalog(path)
    assert str(path) in str(raised.value) and "medicines[0].acute: 'tripan' is not a known acute class" in str(raised.value)


# Combination products, salts and market brands of the clinical background (4.3), with
# the class each must have.
COMBINATION = ("acute", "combination_analgesic")
SIMPLE = ("acute", "non_opioid_analgesic")
TRIPTAN = ("acute", "triptan")
PRODUCTS = {
    **dict.fromkeys(["Percocet", "Endocet"], COMBINATION),
    **dict.fromkeys(["Vicodin", "Norco", "Lortab"], COMBINATION),
    **dict.fromkeys(["Tylenol with Codeine", "Tylenol #3", "Tylenol 3", "Tylenol No. 3", "co-codamol", "Solpadol",
                     "Tylex", "Zapain", "Kapake"], COMBINATION),
    **dict.fromkeys(["Ultracet", "Tramacet", "Nurofen Plus", "Solpadeine Plus", "Solpadeine Max", "Syndol"], COMBINATION),
    **dict.fromkeys(["Fioricet", "Esgic", "Fiorinal", "Excedrin", "Excedrin Migraine", "Goody's", "BC Powder",
                     "Anadin Extra", "Migraleve", "Treximet"], COMBINATION),
    **dict.fromkeys(["Migramax", "MigraMax", "Nolotil", "metamizole", "metamizol", "dipyrone", "Gelocatil", "Termalgin",
                     "Panadol", "Tylenol", "Espidifen", "Neobrufen", "Advil", "Motrin", "Nurofen", "Brufen", "Enantyum",
                     "dexketoprofen", "Aleve", "Naprosyn", "Anaprox", "Naproxyn"], SIMPLE),
    **dict.fromkeys(["Imigran", "Almogran", "Zomig", "Maxalt", "Relpax", "Naramig", "Migard"], TRIPTAN),
    "Sibelium": ("preventive", "ccb"),
    "Tryptizol": ("preventive", "tca"),
}

# Names of one product line (row of the table) are one medicine, apart from the medicines
# they contain.
SAME_MEDICINE = [
    (["Percocet", "Endocet"], "oxycodone"),
    (["Vicodin", "Norco", "Lortab"], "hydrocodone"),
    (["Tylenol with Codeine", "Tylenol #3", "Tylenol 3", "Tylenol No. 3", "co-codamol", "Solpadol", "Tylex", "Zapain",
      "Kapake"], "codeine"),
    (["Ultracet", "Tramacet"], "tramadol"),
    (["Nurofen Plus"], "Nurofen"),
    (["Solpadeine Plus", "Solpadeine Max", "Syndol"], "co-codamol"),
    (["Migramax", "MigraMax"], "aspirin"),
    (["Nolotil", "metamizole", "metamizol", "dipyrone"], "paracetamol"),
    (["Gelocatil", "Termalgin", "Panadol", "Tylenol", "paracetamol"], "Tylenol 3"),
    (["Espidifen", "Neobrufen", "Advil", "Motrin", "Nurofen", "Brufen", "ibuprofen"], "Nurofen Plus"),
    (["Enantyum", "dexketoprofen"], "ibuprofen"),
    (["Aleve", "Naprosyn", "Anaprox", "Naproxyn", "naproxen"], "Treximet"),
]

TRIPTAN_BRANDS = {"Imigran": "sumatriptan", "Almogran": "almotriptan", "Zomig": "zolmitriptan", "Maxalt": "rizatriptan",
                  "Relpax": "eletriptan", "Naramig": "naratriptan", "Migard": "frovatriptan",
                  "Sibelium": "flunarizine", "Tryptizol": "amitriptyline"}

SPANISH = {
    "paracetamol": "paracetamol", "ibuprofeno": "ibuprofen", "naproxeno": "naproxen",
    "ácido acetilsalicílico": "aspirin", "diclofenaco": "diclofenac", "sumatriptán": "sumatriptan",
    "sumatriptan": "sumatriptan", "rizatriptán": "rizatriptan", "rizatriptan": "rizatriptan",
    "zolmitriptán": "zolmitriptan", "zolmitriptan": "zolmitriptan", "eletriptán": "eletriptan",
    "eletriptan": "eletriptan", "almotriptán": "almotriptan", "almotriptan": "almotriptan", "topiramato": "topiramate",
    "ácido valproico": "valproate", "amitriptilina": "amitriptyline", "nortriptilina": "nortriptyline",
    "propranolol": "propranolol", "metoprolol": "metoprolol", "flunarizina": "flunarizine", "venlafaxina": "venlafaxine",
    "duloxetina": "duloxetine", "candesartán": "candesartan", "candesartan": "candesartan", "lisinopril": "lisinopril",
    "metamizol": "metamizole", "codeína": "codeine", "codeina": "codeine", "tramadol": "tramadol",
}


@pytest.mark.parametrize(("name", "expected"), PRODUCTS.items(), ids=list(PRODUCTS))
def test_products_and_market_brands_have_their_class(name, expected) -> None:
    kind, class_id = expected
    medicine = CATALOG.lookup(name)
    assert medicine is not None, f"{name} is not in the catalog"
    assert getattr(medicine, kind) == class_id


@pytest.mark.parametrize(("names", "other"), SAME_MEDICINE, ids=[names[0] for names, _other in SAME_MEDICINE])
def test_one_product_line_is_one_medicine_apart_from_what_it_contains(names, other) -> None:
    generics = {CATALOG.lookup(name).generic for name in names}
    assert len(generics) == 1
    assert CATALOG.lookup(other).generic not in generics


@pytest.mark.parametrize(("brand", "generic"), TRIPTAN_BRANDS.items())
def test_market_brands_are_the_medicine_named(brand, generic) -> None:
    assert CATALOG.lookup(brand).generic == generic


@pytest.mark.parametrize(("spelling", "generic"), SPANISH.items())
def test_spanish_generic_spellings(spelling, generic) -> None:
    assert CATALOG.lookup(spelling).generic == generic
    assert CATALOG.lookup(f"{spelling.upper()} 50 mg comprimidos").generic == generic


@pytest.mark.parametrize(
    ("typed", "generic"),
    [("Sumatriptan 50mg", "sumatriptan"), ("sumatriptan succinate", "sumatriptan"),
     ("Imitrex nasal spray", "sumatriptan"), ("Maxalt MLT", "rizatriptan"), ("Maxalt-MLT", "rizatriptan"),
     ("naproxen sodium 550 mg", "naproxen"), ("Venlafaxine XL 75", "venlafaxine"),
     ("co-codamol 30/500", "paracetamol/codeine"), ("Tylenol 3", "paracetamol/codeine"),
     ("  tylenol   #3 ", "paracetamol/codeine"), ("Tylenol 3 tablets", "paracetamol"),
     ("propranolol hydrochloride 40mg", "propranolol"), ("Aimovig 140 mg", "erenumab"),
     ("Topamax 50 mg", "topiramate"), ("Nurofen Plus 200mg/12.8mg x2", "ibuprofen/codeine"),
     ("Inderal LA 80", "propranolol"), ("Sumatriptán 50 mg comprimidos", "sumatriptan"),
     ("Zomig nasal spray 5mg", "zolmitriptan"), ("Goody’s powder", "paracetamol/aspirin/caffeine")],
)
def test_doses_salts_and_release_forms_do_not_make_another_medicine(typed, generic) -> None:
    assert CATALOG.lookup(typed).generic == generic


@pytest.mark.parametrize("typed", ["sumatriptn", "sumatriptan50mg", "Zolvadin", "50 mg", "tablets", "Tylenol #3 tablets", ""])
def test_no_spelling_correction_and_nothing_from_doses_alone(typed) -> None:
    assert CATALOG.lookup(typed) is None


def test_exact_only_names_are_left_out_of_the_normalised_lookup() -> None:
    exact_only = [name for medicine in CATALOG.medicines for name in medicine.exact_only]
    assert {"Tylenol 3", "Tylenol #3", "Tylenol No. 3"} <= set(exact_only)
    assert CATALOG.lookup("Tylenol 3 x2") is CATALOG.lookup("Tylenol") is not CATALOG.lookup("Tylenol 3")


def test_no_two_medicines_share_a_name_in_either_form() -> None:
    owners: dict[tuple[str, str], str] = {}
    for medicine in CATALOG.medicines:
        keyed = [("exact", exact_form(name)) for name in medicine.names]
        keyed += [("normalised", NORMALISE(name)) for name in medicine.normalisable_names]
        for key in keyed:
            assert owners.setdefault(key, medicine.generic) == medicine.generic, key


NORMALISABLE = [(name, medicine) for medicine in CATALOG.medicines for name in medicine.normalisable_names]
EXACT_ONLY = {exact_form(name) for medicine in CATALOG.medicines for name in medicine.exact_only}
NUMBERS = st.one_of(st.integers(0, 2000).map(str), st.decimals(0, 1000, places=2).map(str))
DOSES = st.one_of(
    st.builds("{}{}{}".format, NUMBERS, st.sampled_from(["", " "]), st.sampled_from(UNITS)),
    st.builds("x{}".format, st.integers(1, 9)), st.builds("{}x".format, st.integers(1, 9)),
    st.just("x"), NUMBERS,
)
ADDITIONS = st.one_of(DOSES, st.sampled_from(CATALOG.ignore_words), st.sampled_from(CATALOG.ignore_words).map(str.upper))


@given(st.sampled_from(NORMALISABLE), st.lists(ADDITIONS, min_size=1, max_size=3), st.data())
def test_adding_doses_salts_or_release_words_never_changes_the_match(named: tuple[str, Medicine], additions, data) -> None:
    name, medicine = named
    typed = name.split()
    for addition in additions:
        typed.insert(data.draw(st.integers(0, len(typed))), addition)
    text = " ".join(typed)
    assume(exact_form(text) not in EXACT_ONLY)
    assert CATALOG.lookup(text) is medicine, text


@given(st.sampled_from([name for name, _medicine in NORMALISABLE]))
def test_normalising_catalog_names_twice_is_normalising_once(name: str) -> None:
    assert NORMALISE(NORMALISE(name)) == NORMALISE(name)


def _write(tmp_path: Path, medicines: str, ignore_words: str = "[]") -> Path:
    path = tmp_path / "medicines.yaml"
    path.write_text(
        f"version: '1'\nignore_words: {ignore_words}\nclasses: [{{id: triptan, kind: acute, label: Triptan}}]\n"
        f"medicines: {medicines}\n",
        encoding="utf-8",
    )
    return path


def test_duplicate_name_is_rejected(tmp_path) -> None:
    path = _write(tmp_path, "[{generic: sumatriptan, acute: triptan, brands: [Imitrex]},"
                            " {generic: rizatriptan, acute: triptan, brands: [imitrex]}]")
    with pytest.raises(DataFileError, match=r"medicines\[1\] \(rizatriptan\): name 'imitrex' is also "
                                            r"medicines\[0\] \(sumatriptan\) name 'Imitrex'"):
        load_catalog(path)


def test_names_of_two_medicines_that_normalise_alike_are_rejected_naming_both(tmp_path) -> None:
    path = _write(tmp_path, "[{generic: sumatriptan, acute: triptan, brands: [Solpa]},"
                            " {generic: rizatriptan, acute: triptan, brands: [Solpa XL]}]", "[xl]")
    with pytest.raises(DataFileError, match=r"medicines\[1\] \(rizatriptan\): name 'Solpa XL' reads as 'solpa', "
                                            r"like medicines\[0\] \(sumatriptan\) name 'Solpa'"):
        load_catalog(path)


def test_exact_only_names_may_normalise_like_another_medicine(tmp_path) -> None:
    catalog = load_catalog(_write(tmp_path, "[{generic: paracetamol, acute: triptan, brands: [Tylenol]},"
                                            " {generic: paracetamol/codeine, acute: triptan, exact_only: [Tylenol 3]}]"))
    assert catalog.lookup("tylenol 3").generic == "paracetamol/codeine"
    assert catalog.lookup("Tylenol 3 tablets") is None
    assert catalog.lookup("Tylenol 500 mg").generic == "paracetamol"


def test_names_of_one_medicine_may_normalise_alike(tmp_path) -> None:
    catalog = load_catalog(_write(tmp_path, "[{generic: propranolol, acute: triptan, brands: [Inderal, Inderal LA]}]", "[la]"))
    assert catalog.lookup("Inderal LA 80 mg").generic == "propranolol"


@pytest.mark.parametrize(
    ("medicines", "ignore_words", "message"),
    [("[{generic: sumatriptan, acute: triptan, brands: [XL]}]", "[xl]", r"name 'XL' is only doses and ignored words"),
     ("[{generic: sumatriptan, acute: triptan, exact_only: [Imitrex]},"
      " {generic: rizatriptan, acute: triptan, brands: [IMITREX]}]",
      "[]", r"name 'IMITREX' is also medicines\[0\] \(sumatriptan\) name 'Imitrex'"),
     ("[{generic: sumatriptan, acute: triptan}]", "['50 mg']", r"ignore_words\[0\]: '50 mg' has no word left")],
)
def test_names_and_ignore_words_that_cannot_work_are_rejected(tmp_path, medicines, ignore_words, message) -> None:
    with pytest.raises(DataFileError, match=message):
        load_catalog(_write(tmp_path, medicines, ignore_words))


def test_unlisted_names_key_like_the_lookup_normalises() -> None:
    """Rules add up rows naming one unlisted medicine: doses, case and spacing do not split it."""
    assert CATALOG.name_key("Migrastop 50 mg") == CATALOG.name_key("  migrastop ") == "migrastop"
    assert CATALOG.name_key("Migrastop") != CATALOG.name_key("Zolvadin")
    assert CATALOG.name_key("50 mg") == "50 mg"


def _two_language_catalog(tmp_path: Path, local_name: str) -> Path:
    path = tmp_path / "medicines.yaml"
    path.write_text(
        "version: '1'\nlanguages: [en, es]\n"
        "classes:\n  - {id: triptan, kind: acute, label: {en: Triptan, es: Triptán}}\n"
        f"medicines:\n  - {{generic: sumatriptan, acute: triptan, synonyms: [sumatriptán], local_names: {{es: {local_name}}}}}\n",
        encoding="utf-8",
    )
    return path


def test_a_medicine_has_the_name_patients_know_in_their_language(tmp_path) -> None:
    catalog = load_catalog(_two_language_catalog(tmp_path, "sumatriptán"), "es")
    assert catalog.name_in("sumatriptan", "es") == "sumatriptán"
    assert catalog.name_in("sumatriptan", "en") == "sumatriptan"
    assert catalog.name_in("not listed", "es") == "not listed"
    assert catalog.class_label("triptan") == "Triptán"
    assert load_catalog(_two_language_catalog(tmp_path, "sumatriptán")).class_label("triptan") == "Triptan"


def test_a_local_name_must_be_one_of_the_medicines_names(tmp_path) -> None:
    path = _two_language_catalog(tmp_path, "imigrán")
    with pytest.raises(DataFileError, match=r"sumatriptan: local_names es: 'imigrán' is not one of its names"):
        load_catalog(path)
