"""Every Korean message the ingest commands show (polite 해요체).

The ingest package may not import ``bot`` (see the dependency rule), so its copy lives here.
"""

from __future__ import annotations

# ── Why a file was skipped ──────────────────────────────────────────────────────────────
NOT_FOUND = "파일이나 폴더를 찾을 수 없어요."
UNSUPPORTED = "지원하지 않는 형식이에요. txt, md, html, pdf, docx, hwpx 파일을 올려 주세요."
HWP_LEGACY = "HWP 형식은 읽을 수 없어요. HWPX 또는 PDF로 저장해 다시 올려 주세요."
EMPTY_FILE = "빈 파일이에요."
NO_TEXT = "읽을 수 있는 글자가 없어요. 스캔한 이미지라면 글자 인식(OCR)을 거친 PDF로 올려 주세요."
ENCRYPTED_PDF = "암호가 걸린 PDF예요. 암호를 푼 파일로 다시 올려 주세요."
BAD_ENCODING = "글자 인코딩을 알 수 없어요. UTF-8로 저장해 다시 올려 주세요."
CORRUPT = "파일이 손상되었거나 형식이 맞지 않아 읽지 못했어요."
UNREADABLE = "파일을 열 수 없어요(권한이나 경로를 확인해 주세요)."


def too_large(size_mb: float, limit_mb: float) -> str:
    """Reason for a file over the size limit."""
    return f"파일이 너무 커요({size_mb:.1f}MB). {limit_mb:g}MB 이하만 넣을 수 있어요."


# ── Command output ──────────────────────────────────────────────────────────────────────
PROGRESS = "문서 넣는 중"
NO_DOCUMENTS = "아직 넣은 문서가 없어요. `gyoryu ingest 폴더` 로 문서를 넣어 주세요."
SOURCES_TITLE = "넣은 문서 목록"
SOURCES_COLUMNS = ("제목", "출처", "종류", "공개 범위", "청크", "날짜")
BAD_VISIBILITY = "공개 범위는 public, members, group:<id> 가운데 하나로 적어 주세요."
BAD_KIND = "종류는 rules, events, programs, faq, news 가운데 하나로 적어 주세요."
NOTHING_TO_DO = "넣을 경로를 적거나 --prune 을 붙여 주세요."


def failed_line(source: str, reason: str) -> str:
    """One line per skipped file."""
    return f"건너뜀 {source}: {reason}"


def prune_candidate_line(source: str) -> str:
    """One line per document ``--prune`` would remove."""
    return f"뺄 문서 {source}: 파일이 없어졌어요."


def prune_question(count: int) -> str:
    """Asked before ``--prune`` removes anything."""
    return f"위 문서 {count}개를 색인에서 뺄까요?"


PRUNE_NEEDS_YES = (
    "확인을 받을 수 없는 환경이라 문서를 빼지 않았어요. "
    "위 목록을 확인하신 뒤 --yes를 붙여 다시 실행해 주세요."
)


def prune_unsure_line(source: str) -> str:
    """A document stored by a relative path (older versions) whose folder is not known."""
    return (
        f"남겨 둠 {source}: 예전에 상대 경로로 넣은 문서라 어느 폴더 기준인지 알 수 없어요. "
        "그 폴더에서 다시 넣으면(gyoryu ingest) 절대 경로로 바뀌어요."
    )


def summary(files: int, ingested: int, chunks: int, skipped: int, failed: int) -> str:
    """The closing summary of an ingest run."""
    return (
        f"파일 {files}개 중 {ingested}개를 넣었어요(청크 {chunks}개). "
        f"변경 없음 {skipped}개, 실패 {failed}개예요."
    )


def pruned_summary(count: int) -> str:
    """How many vanished documents were removed."""
    return f"없어진 파일의 문서 {count}개를 색인에서 뺐어요."
