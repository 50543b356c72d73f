"""What machine a benchmark's numbers come from: the lines it prints first."""

from __future__ import annotations

import platform


def print_machine() -> None:
    print(f"platform     {platform.platform()}")
    print(f"cpu          {platform.processor() or platform.machine()}")
    print(f"python       {platform.python_version()}")
