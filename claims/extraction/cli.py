"""`extract_claims PATH [--published YYYY-MM-DD] [--json]`, without Django.

The management command on main is a thin wrapper around ``main``. The whole input, verbatim, is
the article body; offsets are Python string indices into it. Exit status: 0 on success, 2 when the
input cannot be read or is not UTF-8, or the arguments or language are wrong (one-line error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from .extract import UnsupportedLanguage, extract
from .pipeline import ModelNotAvailable


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extract_claims", description="Print the claims of an article.")
    parser.add_argument("path", help="article text file, or - for standard input (UTF-8)")
    parser.add_argument("--published", type=_date, default=None, help="publication date, YYYY-MM-DD")
    parser.add_argument("--json", action="store_true", help="print a JSON array of claim objects")
    return parser


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    else:
        with open(path, "rb") as f:
            data = f.read()
    # newline="" semantics: the text is kept verbatim, "\r\n" included.
    return data.decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status instead of exiting."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    name = "<stdin>" if args.path == "-" else args.path
    try:
        text = _read(args.path)
    except UnicodeDecodeError as exc:
        print(f"extract_claims: {name}: not UTF-8 (byte {exc.start})", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"extract_claims: {name}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        claims = extract(text, args.published)
    except UnsupportedLanguage as exc:
        print(f"extract_claims: {name}: {exc}", file=sys.stderr)
        return 2
    except ModelNotAvailable as exc:
        print(f"extract_claims: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([claim.as_dict() for claim in claims], ensure_ascii=False, indent=1))
    else:
        for claim in claims:
            fields = (f"{claim.quote_start}-{claim.quote_end}", claim.label, claim.qualifier, claim.kind)
            print("\t".join(fields) + f"\tscore {claim.score}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
