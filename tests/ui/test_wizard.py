"""The patient's wizard driven like a person: taps and typing, then what they see."""

from __future__ import annotations

import json
import logging

import pytest
from patient_driver import tap, type_into, visible_texts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cases import VIGNETTES, vignette
from intake.cli import main as cli_main
from intake.questionnaire.patient_wording import ENGLISH
from intake.questionnaire.response import parse_response

PAGE_ONE = {"given_name": "Zoë", "family_name": "Łukasik-Ó'Brien", "date_of_birth": "1990-03-07", "sex_at_birth": "female"}


def answers_of(vignette_id: str) -> dict:
    return vignette(vignette_id)["answers"]


@pytest.mark.parametrize("policy", ["us-payer", "nice-ta260"])
@pytest.mark.parametrize(
    "vignette_id", ["V01", "V06", "V14", "V16C", "V18", "V19", "V20", "V21", "V22", "V23", "V24", "V25"]
)
def test_full_visit_gives_the_assessment_intake_assess_gives(
    open_kiosk, qtbot, form, tmp_path, capsys, vignette_id, policy
) -> None:
    asks_midas = any(key.startswith("midas_") for key in answers_of(vignette_id))
    window, patient = open_kiosk(policy=policy, midas=asks_midas)
    with qtbot.waitSignal(window.visit_finished, timeout=10_000) as finished_signal:
        patient.complete(answers_of(vignette_id))
    finished = finished_signal.args[0]

    assert finished.response.answers == parse_response(vignette(vignette_id), form).answers
    response_file = tmp_path / "response.json"
    response_file.write_text(json.dumps(finished.response.to_json_dict()), encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["assess", str(response_file), "--policy", policy, "--json"]) == 0
    from_cli = json.loads(capsys.readouterr().out)
    from_wizard = finished.assessment.to_json_dict()
    assert from_wizard.pop("other_policies")
    from_cli.pop("other_policies", None)
    assert from_wizard == from_cli
    expected = next(case for case in VIGNETTES if case["id"] == vignette_id)["expected"][policy]
    assert finished.assessment.outcome == expected["outcome"]


def test_summary_is_saved_under_the_visit_id_only(kiosk, qtbot, tmp_path) -> None:
    window, patient = kiosk
    with qtbot.waitSignal(window.visit_finished, timeout=10_000) as finished_signal:
        patient.complete({**answers_of("V01"), **PAGE_ONE})
    finished = finished_signal.args[0]
    assert finished.pdf_path == tmp_path / "summaries" / f"visit-{finished.visit_id}.pdf"
    assert finished.pdf_path.read_bytes() == finished.pdf
    for private in ("Zoë", "Łukasik", "1990-03-07", "19900307"):
        assert private not in finished.pdf_path.name
    assert window.pages.currentWidget() is window.thank_you
    assert "Please give the tablet back to the front desk." in visible_texts(window)


