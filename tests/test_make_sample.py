"""tools/make_sample.py: the committed sample is what it writes, and its modules stay small."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
MAX_LINES = 1500


def test_committed_sample_is_up_to_date() -> None:
    """--check regenerates the sample in memory and fails if it differs from the files."""
    result = subprocess.run(
        [sys.executable, "tools/make_sample.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_under_tools_is_too_long() -> None:
    modules = sorted(TOOLS.rglob("*.py"))
    assert TOOLS / "make_sample.py" in modules
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in modules
    }
    too_long = {path: n for path, n in lengths.items() if n > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines: {too_long}"
