from knowledge.lexical import BIGRAM_PREFIX, analyze, has_content, normalize


def morphemes(text: str, *, query: bool = False) -> list[str]:
    return [t for t in analyze(text, query=query).terms if not t.startswith(BIGRAM_PREFIX)]


def test_particles_and_endings_are_stripped() -> None:
    assert morphemes("강퇴는 어떤 경우에 당해요?") == ["강퇴", "경우", "당하"]
    assert morphemes("회비를 냈습니다") == ["회비", "내"]


def test_numbers_latin_words_and_hanja_are_kept() -> None:
    terms = morphemes("1989년 PL보험 平壤")
    assert {"1989", "pl", "보험", "平壤"} <= set(terms)


def test_question_words_are_dropped_from_queries_only() -> None:
    assert "언제" not in morphemes("회비는 언제까지 내나요?", query=True)
    assert "b:언제" not in analyze("언제", query=True).terms
    assert "언제" in morphemes("회비는 언제까지 내나요?")


def test_how_glued_to_its_ending_is_no_search_word() -> None:
    terms = analyze("사무국 주소가 어떻게되나요", query=True).terms

    assert "b:어떻" not in terms  # it would match every FAQ heading "…어떻게 되나요?"
    assert "b:주소" in terms
    assert "b:어떻" in analyze("어떻게되나요").terms  # documents keep it


def test_bigrams_match_compounds_spaced_differently() -> None:
    spaced = set(analyze("지명 수배").terms)
    joined = set(analyze("지명수배된 날").terms)
    assert {"b:지명", "b:수배"} <= spaced & joined


def test_terms_remember_their_sentence() -> None:
    analysis = analyze("회비는 연 30만 원입니다. 정례회는 매월 열립니다.")
    sentence_of = dict(zip(analysis.terms, analysis.sentences, strict=True))
    assert sentence_of["회비"] == 0
    assert sentence_of["정례회"] == 1


def test_width_and_case_are_folded() -> None:
    assert normalize("ＰＬ보험") == "pl보험"
    assert not has_content(" ?! … ")
    assert has_content("회비?")
