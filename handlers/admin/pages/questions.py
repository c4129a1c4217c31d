"""질문 기록: every question and its answer; filters, CSV/XLSX export, FAQ answers from a line."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation.admins import ConsoleUser
from bot.federation.errors import FederationError
from bot.question_log import QuestionFilter, QuestionRow, question, questions
from bot.routing import cards, fields
from bot.secretariat import questions as secretariat_questions
from bot.storage.federation_models import Group
from handlers.admin.common import Console, Page, channel_name, download, kst

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def routes(console: Console) -> Sequence[BaseRoute]:
    """The log with its filters, its two exports, and the FAQ form of one line."""

    async def listed(
        request: Request, user: ConsoleUser
    ) -> tuple[QuestionFilter, list[QuestionRow], list[tuple[int, str]]] | None:
        """The filter and its rows, or ``None`` when it names a group outside the admin's."""
        where = question_filter(request, console.clock())
        if where.group_id is not None and not user.may_see(where.group_id):
            return None

        def read(session: Session) -> tuple[list[QuestionRow], list[tuple[int, str]]]:
            rows = questions(session, where=where, scope=user.groups)
            groups = [
                (g.id, g.name)
                for g in session.query(Group).order_by(Group.name)
                if user.may_see(g.id)
            ]
            return rows, groups

        rows, groups = await console.read(read)
        return where, rows, groups

    async def questions_page(request: Request, user: ConsoleUser) -> Response:
        found = await listed(request, user)
        if found is None:
            return console.forbidden(request, user)
        where, rows, groups = found
        return console.render(
            request,
            "questions.html",
            user=user,
            rows=rows,
            groups=groups,
            where=where,
            query=request.url.query,
            days=request.query_params.get("days", "30"),
        )

    async def questions_csv(request: Request, user: ConsoleUser) -> Response:
        found = await listed(request, user)
        if found is None:
            return console.forbidden(request, user)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(texts.ADM_QUESTIONS_EXPORT_HEADER)
        writer.writerows(export_row(row) for row in found[1])
        # The BOM makes Excel read the file as UTF-8 (Korean otherwise turns to mojibake).
        body = "\ufeff" + buffer.getvalue()
        return download(body.encode(), "questions.csv", "text/csv; charset=utf-8")

    async def questions_xlsx(request: Request, user: ConsoleUser) -> Response:
        from openpyxl import Workbook

        found = await listed(request, user)
        if found is None:
            return console.forbidden(request, user)
        book = Workbook()
        sheet = book.active
        sheet.title = texts.ADM_NAV_QUESTIONS
        sheet.append(list(texts.ADM_QUESTIONS_EXPORT_HEADER))
        for row in found[1]:
            sheet.append(list(export_row(row)))
        buffer = io.BytesIO()
        book.save(buffer)
        return download(buffer.getvalue(), "questions.xlsx", XLSX)

    async def faq_page(request: Request, user: ConsoleUser) -> Response:
        """Write an FAQ answer for a question of the log; the bot answers from it at once."""
        if user.groups is not None:  # a card answers every member of the federation
            return console.problem(request, texts.ADM_FAQ_FEDERATION_ONLY, 403, user)
        answer_id: int = request.path_params["answer_id"]
        row = await console.read(
            lambda session: question(session, answer_id=answer_id, scope=user.groups)
        )
        if row is None:
            return console.problem(request, texts.ADM_NOT_FOUND, 404, user)
        draft = {"question": row.question, "answer": "", "field": fields.OTHER}
        error = None
        if request.method == "POST":
            form = await request.form()
            draft = {key: str(form.get(key, "")) for key in draft}
            try:
                await console.write(
                    lambda session: cards.write_card(
                        session,
                        question=draft["question"],
                        answer=draft["answer"],
                        field=draft["field"],
                        actor=user.actor,
                        now=console.clock(),
                    )
                )
            except FederationError as refused:
                error = str(refused)
            else:
                return console.render(
                    request,
                    "faq.html",
                    user=user,
                    row=row,
                    saved=texts.ADM_FAQ_SAVED,
                    draft=draft,
                    fields=fields.FIELDS,
                )
        return console.render(
            request,
            "faq.html",
            user=user,
            row=row,
            draft=draft,
            error=error,
            fields=fields.FIELDS,
            status=400 if error else 200,
        )

    async def line(request: Request, user: ConsoleUser) -> QuestionRow | None:
        answer_id: int = request.path_params["answer_id"]
        return await console.read(
            lambda session: question(session, answer_id=answer_id, scope=user.groups)
        )

    async def synonym_page(request: Request, user: ConsoleUser) -> Response:
        """Teach the bot a member's word from a question it could not answer."""
        if user.groups is not None:  # the glossary serves every member of the federation
            return console.problem(request, texts.GLOSSARY_FEDERATION_ONLY, 403, user)
        row = await line(request, user)
        if row is None:
            return console.problem(request, texts.ADM_NOT_FOUND, 404, user)
        if console.knowledge is None:
            return console.problem(request, texts.DOC_NO_KNOWLEDGE, 503, user)
        knowledge = console.knowledge
        draft = {"word": "", "synonym": ""}
        error = saved = None
        if request.method == "POST":
            form = await request.form()
            draft = {key: str(form.get(key, "")) for key in draft}
            try:
                added = await console.write(
                    lambda session: secretariat_questions.add_synonym(
                        session,
                        settings=knowledge,
                        word=draft["word"],
                        synonym=draft["synonym"],
                        actor=user.actor,
                    )
                )
            except FederationError as refused:
                error = str(refused)
            else:
                await run_in_threadpool(console.refresh)
                saved = texts.glossary_saved(added.words)
        return console.render(
            request,
            "synonym.html",
            user=user,
            row=row,
            draft=draft,
            error=error,
            saved=saved,
            status=400 if error else 200,
        )

    async def advisor(request: Request, user: ConsoleUser) -> Response:
        """Hand the question to an advisor; the answer goes to the member who asked."""
        row = await line(request, user)
        if row is None:
            return console.problem(request, texts.ADM_NOT_FOUND, 404, user)
        handed = await console.write(
            lambda session: secretariat_questions.hand_to_advisor(
                session, answer_id=row.answer_id, actor=user.actor, now=console.clock()
            )
        )
        message = texts.handed_to_advisor(handed.ticket_id, handed.field, already=handed.already)
        return console.render(request, "handed.html", user=user, row=row, message=message)

    return [
        Route("/questions", console.page(questions_page), name="questions"),
        Route(
            "/questions/{answer_id:int}/synonym",
            console.page(synonym_page),
            methods=["GET", "POST"],
            name="synonym",
        ),
        Route(
            "/questions/{answer_id:int}/advisor",
            console.page(advisor),
            methods=["POST"],
            name="advisor",
        ),
        Route("/questions.csv", console.page(questions_csv), name="questions_csv"),
        Route("/questions.xlsx", console.page(questions_xlsx), name="questions_xlsx"),
        Route(
            "/questions/{answer_id:int}/faq",
            console.page(faq_page),
            methods=["GET", "POST"],
            name="faq",
        ),
    ]


PAGE = Page(name="questions", label=texts.ADM_NAV_QUESTIONS, routes=routes)


def export_row(row: QuestionRow) -> tuple[object, ...]:
    """One line of the CSV/XLSX export, in the order of the header."""
    return (
        kst(row.asked_at),
        channel_name(row.channel),
        ", ".join(row.groups),
        row.question,
        row.answer,
        "; ".join(row.sources),
        texts.ADM_YES if row.confident else texts.ADM_NO,
        row.helpful,
        row.unhelpful,
    )


def question_filter(request: Request, now: datetime) -> QuestionFilter:
    """The 질문 기록 filters from the query string (a malformed value filters nothing)."""
    params = request.query_params
    days = params.get("days", "30")
    since = now - timedelta(days=int(days)) if days.isdigit() and int(days) > 0 else None
    group = params.get("group", "")
    return QuestionFilter(
        since=since,
        unconfident=params.get("unconfident") == "1",
        thumbs_down=params.get("down") == "1",
        group_id=int(group) if group.isdigit() else None,
        keyword=params.get("q", "")[:100],
    )
