"""A client generated from /api/schema/ builds without warnings and runs the README's flow (issue 15 item 7).

The generator (openapi-python-client) lives in its own virtualenv, `.venv-client` (`make client-venv`),
because its pins clash with the app's; it needs no network. The generated client runs in the app's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from factdesk.api.tokens import create_token

from . import factories

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = Path(os.environ.get("FACTDESK_CLIENT_GENERATOR", ROOT / ".venv-client/bin/openapi-python-client"))


def generate(tmp_path: Path) -> Path:
    if not GENERATOR.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test: no generator at {GENERATOR} (make client-venv)")
        pytest.skip(f"needs openapi-python-client at {GENERATOR}: make client-venv")
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(schema))
    out = tmp_path / "factdesk_client"
    environment = os.environ | {"PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [str(GENERATOR), "generate", "--path", str(schema), "--output-path", str(out), "--meta", "none",
         "--fail-on-warning"],
        capture_output=True, text=True, env=environment, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0 and "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    return out


@pytest.mark.django_db(transaction=True)
def test_a_generated_client_builds_without_warnings_and_runs_the_readme_flow(live_server, tmp_path):
    client_package = generate(tmp_path)
    tool = factories.make_user("cms-plugin", is_superuser=True)  # a transactional test has no migrated groups
    _, key = create_token(tool)  # stored hashed: the key is known only now
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "client_flow.py"), live_server.url, key],
        capture_output=True, text=True, timeout=300,
        env=os.environ | {"PYTHONPATH": str(client_package.parent)},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "flow ok" in result.stdout
