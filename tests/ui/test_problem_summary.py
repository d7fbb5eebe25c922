from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui import problem_summary
from intake.ui.problem_summary import ProblemSummary

PROBLEMS = [("given_name", "What is your first name?"), ("pregnant", "Are you pregnant, or could you be pregnant?")]


def test_counts_the_problems_and_each_link_names_its_question(qtbot) -> None:
    summary = ProblemSummary(ENGLISH)
    qtbot.addWidget(summary)
    summary.show_problems(PROBLEMS)
    assert summary.title.text() == "2 answers need attention"
    assert [link.caption_text() for link in summary.links.values()] == [text for _key, text in PROBLEMS]
    summary.show_problems(PROBLEMS[:1])
    assert summary.title.text() == "1 answer needs attention" and list(summary.links) == ["given_name"]
    summary.show_problems([])
    assert summary.isHidden()


def test_tapping_a_link_asks_to_go_to_its_question(qtbot) -> None:
    summary = ProblemSummary(ENGLISH)
    qtbot.addWidget(summary)
    summary.show_problems(PROBLEMS)
    summary.show()
    with qtbot.waitSignal(summary.go_to, timeout=1000) as asked:
        QTest.mouseClick(summary.links["pregnant"], Qt.MouseButton.LeftButton)
    assert asked.args == ["pregnant"]


def test_screen_readers_hear_the_summary_only_when_asked_to_announce_it(qtbot, monkeypatch) -> None:
    heard = []
    monkeypatch.setattr(problem_summary.QAccessible, "updateAccessibility", heard.append)
    summary = ProblemSummary(ENGLISH)
    qtbot.addWidget(summary)
    summary.show_problems(PROBLEMS, announce=True)
    summary.show_problems(PROBLEMS[:1])
    assert [(event.type(), event.object()) for event in heard] == [(problem_summary.QAccessible.Event.Alert, summary.title)]
