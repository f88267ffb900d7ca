"""`manage.py extract_claims`: the extractor from the command line, no database."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "extract_claims", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=120,
        env={"DEBUG": "1", "PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:////nonexistent/dir/db.sqlite3"},
    )


def test_json_output_anchors_every_quote_in_the_text(tmp_path):
    text = "Some 2,000 people are waiting at Belarus’ Bruzgi border crossing into Poland.\r\nIt rained."
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    result = run(str(path), "--published", "2021-11-21", "--json")
    assert result.returncode == 0, result.stderr
    [claim] = json.loads(result.stdout)
    assert claim["quote"] == "Some 2,000" and text[claim["quote_start"] : claim["quote_end"]] == "Some 2,000"
    assert claim["qualifier"] == "approx" and claim["unit"] == "people" and "Bruzgi" in claim["places"]


def test_standard_input_and_line_output():
    result = run("-", stdin=b"More than 8,000 people have tried to enter the bloc in 2021.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("0-15\t")


def test_unreadable_or_non_utf8_input_exits_2_naming_the_file(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\u00e9 prices rose 5%".encode("latin-1"))
    for path in (latin1, tmp_path / "missing.txt"):
        result = run(str(path))
        assert result.returncode == 2
        assert str(path) in result.stderr.decode() and len(result.stderr.decode().strip().splitlines()) == 1
