"""The hold choice: one low row on a landscape tablet, full-width buttons stacked on a portrait one."""

from __future__ import annotations

from intake.ui.staff.held_visit_panel import HeldVisitPanel
from intake.ui.theme import apply_theme


def _panel_at(qtbot, qapp, width: int) -> HeldVisitPanel:
    apply_theme(qapp)
    panel = HeldVisitPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 300)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(20)
    return panel


def test_one_row_where_both_buttons_fit_beside_the_text(qtbot, qapp) -> None:
    panel = _panel_at(qtbot, qapp, 1232)
    new, go_on = panel.new_visit_button, panel.continue_button
    assert new.geometry().center().y() == go_on.geometry().center().y() == panel.text.geometry().center().y()
    assert new.width() >= new.sizeHint().width() and go_on.width() >= go_on.sizeHint().width()


def test_stacked_on_a_portrait_tablet_without_widening_it(qtbot, qapp) -> None:
    panel = _panel_at(qtbot, qapp, 752)
    new, go_on = panel.new_visit_button, panel.continue_button
    assert panel.text.geometry().bottom() < new.geometry().top() < go_on.geometry().top()
    assert go_on.width() >= go_on.sizeHint().width() and go_on.geometry().right() < panel.width()
    assert panel.minimumSizeHint().width() <= 752
