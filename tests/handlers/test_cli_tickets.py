"""``gyoryu tickets|gaps|advisors`` for 전문가 상담, against a desk that has had a conversation.

The CLI and the chat share the data directory's database, as on a secretariat's machine.
"""

from __future__ import annotations

import json
import re

from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from bot import texts
from bot.clock import KST, utcnow
from handlers.cli import build_app
from tests.bot.routing.desk import CHOI, KIM, MEMBER, UNCOVERED, Desk, make_desk, only


def gyoryu(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(build_app(), list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


async def asked(sessions: sessionmaker[Session]) -> Desk:
    # The commands act at the real time, so the desk does too.
    desk = make_desk(sessions, now=utcnow())
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(MEMBER, "/전문가 특허 출원 비용이 얼마나 드나요?")
    await desk.deliver()
    return desk


async def test_tickets_list_as_json_has_the_contract_fields(
    sessions: sessionmaker[Session],
) -> None:
    desk = await asked(sessions)

    code, out = gyoryu("tickets", "list", "--json")
    _, escalated = gyoryu("tickets", "list", "--json", "--state", "escalated")

    assert code == 0
    listed = json.loads(out)
    assert [(t["id"], t["state"], t["field"]) for t in listed] == [
        (1, "assigned", "세무"),
        (2, "escalated", "특허"),
    ]
    assert listed[0]["advisor"] == desk.ids[KIM]
    assert listed[1]["advisor"] is None
    asked_at = desk.clock[0].astimezone(KST).isoformat(timespec="minutes")
    assert listed[0]["asked_at"] == asked_at
    assert [t["id"] for t in json.loads(escalated)] == [2]


async def test_assign_show_approve_and_gaps(sessions: sessionmaker[Session]) -> None:
    desk = await asked(sessions)

    code, assigned = gyoryu("tickets", "assign", "1", str(desk.ids[CHOI]))
    desk.at(utcnow())  # the command queued its DM a moment ago
    dm = only(await desk.deliver(), CHOI)
    [answered] = await desk.chat.say(CHOI, "/답변 1 8월 31일까지예요.")
    _, unapproved = gyoryu("tickets", "approve", "2")
    _, approved = gyoryu("tickets", "approve", "1", "--expires", "2027-03-31")
    _, shown = gyoryu("tickets", "show", "1", "--json")
    _, found = gyoryu("gaps", "--json")

    assert code == 0
    assert "#1" in assigned
    assert UNCOVERED in dm.text
    assert answered.text == texts.rt_answer_sent(1)
    assert texts.rt_not_answered(2) in unapproved
    assert "세무사 최○○" in approved
    assert "2027-03-31" in approved
    record = json.loads(shown)
    assert [m["text"] for m in record["messages"]] == ["8월 31일까지예요."]
    assert ("manual", "reassigned") in [
        (h.get("reason"), h.get("after")) for h in record["history"]
    ]
    gaps = json.loads(found)
    assert [q["question"] for q in gaps["unanswered"]] == []  # /전문가 questions skip the documents
    assert gaps["overdue"] == []


async def test_an_unknown_ticket_is_a_korean_line(sessions: sessionmaker[Session]) -> None:
    await asked(sessions)

    code, out = gyoryu("tickets", "show", "99")

    assert code == 1
    assert "'#99'에 해당하는 상담을 찾을 수 없어요." in out


async def test_a_new_advisor_gets_a_number_and_links_with_an_invite(
    sessions: sessionmaker[Session],
) -> None:
    desk = await asked(sessions)

    code, added = gyoryu("advisors", "add", "한변리", "--field", "특허", "--title", "변리사")
    number = re.search(r"번호 (\d+)", added)
    assert code == 0
    assert number is not None
    _, invited = gyoryu("advisors", "invite", number[1])
    code_shown = re.search(r"코드는 (\S+) 입니다", invited)
    assert code_shown is not None
    [linked] = await desk.chat.say("p1", f"/연결 {code_shown[1]}")
    desk.at(utcnow())
    await desk.chat.say(MEMBER, "/전문가 상표 등록은 얼마나 걸리나요?")
    dm = only(await desk.deliver(), "p1")

    assert "한변리" in linked.text
    assert "상표 등록은 얼마나 걸리나요?" in dm.text


def test_an_unknown_state_is_refused_naming_the_states() -> None:
    code, out = gyoryu("tickets", "list", "--state", "done")

    assert code == 2
    assert "--state 값이 올바르지 않아요" in out
    assert "open, assigned, reassigned, waiting_member" in out
    assert "Traceback" not in out


async def test_the_secretariat_sets_a_fields_sla_and_an_advisors_hours(
    sessions: sessionmaker[Session],
) -> None:
    desk = await asked(sessions)

    code, shown = gyoryu("tickets", "sla", "--json")
    _, changed = gyoryu("tickets", "sla", "--field", "세무", "--remind", "2", "--reassign", "3")
    refused_code, refused = gyoryu("tickets", "sla", "--field", "세무", "--escalate", "1")
    _, hours = gyoryu("advisors", "hours", str(desk.ids[KIM]), "10:00-17:00")
    bad_code, bad = gyoryu("advisors", "hours", str(desk.ids[KIM]), "저녁")
    _, reset = gyoryu("advisors", "hours", str(desk.ids[KIM]), "기본")

    assert code == 0
    tax = next(row for row in json.loads(shown) if row["field"] == "세무")
    assert (tax["remind"], tax["reassign"], tax["escalate"]) == (1, 2, 3)
    assert re.search(r"세무\s+│?\s*2\s+│?\s*3\s+│?\s*3", changed), changed
    assert refused_code == 1
    assert texts.RT_SLA_BAD_ORDER in refused
    assert "김세무 자문위원의 근무 시간을 평일 10:00-17:00으로 저장했어요" in hours
    assert bad_code == 1
    assert texts.RT_HOURS_BAD in bad
    assert "기본값(평일 09:00-18:00)으로 되돌렸어요" in reset
