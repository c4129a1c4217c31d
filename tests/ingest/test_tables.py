from ingest.tables import label_table_rows

MARKDOWN = """\
행사 일정
| 날짜 | 행사 | 참가비 |
|---|---|---|
| 1월 16일(금) | 신년하례회 | 3만원 |
| 12월 11일(금) | 송년회 | 5만원 |
표 아래 설명입니다."""


def test_markdown_rows_carry_their_column_labels_and_the_header_goes() -> None:
    assert label_table_rows(MARKDOWN).splitlines() == [
        "행사 일정",
        "날짜: 1월 16일(금) · 행사: 신년하례회 · 참가비: 3만원",
        "날짜: 12월 11일(금) · 행사: 송년회 · 참가비: 5만원",
        "표 아래 설명입니다.",
    ]


def test_a_loader_table_with_three_columns_takes_its_first_row_as_header() -> None:
    rows = (
        "월 | 새벽교류회 | 미래교류회\n"
        "4월 | 4월 14일(화) | 4월 16일(목)\n"
        "5월 | 5월 12일(화) | 5월 21일(목)"
    )

    assert label_table_rows(rows).splitlines()[1] == (
        "월: 5월 · 새벽교류회: 5월 12일(화) · 미래교류회: 5월 21일(목)"
    )


def test_a_two_column_table_reads_as_key_and_value() -> None:
    rows = "지원 내용 | 비용의 50%\n지원 한도 | 회원사당 한 해 2건"

    assert label_table_rows(rows).splitlines() == [
        "지원 내용: 비용의 50%",
        "지원 한도: 회원사당 한 해 2건",
    ]


def test_lines_without_cells_are_left_alone() -> None:
    text = "회비는 60만원입니다.\nA|B 같은 표기는 표가 아닙니다"

    assert label_table_rows(text) == text
