"""Functions the helper processes of toolkit.workers run in tests: importable by name, as helpers need."""

from __future__ import annotations

import os

import toolkit.ingest.claims as claims

TRACE_ENV = "PRISONER_DATA_TEST_TRACE"
_check_file = claims._check_file


def square_and_pid(parent: int, die_at: int, item: int) -> tuple[int, int]:
    """The item squared, and the process that squared it; a helper given `die_at` dies instead."""
    if item == die_at and os.getpid() != parent:
        os._exit(9)  # a helper killed mid-run (by the OOM killer, say)
    return item * item, os.getpid()


def traced_check_file(*args):
    """claims._check_file, noting in the file named by PRISONER_DATA_TEST_TRACE which process ran it."""
    with open(os.environ[TRACE_ENV], "a") as trace:
        trace.write(f"{os.getpid()}\n")
    return _check_file(*args)


def noted_item(trace: str, parent: int, fail_at: int, item: int) -> int:
    """The item, after noting it in the file `trace` and taking a moment over it; `fail_at` fails in
    the parent process (as a bug, or ^C, would)."""
    import time

    with open(trace, "a") as notes:
        notes.write(f"{item}\n")
    if item == fail_at and os.getpid() == parent:
        raise KeyboardInterrupt
    time.sleep(0.02)
    return item
