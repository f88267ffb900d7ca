"""`make bench`: run every benchmark (benchmarks/bench_*.py), each in its own process.

Each one sets up Django on its own benchmark database (PostgreSQL; created and filled on first
run), prints its figures and the machine it ran on; docs/performance.md records them. Run one
alone with `python -m benchmarks.bench_<area>`, or name some: `python -m benchmarks.run bench_api`.
"""

import os
import pkgutil
import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    chosen = sys.argv[1:] or names
    # Each benchmark picks its own database; a DATABASE_URL meant for the app must not leak in.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    failed = []
    for name in chosen:
        print(f"== {name}", flush=True)
        if subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=here.parent, env=env).returncode:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
