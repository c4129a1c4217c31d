"""``gyoryu events …``: meetings and federation events, recurring series and RSVPs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from handlers import cli_texts
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

app = typer.Typer(help=cli_texts.EVENTS_HELP, no_args_is_help=True)
# ``events list --json``: the contract for tools, in the order of the table's columns.
EVENTS_KEYS = ("id", "starts_at", "kind", "title", "group", "place")
_YEAR_END = "12-31 23:59"  # the last day a sheet's series reaches (import --year)


@app.command("list")
def list_events(
    group: Annotated[
        str | None, typer.Option("--group", "-g", help=cli_texts.EVENTS_GROUP_HELP)
    ] = None,
    limit: Annotated[int, typer.Option(help=cli_texts.EVENTS_LIMIT_HELP)] = 20,
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
                e.group.name if e.group else cli_texts.FEDERATION_HOST,
                e.place,
            )
            for e in found
        ]
    header = cli_texts.EVENT_COLUMNS
    table(cli_texts.EVENTS_TITLE, header, rows, as_json=as_json, wide=wide, keys=EVENTS_KEYS)


@app.command("show")
def show(event: Annotated[int, typer.Argument(help=cli_texts.EVENT_HELP)]) -> None:
    """행사 정보와 참석 응답 현황을 보여 줍니다."""
    from bot import clock
    from bot.federation import events

    with transaction() as session:
        found = events.find_event(session, event)
        counts = events.rsvp_counts(session, found)
        rows = [
            (cli_texts.EVENT_LABEL_TITLE, found.title),
            (cli_texts.EVENT_LABEL_KIND, found.kind),
            (cli_texts.EVENT_LABEL_STARTS, clock.format_kst(found.starts_at)),
            (cli_texts.EVENT_LABEL_ENDS, clock.format_kst(found.ends_at) if found.ends_at else ""),
            (cli_texts.EVENT_LABEL_PLACE, found.place),
            (cli_texts.EVENT_LABEL_AGENDA, found.agenda),
            (
                cli_texts.EVENT_LABEL_HOST,
                found.group.name if found.group else cli_texts.FEDERATION_HOST,
            ),
            *((cli_texts.rsvp_label(status), count) for status, count in counts.items()),
        ]
    table(cli_texts.event_heading(event), cli_texts.FIELD_COLUMNS, rows)


@app.command("add")
def add(
    title: Annotated[str, typer.Argument(help=cli_texts.EVENT_TITLE_HELP)],
    start: Annotated[
        str,
        typer.Option(help=cli_texts.EVENT_START_HELP),
    ],
    kind: Annotated[str, typer.Option(help=cli_texts.EVENT_KIND_HELP)],
    end: Annotated[str | None, typer.Option(help=cli_texts.EVENT_END_ADD_HELP)] = None,
    group: Annotated[str | None, typer.Option(help=cli_texts.EVENT_GROUP_HELP)] = None,
    place: Annotated[str | None, typer.Option(help=cli_texts.PLACE_HELP)] = None,
    agenda: Annotated[str | None, typer.Option(help=cli_texts.AGENDA_HELP)] = None,
    repeat: Annotated[str | None, typer.Option(help=cli_texts.EVENT_REPEAT_HELP)] = None,
    until: Annotated[str | None, typer.Option(help=cli_texts.EVENT_UNTIL_HELP)] = None,
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
    console.print(texts.fed_saved(texts.FED_KIND_EVENT, added.title))


@app.command("edit")
def edit(
    event: Annotated[int, typer.Argument(help=cli_texts.EVENT_HELP)],
    title: Annotated[str | None, typer.Option(help=cli_texts.EVENT_TITLE_HELP)] = None,
    start: Annotated[str | None, typer.Option(help=cli_texts.EVENT_START_EDIT_HELP)] = None,
    end: Annotated[str | None, typer.Option(help=cli_texts.EVENT_END_HELP)] = None,
    place: Annotated[str | None, typer.Option(help=cli_texts.PLACE_HELP)] = None,
    agenda: Annotated[str | None, typer.Option(help=cli_texts.AGENDA_HELP)] = None,
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
    console.print(texts.fed_saved(texts.FED_KIND_EVENT, changed.title))
    if changed.notified:
        console.print(texts.mtg_notices_queued(changed.notified))


@app.command("remove")
def remove(event: Annotated[int, typer.Argument(help=cli_texts.EVENT_HELP)]) -> None:
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
    event: Annotated[int, typer.Argument(help=cli_texts.EVENT_HELP)],
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
    show_schedule(change, cli_texts.event_schedule_heading(event, change.name))


@app.command("failures")
def failures() -> None:
    """보내지 못한 예약 메시지(봇이 내보내진 방 등)를 보여 줍니다."""
    from bot.schedule import queue

    with transaction() as session:
        console.print(queue.failures_report(session))


@app.command("import")
def import_events(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help=cli_texts.SHEET_FILE_HELP)
    ],
    year: Annotated[int, typer.Option(help=cli_texts.IMPORT_YEAR_HELP)] = 2026,
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
    console.print(texts.fed_saved(cli_texts.SAVED_EVENTS, cli_texts.events_count(loaded)))


@app.command("rsvp")
def rsvp(
    event: Annotated[int, typer.Argument(help=cli_texts.EVENT_HELP)],
    member: Annotated[str, typer.Argument(help=cli_texts.MEMBER_HELP)],
    status: Annotated[str, typer.Argument(help=cli_texts.RSVP_STATUS_HELP)],
    proxy: Annotated[str | None, typer.Option(help=cli_texts.RSVP_PROXY_HELP)] = None,
) -> None:
    """회원의 참석 응답을 기록합니다."""
    from bot import clock, texts
    from bot.secretariat import events

    with transaction() as session:
        recorded = events.record_rsvp(
            session, event_id=event, member=member, status=status, proxy=proxy, now=clock.kst_now()
        )
    console.print(
        texts.fed_saved(
            cli_texts.SAVED_RSVP, cli_texts.rsvp_saved(recorded.member, recorded.status)
        )
    )
