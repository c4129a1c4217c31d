"""문서: upload files through the ingest pipeline, see what is indexed, relabel or remove it.

Every change is audited and followed by the running bot's refresh, so the next question is
answered from the documents as they now are. A group admin manages only the documents visible
in their own group's rooms; a federation admin manages all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation.admins import ConsoleUser
from bot.federation.errors import FederationError
from bot.secretariat import documents
from bot.secretariat.documents import DocumentInfo, FileResult, Upload
from bot.storage.federation_models import Group
from handlers.admin.common import Console, Page
from knowledge.store import ChunkStore

MAX_FILES = 50
"""Files one upload may carry (the body limit bounds their total size)."""


def routes(console: Console) -> Sequence[BaseRoute]:
    """The list with its upload form, the upload itself, relabelling and removal."""
    opened: list[ChunkStore] = []

    def store() -> ChunkStore:
        # Opened on first use and kept: Chroma's client is shared within the process.
        if not opened:
            assert console.knowledge is not None
            opened.append(ChunkStore.open(console.knowledge))
        return opened[0]

    def folder() -> Path:
        assert console.knowledge is not None
        return console.knowledge.data_dir / documents.FOLDER

    async def show(
        request: Request,
        user: ConsoleUser,
        *,
        status: int = 200,
        results: list[FileResult] | None = None,
        message: str | None = None,
        error: str | None = None,
    ) -> Response:
        groups = await console.read(lambda session: _groups(session, user))
        listed = await run_in_threadpool(documents.list_documents, store(), folder=folder())
        labels = _visibility_labels(groups)
        return console.render(
            request,
            "documents.html",
            user=user,
            status=status,
            documents=[d for d in listed if _may_see(user, d.visibility)],
            manageable={d.source for d in listed if _may_manage(user, d.visibility)},
            kinds=texts.DOC_KIND_NAMES,
            visibilities=labels,
            choices=[(value, label) for value, label in labels.items() if _may_manage(user, value)],
            results=results,
            summary=_summary(results) if results else None,
            statuses=texts.DOC_STATUS_NAMES,
            message=message,
            error=error,
        )

    async def documents_page(request: Request, user: ConsoleUser) -> Response:
        if console.knowledge is None:
            return console.problem(request, texts.DOC_NO_KNOWLEDGE, 503, user)
        return await show(request, user)

    async def upload(request: Request, user: ConsoleUser) -> Response:
        if console.knowledge is None:
            return console.problem(request, texts.DOC_NO_KNOWLEDGE, 503, user)
        form = await request.form(max_files=MAX_FILES)
        kind = str(form.get("kind", "")) or None
        visibility = str(form.get("visibility", "public"))
        if not _may_manage(user, visibility):
            return await show(request, user, status=403, error=texts.DOC_GROUP_ONLY)
        files = [
            Upload(item.filename or "", await item.read())
            for item in form.getlist("files")
            if isinstance(item, UploadFile) and (item.filename or item.size)
        ]
        try:
            results = await console.write(
                lambda session: documents.add_documents(
                    session,
                    store=store(),
                    folder=folder(),
                    files=files,
                    actor=user.actor,
                    kind=kind,
                    visibility=visibility,
                )
            )
        except FederationError as refused:
            return await show(request, user, status=400, error=str(refused))
        if any(result.status == "ingested" for result in results):
            await run_in_threadpool(console.refresh)
        return await show(request, user, results=results)

    async def change(request: Request, user: ConsoleUser) -> Response:
        if console.knowledge is None:
            return console.problem(request, texts.DOC_NO_KNOWLEDGE, 503, user)
        form = await request.form()
        source = str(form.get("source", ""))
        kind, visibility = str(form.get("kind", "")), str(form.get("visibility", ""))
        try:
            found = await run_in_threadpool(
                documents.find_document, store(), source=source, folder=folder()
            )
            if not (_may_manage(user, found.visibility) and _may_manage(user, visibility)):
                return await show(request, user, status=403, error=texts.DOC_GROUP_ONLY)
            changed = await console.write(
                lambda session: documents.change_document(
                    session,
                    store=store(),
                    folder=folder(),
                    source=source,
                    actor=user.actor,
                    kind=kind,
                    visibility=visibility,
                )
            )
        except FederationError as refused:
            return await show(request, user, status=400, error=str(refused))
        await run_in_threadpool(console.refresh)
        return await show(request, user, message=texts.DOC_CHANGED.format(name=changed.name))

    async def remove(request: Request, user: ConsoleUser) -> Response:
        """GET asks to confirm; POST with ``confirm`` removes."""
        if console.knowledge is None:
            return console.problem(request, texts.DOC_NO_KNOWLEDGE, 503, user)
        if request.method == "GET":
            source = request.query_params.get("source", "")
        else:
            source = str((await request.form()).get("source", ""))
        try:
            found = await run_in_threadpool(
                documents.find_document, store(), source=source, folder=folder()
            )
        except FederationError as refused:
            return await show(request, user, status=404, error=str(refused))
        if not _may_manage(user, found.visibility):
            return console.forbidden(request, user)
        if request.method == "GET":
            return console.render(
                request,
                "document_remove.html",
                user=user,
                document=found,
                kinds=texts.DOC_KIND_NAMES,
            )
        removed: DocumentInfo = await console.write(
            lambda session: documents.remove_document(
                session, store=store(), folder=folder(), source=source, actor=user.actor
            )
        )
        await run_in_threadpool(console.refresh)
        return await show(request, user, message=texts.DOC_REMOVED.format(name=removed.name))

    return [
        Route("/documents", console.page(documents_page), name="documents"),
        Route("/documents/upload", console.page(upload), methods=["POST"], name="documents_upload"),
        Route("/documents/change", console.page(change), methods=["POST"], name="documents_change"),
        Route(
            "/documents/remove",
            console.page(remove),
            methods=["GET", "POST"],
            name="documents_remove",
        ),
    ]


PAGE = Page(
    name="documents",
    label=texts.ADM_NAV_DOCUMENTS,
    routes=routes,
    uploads=("/documents/upload",),
)


def _groups(session: Session, user: ConsoleUser) -> list[tuple[int, str]]:
    rows = session.execute(select(Group.id, Group.name).order_by(Group.name))
    return [(gid, name) for gid, name in rows if user.groups is None or gid in user.groups]


def _visibility_labels(groups: list[tuple[int, str]]) -> dict[str, str]:
    labels = {"public": texts.DOC_VISIBILITY_PUBLIC, "members": texts.DOC_VISIBILITY_MEMBERS}
    labels.update((f"group:{gid}", texts.doc_visibility_group(name)) for gid, name in groups)
    return labels


def _may_see(user: ConsoleUser, visibility: str) -> bool:
    """A group admin sees what their groups' members see: public, members, their groups'."""
    return visibility in ("public", "members") or _may_manage(user, visibility)


def _may_manage(user: ConsoleUser, visibility: str) -> bool:
    """A federation admin manages every document, a group admin their own groups' only."""
    if user.groups is None:
        return True
    return visibility in {f"group:{gid}" for gid in user.groups}


def _summary(results: list[FileResult]) -> str:
    count = {status: sum(r.status == status for r in results) for status in texts.DOC_STATUS_NAMES}
    return texts.doc_uploaded(count["ingested"], count["unchanged"], count["failed"])
