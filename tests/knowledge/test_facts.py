from knowledge.facts import strength


def test_a_name_with_an_institution_in_brackets_is_a_person_a_list_of_resources_is_not() -> None:
    assert strength("person", "박노국 (상지대학교 시스템경영공학과)") == 1.0
    assert strength("person", "인근 대학의 인적·물적 자원(교수·학생·연구장비 등)을 활용") < 1.0
