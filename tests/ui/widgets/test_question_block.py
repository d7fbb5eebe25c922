"""A question on screen: optional ones say so, required ones do not."""

from __future__ import annotations

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.widgets.factory import make_block


def test_optional_questions_are_marked_and_required_ones_are_not(qtbot, form, us_rules) -> None:
    aura = make_block(form.question("aura"), us_rules.catalog, ENGLISH)
    onset = make_block(form.question("onset_age"), us_rules.catalog, ENGLISH)
    qtbot.addWidget(aura)
    qtbot.addWidget(onset)
    assert not form.question("aura").required and form.question("onset_age").required
    assert aura.text.text() == ENGLISH.optional_question(form.question("aura").text)
    assert aura.text.text().endswith("(optional)")
    assert onset.text.text() == form.question("onset_age").text
