"""A benchmark without its data says so in Korean instead of a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.parametrize(
    ("script", "where"),
    [("korquad_retrieval.py", ["--data"]), ("chunk_size.py", [])],
)
def test_a_benchmark_without_its_data_explains_in_two_lines(
    script: str, where: list[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"

    run = subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / script), *where, str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("벤치마크 데이터가 없어요:")
    assert len(run.stderr.strip().splitlines()) == 2
