"""질문 기록's line actions: a glossary synonym the running bot uses at once, and an advisor."""

from __future__ import annotations

import html

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.storage.conversation_models import AnswerRecord
from bot.storage.ticket_models import Ticket
from tests.bot.secretariat.test_questions import ASKED, YEAR_END
from tests.handlers.admin.test_documents import Served, served, upload
from tests.handlers.admin.test_web import csrf_of, log_in
from tests.handlers.admin.world import FINE, UNSURE, link

__all__ = ["served"]  # the fixture, shared with the 문서 page's tests


async def test_a_synonym_from_a_line_is_understood_by_the_running_bot(
    served: Served, sessions: sessionmaker[Session]
) -> None:
    await log_in(served.client, link(sessions, "사무국장"))
    await upload(served.client, ("회칙.txt", YEAR_END.encode()))
    [before] = await served.chat.say("501", ASKED)
    listed = await served.client.get("/admin/questions", params={"q": "망년회"})
    form_url = next(
        part.split('"')[0] for part in listed.text.split('href="') if '/synonym"' in part
    )
    form = await served.client.get(form_url)

    saved = await served.client.post(
        form_url, data={"csrf": csrf_of(form), "word": "송년회", "synonym": "망년회"}
    )
    [after] = await served.chat.say("501", ASKED)

    assert ASKED in form.text
    assert saved.status_code == 200
    assert "망년회" in html.unescape(saved.text).split("같은 뜻으로")[0]
    assert "12월" not in before.text
    assert "12월 셋째 주 금요일" in after.text


async def test_a_line_handed_to_an_advisor_opens_one_ticket(
    served: Served, sessions: sessionmaker[Session]
) -> None:
    await log_in(served.client, link(sessions, "사무국장"))
    listed = await served.client.get("/admin/questions", params={"q": UNSURE[:10]})
    action = next(
        part.split('"')[0] for part in listed.text.split('action="') if '/advisor"' in part
    )

    first = await served.client.post(action, data={"csrf": csrf_of(listed)})
    second = await served.client.post(action, data={"csrf": csrf_of(listed)})

    with sessions() as session:
        [ticket] = session.scalars(select(Ticket)).all()
        assert ticket.question == UNSURE
        number, field = ticket.id, ticket.field
    assert texts.handed_to_advisor(number, field, already=False) in first.text
    assert texts.handed_to_advisor(number, field, already=True) in second.text


async def test_a_group_admin_hands_on_their_groups_questions_but_adds_no_synonyms(
    served: Served, sessions: sessionmaker[Session]
) -> None:
    await log_in(served.client, link(sessions, "김회장"))
    listed = await served.client.get("/admin/questions", params={"days": "0"})
    with sessions() as session:
        ids = {
            q: i for q, i in session.execute(select(AnswerRecord.question, AnswerRecord.id)).all()
        }

    synonym = await served.client.get(f"/admin/questions/{ids[UNSURE]}/synonym")
    other = await served.client.post(
        f"/admin/questions/{ids[FINE]}/advisor", data={"csrf": csrf_of(listed)}
    )
    own = await served.client.post(
        f"/admin/questions/{ids[UNSURE]}/advisor", data={"csrf": csrf_of(listed)}
    )

    assert "동의어 추가" not in listed.text
    assert synonym.status_code == 403
    assert texts.GLOSSARY_FEDERATION_ONLY in synonym.text
    assert other.status_code == 404  # 미래교류회's question
    assert own.status_code == 200
