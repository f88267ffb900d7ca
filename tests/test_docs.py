"""The claim specification in the repository, docs/extraction.md, is the shared one: ../shared/EXTRACTION.md."""

import difflib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FACTDESK_SHARED", ROOT.parent / "shared"))


def test_docs_extraction_md_is_a_copy_of_the_shared_specification():
    shared = SHARED / "EXTRACTION.md"
    if not shared.is_file():
        reason = f"needs the shared specification at {shared} (../shared/EXTRACTION.md)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test: {reason}")
        pytest.skip(reason)
    ours = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    theirs = shared.read_text(encoding="utf-8")
    diff = difflib.unified_diff(
        ours.splitlines(), theirs.splitlines(), "docs/extraction.md", str(shared), lineterm="", n=1
    )
    if ours != theirs:
        pytest.fail(
            f"docs/extraction.md differs from {shared}; bring it in step (cp {shared} docs/extraction.md, "
            "or carry a change of ours over to the shared file):\n" + "\n".join(list(diff)[:60])
        )
