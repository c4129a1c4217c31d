"""Every skill response the builder makes stays inside Kakao's published limits."""

from __future__ import annotations

from typing import Any

from bot.messages import Button, Link, OutgoingMessage
from handlers.kakao_response import (
    CUT_NOTICE,
    callback_ack,
    encoded_size,
    skill_response,
)

SENTENCE = "정례회는 매월 둘째 주 화요일 오후 7시에 연합회 회의실에서 열려요. "


def limit_violations(response: dict[str, Any]) -> list[str]:
    """What in ``response`` breaks Kakao's v2.0 limits (empty when it is fine)."""
    problems = []
    if response.get("version") != "2.0":
        problems.append("version")
    template = response["template"]
    outputs = template["outputs"]
    if not 1 <= len(outputs) <= 3:
        problems.append(f"{len(outputs)} outputs")
    problems += [
        f"text of {len(o['simpleText']['text'])}"
        for o in outputs
        if not 0 < len(o["simpleText"]["text"]) <= 1000
    ]
    replies = template.get("quickReplies", [])
    if len(replies) > 10:
        problems.append(f"{len(replies)} quick replies")
    problems += [f"label {r['label']!r}" for r in replies if len(r["label"]) > 14]
    if encoded_size(response) > 30 * 1024:
        problems.append("over 30 KB")
    return problems


def texts_of(response: dict[str, Any]) -> list[str]:
    return [o["simpleText"]["text"] for o in response["template"]["outputs"]]


def test_a_short_answer_is_one_bubble_with_its_buttons_as_quick_replies() -> None:
    message = OutgoingMessage(
        text="연회비는 60만 원이에요.",
        buttons=(Button("출처 보기", "sources"), Button("👍 도움이 됐어요", "feedback:up:42")),
    )

    response = skill_response([message])

    assert limit_violations(response) == []
    assert texts_of(response) == ["연회비는 60만 원이에요."]
    assert response["template"]["quickReplies"] == [
        {
            "label": "출처 보기",
            "action": "message",
            "messageText": "출처 보기",
            "extra": {"action": "sources"},
        },
        {
            "label": "👍 도움이 됐어요",
            "action": "message",
            "messageText": "👍 도움이 됐어요",
            "extra": {"action": "feedback:up:42"},
        },
    ]


def test_links_are_listed_under_the_text() -> None:
    message = OutgoingMessage(
        text="회칙 제8조를 보세요.", links=(Link("한빛연합회 정관", "https://example.org/rules"),)
    )

    assert texts_of(skill_response([message])) == [
        "회칙 제8조를 보세요.\n\n한빛연합회 정관 https://example.org/rules"
    ]


def test_a_long_answer_is_split_at_sentences_over_up_to_three_bubbles() -> None:
    text = SENTENCE * 40  # about 1,500 characters

    bubbles = texts_of(skill_response([OutgoingMessage(text=text)]))

    assert len(bubbles) == 2
    assert all(b.endswith("열려요.") for b in bubbles)
    assert " ".join(bubbles) == text.strip()


def test_an_answer_too_long_for_three_bubbles_is_cut_with_a_polite_notice() -> None:
    response = skill_response([OutgoingMessage(text=SENTENCE * 200)])

    assert limit_violations(response) == []
    bubbles = texts_of(response)
    assert len(bubbles) == 3
    assert bubbles[-1].endswith(CUT_NOTICE)
    assert bubbles[-1].removesuffix(CUT_NOTICE).rstrip().endswith("열려요.")


def test_many_messages_share_the_three_bubbles() -> None:
    messages = [OutgoingMessage(text=f"{n}번째 안내예요.") for n in range(1, 6)]

    bubbles = texts_of(skill_response(messages))

    assert bubbles == ["\n\n".join(f"{n}번째 안내예요." for n in range(1, 6))]


def test_quick_replies_are_capped_at_ten_with_short_distinct_labels() -> None:
    buttons = tuple(Button(f"{n}번 교류회 정례회 일정 보기", f"group:{n}") for n in range(15))

    response = skill_response([OutgoingMessage(text="어느 교류회인가요?", buttons=buttons)])

    assert limit_violations(response) == []
    replies = response["template"]["quickReplies"]
    assert len(replies) == 10
    assert replies[0]["label"] == "0번 교류회 정례회 일정…"
    assert replies[0]["messageText"] == "0번 교류회 정례회 일정 보기"


def test_quick_replies_are_dropped_before_the_response_passes_30_kb() -> None:
    buttons = tuple(Button(f"선택 {n}", "x" * 4000 + str(n)) for n in range(10))

    response = skill_response([OutgoingMessage(text=SENTENCE * 200, buttons=buttons)])

    assert limit_violations(response) == []
    assert 0 < len(response["template"]["quickReplies"]) < 10


def test_nothing_to_say_is_an_empty_template() -> None:
    assert skill_response([OutgoingMessage(text="  ")]) == {
        "version": "2.0",
        "template": {"outputs": []},
    }


def test_the_callback_acknowledgement_carries_a_waiting_text() -> None:
    ack = callback_ack()

    assert ack["version"] == "2.0"
    assert ack["useCallback"] is True
    assert ack["data"]["text"]
