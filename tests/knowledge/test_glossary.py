from pathlib import Path

import pytest

from knowledge.glossary import Glossary, GlossaryError, add_words
from knowledge.settings import KnowledgeSettings


def test_packaged_glossary_links_member_words_to_document_words() -> None:
    glossary = Glossary.load(KnowledgeSettings())
    assert len(glossary.groups) >= 30
    assert "제명" in glossary.synonyms("강퇴")
    assert "해수" in glossary.synonyms("바닷물")
    assert "강퇴" not in glossary.synonyms("강퇴")
    assert glossary.synonyms("없는말") == ()


def test_expansion_finds_words_inside_the_question() -> None:
    glossary = Glossary.default()
    expansions = glossary.expansions("세금 돌려받기 신청은 어디서 해요?")
    assert "관세환급" in expansions
    assert "세금 돌려받기" not in expansions
    assert "제조물책임보험" in glossary.expansions("PL 보험 가입했나요?")


def test_data_dir_file_adds_and_overrides_groups(isolated_env: Path) -> None:
    isolated_env.mkdir(parents=True)
    (isolated_env / "glossary.toml").write_text(
        '[groups]\n"제명" = ["제명", "아웃"]\n"견학" = ["견학", "투어"]\n', encoding="utf-8"
    )
    glossary = Glossary.load(KnowledgeSettings())
    assert glossary.synonyms("제명") == ("아웃",)
    assert glossary.synonyms("투어") == ("견학",)
    assert "해수" in glossary.synonyms("바닷물")


def test_glossary_path_setting_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    custom = tmp_path / "용어.toml"
    custom.write_text('[groups]\n"모임" = ["번개", "벙개"]\n', encoding="utf-8")
    monkeypatch.setenv("GYORYU_GLOSSARY", str(custom))
    assert Glossary.load(KnowledgeSettings()).synonyms("번개") == ("벙개",)


def test_malformed_file_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "glossary.toml"
    lines = ["[groups]", '"제명" = ["제명", "강퇴"]', '"회비" = ["회비" "연회비"]']
    broken.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"glossary\.toml.*line 3"):
        Glossary.load(KnowledgeSettings(GYORYU_GLOSSARY=broken))


def test_group_that_is_not_a_list_is_reported_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "glossary.toml"
    broken.write_text('[groups]\n"제명" = ["제명"]\n"회비" = "연회비"\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"3번째 줄: '회비'"):
        Glossary.load(KnowledgeSettings(GYORYU_GLOSSARY=broken))


def test_missing_override_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="없는파일"):
        Glossary.load(KnowledgeSettings(GYORYU_GLOSSARY=tmp_path / "없는파일.toml"))


def test_words_inside_longer_words_do_not_expand() -> None:
    glossary = Glossary.default()

    assert "정족수" not in glossary.expansions("이사회 구성원은 누가 돼요?")
    assert "채용" not in glossary.expansions("연합회 회장이 누구인가요?")
    assert "정족수" in glossary.expansions("총회 성원 기준이 뭐예요?")
    assert "반환" in glossary.expansions("회비 돌려받을 수 있나요?")


def test_member_words_from_measured_misses_reach_the_documents_words() -> None:
    glossary = Glossary.default()

    assert "배우자" in glossary.synonyms("와이프")
    assert "부모 별세" in glossary.synonyms("부친상")
    assert "반환" in glossary.synonyms("돌려받")
    assert "준비 서류" in glossary.synonyms("챙기")  # "신청할때 뭐뭐 챙겨가야됨"
    assert "보상" in glossary.synonyms("보험으로 처리")  # "리콜하게되면 PL보험으로 처리돼?"


def test_added_words_join_the_group_that_has_one_of_them(isolated_env: Path) -> None:
    isolated_env.mkdir(parents=True)
    (isolated_env / "glossary.toml").write_text(
        '[groups]\n"견학" = ["견학", "투어"]\n', encoding="utf-8"
    )

    grown = add_words(KnowledgeSettings(), ["강퇴", "쫓겨남"])  # 강퇴 is in the packaged 제명
    new = add_words(KnowledgeSettings(), ["견본시", '샘플 "쇼"'])
    glossary = Glossary.load(KnowledgeSettings())

    assert grown[0] == "제명"
    assert grown[-1] == "쫓겨남"
    assert new == ("견본시", '샘플 "쇼"')
    assert "제명" in glossary.synonyms("쫓겨남")
    assert "강퇴" in glossary.synonyms("쫓겨남")  # the packaged words stay in the group
    assert glossary.synonyms('샘플 "쇼"') == ("견본시",)
    assert glossary.synonyms("투어") == ("견학",)  # the secretariat's own groups are kept


def test_adding_words_keeps_the_secretariats_comments_and_groups(isolated_env: Path) -> None:
    isolated_env.mkdir(parents=True)
    written = (
        "# 사무국 메모: 전시회 용어는 김간사가 관리합니다.\n"
        "[groups]\n"
        '"견학" = ["견학", "투어"]  # 공장 견학 행사\n'
    )
    (isolated_env / "glossary.toml").write_text(written, encoding="utf-8")

    add_words(KnowledgeSettings(), ["견본시", "샘플쇼"])
    text = (isolated_env / "glossary.toml").read_text(encoding="utf-8")

    assert "# 사무국 메모: 전시회 용어는 김간사가 관리합니다." in text
    assert "# 공장 견학 행사" in text
    assert Glossary.load(KnowledgeSettings()).synonyms("샘플쇼") == ("견본시",)
    assert Glossary.load(KnowledgeSettings()).synonyms("투어") == ("견학",)


def test_adding_words_twice_does_not_repeat_them(isolated_env: Path) -> None:
    add_words(KnowledgeSettings(), ["견본시", "샘플쇼"])
    again = add_words(KnowledgeSettings(), ["샘플쇼", "견본시"])

    assert again == ("견본시", "샘플쇼")


def test_members_abbreviations_and_verbs_reach_the_documents_words() -> None:
    glossary = Glossary.default()

    found = dict(glossary.matches("중진공에 교류그룹 만들어달라고 하려면 몇개 기업 모여야돼"))

    assert "중소기업진흥공단" in found["중진공"]
    assert "알리" in glossary.synonyms("연락")
    # Kiwi reads "돌아가시면" as 돌아가 + 시: the stem must lead to 별세.
    assert "별세" in glossary.synonyms("돌아가")