def test_back_and_next_keep_every_answer(kiosk) -> None:
    _window, patient = kiosk
    patient.start()
    patient.answer_page(PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    patient.next()
    patient.answer("headache_days", 20)
    patient.answer("aura", "yes")
    patient.back()

    page = patient.page()
    assert page.section.id == "about_you"
    assert page.blocks["given_name"].input.line.text() == "Zoë"
    assert page.blocks["family_name"].input.line.text() == "Łukasik-Ó'Brien"
    assert page.blocks["date_of_birth"].input.month.currentText() == "March"
    assert page.blocks["sex_at_birth"].input.button_for("female").isChecked()
    patient.next()
    assert patient.page().blocks["headache_days"].input.line.text() == "20"
    assert patient.page().blocks["aura"].input.button_for("yes").isChecked()
    assert patient.wizard.progress_text.text() == "Section 2 of 7 · part 1 of 3"


def test_follow_up_questions_appear_and_hidden_answers_are_cleared(kiosk) -> None:
    _window, patient = kiosk
    patient.start()
    blocks = patient.page().blocks
    assert blocks["pregnant"].isVisible()
    patient.answer("sex_at_birth", "female")
    patient.answer("pregnant", "no")
    assert patient.wizard.visit.answers["pregnant"] == "no"

    patient.answer("sex_at_birth", "male")
    assert not blocks["pregnant"].isVisible() and not blocks["breastfeeding"].isVisible()
    assert "pregnant" not in patient.wizard.visit.answers
    assert patient.wizard.blocks["rf_pregnancy_new_headache"].isHidden()

    patient.answer("sex_at_birth", "female")
    assert blocks["pregnant"].isVisible()
    assert blocks["pregnant"].value() is None


def test_acute_follow_ups_wait_for_a_medicine(kiosk) -> None:
    _window, patient = kiosk
    patient.advance_to("acute_medicines", answers_of("V01") | PAGE_ONE)
    blocks = patient.page().blocks
    assert not blocks["acute_distinct_days"].isVisible()
    tap(blocks["acute_medicines"].input.none_button)
    assert not blocks["acute_distinct_days"].isVisible()
    patient.answer("acute_medicines", [{"medicine": "Imitrex", "days_per_month": 6}])
    assert blocks["acute_distinct_days"].isVisible() and blocks["acute_months"].isVisible()
    rows = blocks["acute_medicines"].input
    assert not rows.none_button.isVisible()
    assert rows.add_button.text() == "Add another medicine"
    tap(rows.rows[0].remove)
    assert not blocks["acute_distinct_days"].isVisible()
    assert rows.none_button.isVisible() and rows.add_button.text() == "Add a medicine"


def test_next_is_refused_with_plain_words_beside_the_question(kiosk) -> None:
    _window, patient = kiosk
    patient.advance_to("headache_pattern", PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    patient.answer_page({"onset_age": 16, "headache_days": 12, "duration_months": 12})
    patient.next()

    assert patient.page().section.id == "headache_pattern"
    assert patient.problems() == {"hours_per_day": "Please enter a number from 0 to 24."}
    assert patient.wizard.focusWidget() is patient.page().blocks["hours_per_day"].input.line
    patient.answer("hours_per_day", 4.5)
    patient.next_page()
    patient.next_page()
    patient.answer("migraine_days", 20)
    patient.next()

    assert patient.problems() == {
        "migraine_days": "Migraine days can't be more than headache days (you said 12 headache days).",
    }
    assert patient.wizard.focusWidget() is patient.page().blocks["migraine_days"].input.line
    patient.answer("migraine_days", 10)
    assert "migraine_days" not in patient.problems()
    patient.next()
    assert patient.page().section.id == "acute_medicines"


def test_numbers_outside_the_range_and_impossible_dates_are_explained(kiosk) -> None:
    _window, patient = kiosk
    patient.start()
    date_input = patient.page().blocks["date_of_birth"].input
    type_into(date_input.day, "31")
    QTest.keyClicks(date_input.month, "February")
    type_into(date_input.year, "1990")
    patient.next()
    assert patient.problems()["date_of_birth"] == "There is no 31 February 1990. Please check the date."
    type_into(date_input.day, "28")
    patient.answer_page({"given_name": "Ann", "family_name": "Lee", "sex_at_birth": "male"})
    patient.next()

    type_into(patient.page().blocks["headache_days"].input.line, "45")
    patient.next()
    assert patient.problems()["headache_days"] == "Please enter a whole number from 0 to 31."


def test_medicine_rows_need_a_name_and_an_outcome(kiosk) -> None:
    _window, patient = kiosk
    patient.advance_to("preventives", answers_of("V06"))
    rows = patient.page().blocks["preventives"].input
    tap(rows.add_button)
    type_into(rows.rows[0].blocks["weeks"].input.line, "12")
    patient.next()
    assert rows.rows[0].blocks["medicine"].problem == "Please fill in “Medicine name”, or remove this row."
    assert rows.rows[0].blocks["outcome"].problem == "Please choose one answer, or remove this row."
    assert patient.wizard.focusWidget() is rows.rows[0].blocks["medicine"].input.line


def test_plus_and_minus_buttons_count_within_the_range(kiosk) -> None:
    _window, patient = kiosk
    patient.advance_to("headache_pattern", PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    number = patient.page().blocks["headache_days"].input
    tap(number.plus)
    tap(number.plus)
    assert number.line.text() == "2"
    type_into(number.line, "31")
    tap(number.plus)
    assert number.line.text() == "31"
    tap(number.minus)
    assert patient.wizard.visit.answers["headache_days"] == 30


def test_red_flag_alerts_staff_at_once_and_the_patient_sees_nothing_alarming(kiosk, qtbot, caplog) -> None:
    window, patient = kiosk
    patient.advance_to("red_flags", answers_of("V14") | PAGE_ONE)
    visit_id = patient.wizard.visit.visit_id
    texts_before = set(visible_texts(window))
    with caplog.at_level(logging.INFO), qtbot.waitSignal(window.staff_alert, timeout=1000) as alert:
        patient.answer("rf_thunderclap", "yes")
    assert alert.args == [visit_id]
    assert set(visible_texts(window)) == texts_before
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert visit_id in logged
    for private in ("thunderclap", "rf_", "yes", "Zoë", "red"):
        assert private not in logged


def test_onset_after_fifty_also_alerts_staff(kiosk, qtbot) -> None:
    window, patient = kiosk
    patient.advance_to("headache_pattern", PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    with qtbot.waitSignal(window.staff_alert, timeout=1000):
        patient.answer("onset_age", 55)


def test_review_lists_answers_and_edit_goes_back_to_the_section(kiosk) -> None:
    _window, patient = kiosk
    patient.reach_review(answers_of("V01") | PAGE_ONE)
    review = patient.wizard.review
    assert patient.wizard.next_button.text() == ENGLISH.FINISH
    assert review.findChild(QWidget, "answer-headache_days").text() == "22 days a month"
    assert review.findChild(QWidget, "answer-date_of_birth").text() == "7 March 1990"
    assert "sumatriptan, 4 days a month" in review.findChild(QWidget, "answer-acute_medicines").text()

    tap(review.edit_buttons["headache_pattern"])
    assert patient.page().section.id == "headache_pattern"
    type_into(patient.page().blocks["headache_days"].input.line, "25")
    patient.next_page()
    patient.next_page()
    assert patient.wizard.next_button.text() == ENGLISH.BACK_TO_REVIEW
    patient.next()
    assert patient.on_review()
    assert review.findChild(QWidget, "answer-headache_days").text() == "25 days a month"


def test_finish_sends_the_patient_back_to_anything_left_unanswered(kiosk) -> None:
    _window, patient = kiosk
    patient.reach_review(answers_of("V06"))
    tap(patient.wizard.review.edit_buttons["about_you"])
    patient.answer_page({"sex_at_birth": "female", "pregnant": "no", "breastfeeding": "no"})
    patient.next()
    missing = patient.wizard.review.findChild(QWidget, "answer-rf_pregnancy_new_headache")
    assert missing.text() == "Not answered"

    patient.finish()
    assert patient.page().section.id == "red_flags" and patient.page().page.part == 2
    assert patient.problems() == {"rf_pregnancy_new_headache": "Please choose Yes, No or Not sure."}


def test_enter_key_means_next(kiosk) -> None:
    _window, patient = kiosk
    patient.start()
    patient.answer_page(PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    QTest.keyClick(patient.page().blocks["given_name"].input.line, Qt.Key.Key_Return)
    assert patient.page().section.id == "headache_pattern"


def test_thank_you_returns_to_a_welcome_screen_with_nothing_left(kiosk, qtbot) -> None:
    window, patient = kiosk
    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.complete(answers_of("V01") | PAGE_ONE)
    window.thank_you._timer.setInterval(10)
    window.thank_you.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=2000)
    QApplication.processEvents()
    assert window.wizard is None
    qtbot.waitUntil(lambda: not any("Zoë" in text for text in _all_texts(window)), timeout=2000)


def _all_texts(window) -> list[str]:
    texts = []
    for widget in window.findChildren(QWidget):
        text = getattr(widget, "text", None)
        if callable(text) and isinstance(value := text(), str):
            texts.append(value)
    return texts


def test_summary_that_cannot_be_saved_is_kept_and_the_desk_is_told(open_kiosk, qtbot, tmp_path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    window, patient = open_kiosk(output_dir=blocked)
    with qtbot.waitSignal(window.visit_finished, timeout=10_000) as finished_signal:
        patient.complete(answers_of("V01"))
    assert finished_signal.args[0].pdf_path is None
    assert window.unsaved == [finished_signal.args[0]]
    assert any("summary needs their attention" in text for text in visible_texts(window))


def test_tab_moves_in_reading_order_and_reaches_new_rows_before_next(kiosk) -> None:
    _window, patient = kiosk
    patient.start()
    wizard = patient.wizard
    blocks = patient.page().blocks
    names = []
    tap(blocks["given_name"].input.line)
    for _ in range(8):
        QTest.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
        names.append(wizard.focusWidget().accessibleName() or wizard.focusWidget().text())
    assert names == [
        "What is your last name (family name)?",
        "What is your date of birth?: day",
        "What is your date of birth?: month",
        "What is your date of birth?: year",
        "Choose the date by touch: decade, year, month, then day",
        "Female",
        "Yes",
        "Yes",
    ]

    advance_to_medicines = answers_of("V01") | PAGE_ONE
    while patient.page().section.id != "acute_medicines":
        patient.answer_page(advance_to_medicines)
        patient.next_page()
    rows = patient.page().blocks["acute_medicines"].input
    tap(rows.add_button)
    assert wizard.focusWidget() is rows.rows[0].blocks["medicine"].input.line
    order = []
    for _ in range(6):
        QTest.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
        order.append(wizard.focusWidget())
    days = rows.rows[0].blocks["days_per_month"].input
    follow_up = patient.page().blocks["acute_distinct_days"].input
    assert order == [days.minus, days.line, days.plus, rows.rows[0].done, rows.add_button, follow_up.minus]


def test_enter_on_a_focused_button_presses_that_button_not_next(kiosk) -> None:
    _window, patient = kiosk
    patient.reach_review(answers_of("V01"))
    edit = patient.wizard.review.edit_buttons["headache_pattern"]
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert patient.page().section.id == "headache_pattern"
