"""What machine a benchmark ran on, for docs/performance.md: the kernel, cores, memory, CPU, Python."""

import os
import platform
from pathlib import Path


def describe() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    uname = " ".join(platform.uname()[i] for i in (0, 1, 2, 4))
    return f"{uname}; nproc {os.cpu_count()}{memory}, {cpu}, Python {platform.python_version()}"
