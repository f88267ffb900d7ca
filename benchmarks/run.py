"""`make bench`: run every benchmark module (benchmarks/bench_*.py), each through its main().

Each benchmark prints its figures and the machine it ran on; docs/performance.md records them.
Run one alone with `python -m benchmarks.bench_<area>`.
"""

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_"))
    chosen = sys.argv[1:] or names
    for name in chosen:
        print(f"== {name}", flush=True)
        importlib.import_module(f"benchmarks.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
