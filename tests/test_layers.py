"""The layering holds: import-linter's contracts (pyproject.toml) are kept, function-level imports included.

A cycle, Django in the extraction library or the linking rules, articles importing claims, or the
API plumbing knowing an app each break a contract and fail this test.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def test_import_contracts_are_kept():
    if subprocess.run([sys.executable, "-c", "import importlinter"], capture_output=True).returncode:
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: import-linter is not installed (requirements-dev.txt)")
        pytest.skip("needs import-linter (pip install -r requirements-dev.txt)")
    result = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
