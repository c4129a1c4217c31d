"""Console channel and one-shot questions: ``gyoryu chat`` and ``gyoryu ask``.

``gyoryu ask --json`` is a contract other tools rely on: one JSON object per question (JSON Lines
with ``-``), exit code 0 whenever an answer, including "not in the documents", was produced.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from bot import texts
from handlers import cli_texts

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from sqlalchemy.orm import Session, sessionmaker

    from bot.answers import QaAnswer
    from bot.qa import DocumentQA
    from knowledge.settings import KnowledgeSettings


CONSOLE_USER = "local"


def register(app: typer.Typer) -> None:
    """Add the console commands to the ``gyoryu`` app."""
    app.command("ask")(ask)
    app.command("chat")(chat)


def ask(
    question: Annotated[str, typer.Argument(help=cli_texts.ASK_QUESTION_HELP)],
    as_json: Annotated[bool, typer.Option("--json", help=cli_texts.ASK_JSON_HELP)] = False,
    top_k: Annotated[
        int | None, typer.Option("--top-k", min=1, max=50, help=cli_texts.ASK_TOP_K_HELP)
    ] = None,
) -> None:
    """문서에서 질문의 답을 찾아 출처와 함께 보여 줍니다."""
    from knowledge.settings import KnowledgeSettings

    out = _utf8(sys.stdout)
    settings = KnowledgeSettings()
    qa = _open_qa(settings)
    k = top_k or settings.top_k
    questions = _lines(_utf8(sys.stdin)) if question == "-" else iter([question])
    for line in questions:
        qa.refresh_if_changed()  # a long `ask -` session sees documents ingested meanwhile
        answer = qa.answer(line, top_k=k)
        if as_json:
            out.write(json.dumps(answer.as_json(), ensure_ascii=False) + "\n")
        else:
            out.write(render(answer) + "\n")
        out.flush()


def chat(
    as_member: Annotated[
        str | None,
        typer.Option(
            "--as",
            metavar=cli_texts.CHAT_AS_METAVAR,
            help=cli_texts.CHAT_AS_HELP,
        ),
    ] = None,
) -> None:
    """콘솔에서 도우미와 대화합니다 (끝내려면 /종료 또는 EOF)."""
    import asyncio

    from bot.federation.sample import load_sample_federation
    from handlers.memory import MemoryChannel
    from handlers.wiring import build_bot, open_answerer, open_sessions
    from ingest.sample import load_sample_corpus_if_empty
    from knowledge.settings import KnowledgeSettings

    out, inp = _utf8(sys.stdout), _utf8(sys.stdin)
    # Opening the database, the index and the Korean analyser takes seconds (more the first time,
    # when the sample documents are read): say so first, so that nobody stares at a blank screen.
    out.write(texts.CHAT_STARTING + "\n")
    out.flush()
    settings = KnowledgeSettings()
    sessions = open_sessions()
    if load_sample_corpus_if_empty(settings):
        out.write(texts.CHAT_SAMPLE_LOADED + "\n")
        load_sample_federation(sessions)
    user = CONSOLE_USER if as_member is None else _speak_as(sessions, as_member)
    # The console is one more channel: the same core answers here as in Telegram or Slack.
    answerer = open_answerer(settings)
    console = MemoryChannel(build_bot(sessions, settings, answerer=answerer), name="console")
    out.write(texts.CHAT_GREETING + "\n")
    lines = terminal_lines() if _interactive(inp, out) else piped_lines(inp, out)
    for line in lines:
        if line.strip().lower() in texts.CHAT_QUIT_WORDS:
            break
        if not line.strip():
            continue
        # Documents ingested or removed meanwhile (`gyoryu ingest` in another window) count now.
        answerer.refresh_if_changed()
        for reply in asyncio.run(console.say(user, line.strip())):
            out.write(reply.text + "\n")
        out.flush()
    out.write("\n" + texts.CHAT_GOODBYE + "\n")
    out.flush()


def _speak_as(sessions: sessionmaker[Session], key: str) -> str:
    """The console account linked to the member ``key`` names (one account per member)."""
    from bot.clock import utcnow
    from bot.federation import linking, members

    with sessions.begin() as session:
        member = members.find_member(session, key)
        account = f"{CONSOLE_USER}-{member.id}"
        linking.link_by_secretariat(
            session,
            platform="console",
            platform_user_id=account,
            member=member,
            actor="console",
            now=utcnow(),
        )
        name = member.name
    typer.echo(texts.chat_speaking_as(name))
    return account


def terminal_lines(keys: Input | None = None, screen: Output | None = None) -> Iterator[str]:
    """Lines typed at a terminal, with line editing (arrows, history) and no length limit.

    prompt_toolkit reads keys in raw mode, so neither the terminal's 4,096-byte line buffer nor
    its echo of arrow keys as ``^[[D`` applies; a pasted multi-line text arrives as one message.
    Ctrl-C clears the line, Ctrl-D (or /종료) ends the conversation.
    """
    from prompt_toolkit import PromptSession

    session: PromptSession[str] = PromptSession(input=keys, output=screen)
    while True:
        try:
            yield session.prompt("\n" + texts.CHAT_PROMPT)
        except KeyboardInterrupt:
            continue
        except EOFError:
            return


def piped_lines(stream: TextIO, out: TextIO) -> Iterator[str]:
    """Lines read from a pipe or file, each after the prompt, whole however long they are."""
    while True:
        out.write("\n" + texts.CHAT_PROMPT)
        out.flush()
        line = stream.readline()
        if not line:
            return
        yield line.rstrip("\r\n")


def _interactive(inp: TextIO, out: TextIO) -> bool:
    """Whether a person types at a terminal (both ends are TTYs)."""
    return inp.isatty() and out.isatty()


def render(answer: QaAnswer) -> str:
    """An answer for people: the text, then the numbered sources it drew on (when it cites them)."""
    if not answer.sources or not answer.confident:
        return answer.text
    lines = [answer.text, "", texts.QA_SOURCES_HEADING]
    lines += [texts.qa_source_line(c.number, c.title, c.section) for c in answer.sources]
    return "\n".join(lines)


def _open_qa(settings: KnowledgeSettings) -> DocumentQA:
    from bot.qa import DocumentQA

    return DocumentQA.open(settings)


def _lines(stream: TextIO) -> Iterator[str]:
    """Lines of ``stream``, read lazily so each answer goes out as its question arrives.

    Blank lines are kept (they get the "please type a question" answer) so output line N always
    answers input line N.
    """
    for line in stream:
        yield line.rstrip("\r\n")


def _utf8(stream: TextIO) -> TextIO:
    """``stream`` re-encoded as UTF-8, so Korean survives a C/POSIX terminal locale."""
    if (stream.encoding or "").replace("-", "").lower() == "utf8":
        return stream
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="replace")
    return stream
