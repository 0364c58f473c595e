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
