"""A question answerer for channel tests: canned answers by keyword, records what it was asked."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from bot.answers import Citation, QaAnswer

FEE_ANSWER = QaAnswer(
    text="연회비는 60만 원이고 3월 말까지 납부하시면 돼요 [1].",
    confident=True,
    sources=(
        Citation(1, "한빛연합회 정관", "https://example.org/rules", "제8조(회비)", "연회비…", 3.2),
    ),
)
MEMBERS_ONLY_ANSWER = QaAnswer(
    text="회원 전용 지원사업은 스마트공장 바우처예요 [1].",
    confident=True,
    sources=(Citation(1, "2026 지원사업 안내", "docs/support.md", "바우처", "바우처…", 2.5),),
)
# Like the real answerer, a "not covered" answer still carries the passages it looked at.
UNKNOWN_ANSWER = QaAnswer(
    text="연합회 자료에서는 이 질문에 대한 내용을 찾지 못했어요.",
    confident=False,
    sources=(Citation(1, "2026 지원사업 안내", "docs/support.md", "바우처", "바우처…", 0.1),),
    route="세무",
    kind="not_covered",
)


@dataclass
class FakeAnswerer:
    """Answers about fees for everyone and support programmes for members; else don't know.

    ``gate`` (when set) holds every answer until released, to catch the bot mid-answer;
    ``answering`` is set once an answer has started (its question was recorded before).
    """

    asked: list[tuple[str, frozenset[str] | None]] = field(default_factory=list)
    gate: threading.Event | None = None
    fail: bool = False
    answering: threading.Event = field(default_factory=threading.Event)

    def answer(
        self, question: str, *, allowed: frozenset[str] | None = None, top_k: int = 5
    ) -> QaAnswer:
        self.asked.append((question, allowed))
        self.answering.set()
        if self.gate is not None:
            self.gate.wait(timeout=10)
        if self.fail:
            raise RuntimeError("the knowledge store is unreachable")
        if "회비" in question:
            return FEE_ANSWER
        if "지원사업" in question and allowed and "members" in allowed:
            return MEMBERS_ONLY_ANSWER
        return UNKNOWN_ANSWER
