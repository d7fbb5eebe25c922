"""Medicine lookup: brands and generics are one medicine, any case, unknowns stay unknown."""

from __future__ import annotations

import pytest

from intake.catalog import load_catalog
from intake.paths import CATALOG_FILE
from intake.yamlfile import DataFileError

CATALOG = load_catalog(CATALOG_FILE)

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


def test_duplicate_name_is_rejected(tmp_path) -> None:
    path = tmp_path / "medicines.yaml"
    path.write_text(
        "version: '1'\nclasses: [{id: triptan, kind: acute, label: Triptan}]\n"
        "medicines: [{generic: sumatriptan, acute: triptan, brands: [Imitrex]},"
        " {generic: rizatriptan, acute: triptan, brands: [imitrex]}]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="'imitrex' is also used by sumatriptan"):
        load_catalog(path)
