from intake.questionnaire.patient_wording import problems_summary, progress


def test_progress_names_the_part_only_where_a_section_has_several_screens() -> None:
    assert progress(2, 7) == "Section 2 of 7"
    assert progress(7, 7, 1, 1) == "Section 7 of 7"
    assert progress(7, 8, 2, 3) == "Section 7 of 8 · part 2 of 3"


def test_the_problem_count_agrees_with_its_number() -> None:
    assert problems_summary(1) == "1 answer needs attention"
    assert problems_summary(2) == "2 answers need attention"
    assert problems_summary(12) == "12 answers need attention"
