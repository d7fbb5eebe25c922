from intake.questionnaire.form import Form
from intake.questionnaire.paging import section_pages


def _section(form: Form, section_id: str):
    return next(section for section in form.sections if section.id == section_id)


def test_red_flags_fill_three_screens_of_at_most_five_in_form_order(form: Form) -> None:
    section = _section(form, "red_flags")
    pages = section_pages(section)
    assert [len(page.questions) for page in pages] == [5, 5, 4]
    assert [question for page in pages for question in page.questions] == list(section.questions)
    assert [(page.part, page.parts) for page in pages] == [(1, 3), (2, 3), (3, 3)]


def test_a_section_without_page_size_is_one_screen(form: Form) -> None:
    section = _section(form, "about_you")
    assert section.page_size is None
    (page,) = section_pages(section)
    assert page.questions == section.questions and (page.part, page.parts) == (1, 1)


def test_a_page_asks_something_only_if_one_of_its_questions_is_shown(form: Form) -> None:
    last = section_pages(_section(form, "health_safety"))[-1]
    assert last.question_ids == ("aminoglycoside_now", "botulinum_last_3_months", "anticoagulant")
    assert last.asks_any_of({"anticoagulant", "given_name"})
    assert not last.asks_any_of({"given_name"})
