"""``gyoryu events …``: meetings and federation events, recurring series and RSVPs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from handlers.cli_output import AsJson, Wide
from handlers.cli_support import (
    DigestBefore,
    Holidays,
    NudgeBefore,
    PromptBefore,
    QuietHours,
    Reminders,
    Reset,
    RsvpListBefore,
    actor,
    console,
    show_schedule,
    table,
    transaction,
)

app = typer.Typer(help="행사·정례회 관리와 참석 응답", no_args_is_help=True)
# ``events list --json``: the contract for tools, in the order of the table's columns.
EVENTS_KEYS = ("id", "starts_at", "kind", "title", "group", "place")
_YEAR_END = "12-31 23:59"  # the last day a sheet's series reaches (import --year)


@app.command("list")
def list_events(
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="교류회(연합회 행사 포함)")
    ] = None,
    limit: Annotated[int, typer.Option(help="최대 개수")] = 20,
    as_json: AsJson = False,
    wide: Wide = False,
) -> None:
    """다가오는 행사를 보여 줍니다."""

    from bot import clock
    from bot.federation import events, groups

    with transaction() as session:
        chosen = {groups.find_group(session, group).id} if group else None
        found = events.upcoming(session, now=clock.kst_now(), groups=chosen, limit=limit)
        rows = [
            (
                e.id,
                clock.format_kst(e.starts_at),
                e.kind,
                e.title,
                e.group.name if e.group else "연합회",
                e.place,
            )
            for e in found
        ]
    header = ("번호", "일시", "구분", "제목", "주관", "장소")
    table("다가오는 행사", header, rows, as_json=as_json, wide=wide, keys=EVENTS_KEYS)


@app.command("show")
def show(event: Annotated[int, typer.Argument(help="행사 번호")]) -> None:
    """행사 정보와 참석 응답 현황을 보여 줍니다."""
    from bot import clock
    from bot.federation import events

    with transaction() as session:
        found = events.find_event(session, event)
        counts = events.rsvp_counts(session, found)
        rows = [
            ("제목", found.title),
            ("구분", found.kind),
            ("일시", clock.format_kst(found.starts_at)),
            ("종료", clock.format_kst(found.ends_at) if found.ends_at else ""),
            ("장소", found.place),
            ("안건", found.agenda),
            ("주관", found.group.name if found.group else "연합회"),
            *((f"응답: {status}", count) for status, count in counts.items()),
        ]
    table(f"행사 {event}", ("항목", "값"), rows)


@app.command("add")
def add(
    title: Annotated[str, typer.Argument(help="제목")],
    start: Annotated[
        str,
        typer.Option(help="시작(KST), 예: '2026-03-10 19:00', '3월 10일 오후 7시', '3/10 19시'"),
    ],
    kind: Annotated[str, typer.Option(help="정례회, 총회, 세미나, 공장견학, 해외시찰, 워크숍 …")],
    end: Annotated[str | None, typer.Option(help="종료(KST), 시각만 쓰면 시작한 날")] = None,
    group: Annotated[str | None, typer.Option(help="교류회(없으면 연합회 행사)")] = None,
    place: Annotated[str | None, typer.Option(help="장소")] = None,
    agenda: Annotated[str | None, typer.Option(help="안건")] = None,
    repeat: Annotated[
        str | None, typer.Option(help="반복, 예: '매월 둘째 주 화요일 오후 7시'")
    ] = None,
    until: Annotated[str | None, typer.Option(help="반복 끝(KST), 기본은 그해 말")] = None,
) -> None:
    """행사를 추가합니다. --repeat을 주면 매월 반복 일정을 만듭니다."""
    from bot import texts
    from bot.secretariat import events

    with transaction() as session:
        added = events.add_event(
            session,
            title=title,
            kind=kind,
            start=start,
            end=end,
            group=group,
            place=place,
            agenda=agenda,
            repeat=repeat,
            until=until,
            actor=actor(),
        )
    console.print(texts.fed_saved("행사", added.title))


@app.command("edit")
def edit(
    event: Annotated[int, typer.Argument(help="행사 번호")],
    title: Annotated[str | None, typer.Option(help="제목")] = None,
    start: Annotated[str | None, typer.Option(help="시작(KST)")] = None,
    end: Annotated[str | None, typer.Option(help="종료(KST)")] = None,
    place: Annotated[str | None, typer.Option(help="장소")] = None,
    agenda: Annotated[str | None, typer.Option(help="안건")] = None,
) -> None:
    """행사 하나의 제목, 일시, 장소, 안건을 고칩니다."""
    from bot import texts
    from bot.secretariat import events

    with transaction() as session:
        changed = events.edit_event(
            session,
            event_id=event,
            title=title,
            start=start,
            end=end,
            place=place,
            agenda=agenda,
            actor=actor(),
            now=datetime.now(UTC),
        )
    console.print(texts.fed_saved("행사", changed.title))
    if changed.notified:
        console.print(texts.mtg_notices_queued(changed.notified))


@app.command("remove")
def remove(event: Annotated[int, typer.Argument(help="행사 번호")]) -> None:
    """행사와 그 참석 응답을 삭제합니다."""
    from bot import texts
    from bot.secretariat import events

    with transaction() as session:
        removed = events.remove_event(session, event_id=event, actor=actor(), now=datetime.now(UTC))
    console.print(texts.FED_DELETED)
    if removed.notified:
        console.print(texts.mtg_notices_queued(removed.notified))


@app.command("schedule")
def schedule(
    event: Annotated[int, typer.Argument(help="행사 번호")],
    reminders: Reminders = None,
    quiet_hours: QuietHours = None,
    holidays: Holidays = None,
    prompt_before: PromptBefore = None,
    nudge_before: NudgeBefore = None,
    digest_before: DigestBefore = None,
    rsvp_list_before: RsvpListBefore = None,
    reset: Reset = False,
) -> None:
    """행사 하나의 알림 일정을 바꾸고 적용되는 일정을 보여 줍니다.

    값을 주지 않은 항목은 교류회 → 연합회 → 기본값 순서로 따릅니다.
    """
    from bot.secretariat.schedule import change_schedule

    with transaction() as session:
        change = change_schedule(
            session,
            event=event,
            given={
                "reminders": reminders,
                "quiet_hours": quiet_hours,
                "skip_holidays": holidays,
                "prompt_before": prompt_before,
                "nudge_before": nudge_before,
                "digest_before": digest_before,
                "rsvp_list_before": rsvp_list_before,
            },
            reset=reset,
            actor=actor(),
            now=datetime.now(UTC),
        )
    show_schedule(change, f"행사 {event} · {change.name}")


@app.command("failures")
def failures() -> None:
    """보내지 못한 예약 메시지(봇이 내보내진 방 등)를 보여 줍니다."""
    from bot.schedule import queue

    with transaction() as session:
        console.print(queue.failures_report(session))


@app.command("import")
def import_events(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help=".csv 또는 .xlsx")],
    year: Annotated[int, typer.Option(help="반복 일정을 펼칠 해")] = 2026,
) -> None:
    """일정표(구분, 제목, 교류회, 시작, 종료, 장소, 안건, 반복, 제외 날짜)를 가져옵니다."""
    from bot import texts
    from bot.federation import event_sheet, groups

    with transaction() as session:
        loaded = event_sheet.load_events(
            session,
            file,
            federation=groups.the_federation(session),
            until=event_sheet.kst_datetime(f"{year}-{_YEAR_END}"),
            actor=actor(),
        )
    console.print(texts.fed_saved("일정", f"{loaded}건"))


@app.command("rsvp")
def rsvp(
    event: Annotated[int, typer.Argument(help="행사 번호")],
    member: Annotated[str, typer.Argument(help="회원 번호 또는 성명")],
    status: Annotated[str, typer.Argument(help="참석, 불참, 미정, 대리참석")],
    proxy: Annotated[str | None, typer.Option(help="대리참석자 성명")] = None,
) -> None:
    """회원의 참석 응답을 기록합니다."""
    from bot import clock, texts
    from bot.secretariat import events

    with transaction() as session:
        recorded = events.record_rsvp(
            session, event_id=event, member=member, status=status, proxy=proxy, now=clock.kst_now()
        )
    console.print(texts.fed_saved("참석 응답", f"{recorded.member} · {recorded.status}"))
