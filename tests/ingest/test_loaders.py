from pathlib import Path

import pytest

from ingest import texts
from ingest.loaders import LoadError, load_document

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "title", "date", "sections", "snippet"),
    [
        (
            "회비_규정.txt",
            "경기 이업종교류회 회비 규정",
            "2026-03-02",
            ["제1장 총칙", "제1조(목적)", "제3조(회비)", "제3조의2(감면)", "제4조(환불)"],
            "연회비 60만 원을 매년 3월 31일까지 납부한다.",
        ),
        (
            "정례회_일정.md",
            "2026년 상반기 정례회 일정",
            "2026-03-02",
            ["3월 정례회", "4월 합동 세미나"],
            "3월 17일(화) 오후 7시 수원",
        ),
        (
            "사무국_공지_euckr.txt",
            "사무국 공지",
            "2026-03-02",
            [],
            "연락처가 바뀐 회원사는 사무국에 알려 주세요.",
        ),
        (
            "지원사업_안내.html",
            "2026년 중소기업 협업 지원사업",
            "2026-02-20",
            ["지원 내용", "신청 방법"],
            "이업종 공동 개발 과제에 최대 5천만 원을 지원합니다.",
        ),
        (
            "자주_묻는_질문.pdf",
            "자주 묻는 질문",
            "2026-03-02",
            [],
            "한 업종에서 한 회사만 가입할 수 있어요.",
        ),
        (
            "교류회_회칙.docx",
            "성남 이업종교류회 회칙",
            "2025-12-09",
            ["제1장 회원", "제5조(가입)", "회비 기준"],
            "정회원 | 60만 원",
        ),
        (
            "방문_행사.hwpx",
            "2026년 회원사 방문 행사 안내",
            "2026-03-05",
            [],
            "4월 회원사 방문은 화성 공장에서 합니다.",
        ),
    ],
)
def test_each_format_yields_title_date_sections_and_text(
    name: str, title: str, date: str, sections: list[str], snippet: str
) -> None:
    document = load_document(FIXTURES / name)

    assert document.title == title
    assert document.date == date
    headings = [section.heading for section in document.sections]
    assert all(heading in headings for heading in sections)
    assert snippet in document.text


def test_html_drops_scripts_styles_and_navigation() -> None:
    text = load_document(FIXTURES / "지원사업_안내.html").text

    assert "스크립트 내용" not in text
    assert "color: red" not in text
    assert "메뉴 전체" not in text
    assert "구분 | 금액" in text


def test_html_list_items_stay_items(tmp_path: Path) -> None:
    page = tmp_path / "소식지.html"
    page.write_text(
        "<html><body><h2>하반기 일정</h2><ul>"
        "<li>11월 26일(목) 오후 3시: 2027년 지원사업 설명회</li>"
        "<li>12월 11일(금) 오후 6시: 2026 송년회</li></ul>"
        "<ol><li>신청서를 냅니다</li><li>심사를 받습니다</li></ol></body></html>",
        encoding="utf-8",
    )

    lines = load_document(page).text.splitlines()

    assert "- 11월 26일(목) 오후 3시: 2027년 지원사업 설명회" in lines
    assert "- 12월 11일(금) 오후 6시: 2026 송년회" in lines
    assert "2. 심사를 받습니다" in lines


def test_hwpx_keeps_table_cell_text() -> None:
    assert "집결 장소: 수원역 4번 출구" in load_document(FIXTURES / "방문_행사.hwpx").text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("옛날문서.hwp", texts.HWP_LEGACY),
        ("데이터.xyz", texts.UNSUPPORTED),
        ("빈파일.txt", texts.EMPTY_FILE),
        ("암호.pdf", texts.ENCRYPTED_PDF),
        ("잘린.pdf", texts.CORRUPT),
        ("깨진.docx", texts.CORRUPT),
    ],
)
def test_unusable_files_are_refused_with_a_korean_reason(name: str, reason: str) -> None:
    with pytest.raises(LoadError) as refused:
        load_document(FIXTURES / name)

    assert refused.value.reason == reason


def test_hwp_message_tells_the_user_what_to_do() -> None:
    assert "HWPX 또는 PDF로 저장해 다시 올려 주세요" in texts.HWP_LEGACY


def test_text_in_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "이상한.txt"
    path.write_bytes(b"\xff\xfe\xfa\xfb\x80\x81")

    with pytest.raises(LoadError) as refused:
        load_document(path)

    assert refused.value.reason == texts.BAD_ENCODING


def test_file_without_headings_is_titled_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "회의록.txt"
    path.write_text("오늘은 회원사 방문 일정을 논의했습니다. 다음 모임은 4월입니다.\n", "utf-8")

    assert load_document(path).title == "회의록"


def test_character_references_copied_from_a_web_page_are_read_as_characters(
    tmp_path: Path,
) -> None:
    path = tmp_path / "논문.txt"
    path.write_text("교류회 가입 동기\n&lt;표 4&gt;에서 보듯 권유가 45%로 가장 많았다.\n", "utf-8")

    text = load_document(path).text

    assert "<표 4>에서 보듯" in text
    assert "&lt;" not in text
