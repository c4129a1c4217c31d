from typer.testing import CliRunner

from handlers.cli import build_app


def test_help_lists_the_product_in_korean() -> None:
    result = CliRunner().invoke(build_app(), ["--help"])
    assert result.exit_code == 0
    assert "교류" in result.output
