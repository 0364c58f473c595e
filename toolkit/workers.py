"""Work split over processes: an ordered map that other processes help with when the input pays for it.

The helpers are fresh interpreters (multiprocessing's "spawn"), safe whatever threads this process
runs and on every platform. Each gets the shared inputs (articles, registry, vocabulary) pickled
once, when it starts. Items go out in runs; the helpers take runs from the front, while this
process, instead of waiting for them to start, takes runs from the back that no helper has begun.
Results come back in item order, so the caller merges them exactly as it would serially. If a
helper dies (killed for memory, say), the runs it had not answered are done here.

`PRISONER_DATA_WORKERS=N` sets the number of processes, this one included (1: this one only);
set, it applies whatever the size of the input.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

WORKERS_ENV = "PRISONER_DATA_WORKERS"
MAX_PROCESSES = 8
RUNS_PER_PROCESS = 64  # many short runs: the processes meet near the middle, neither waiting long for the other

_task: Callable | None = None  # in a helper: the function, and the shared inputs it is called with
_shared: tuple = ()


def processes_for(work_bytes: int, min_bytes: int) -> int:
    """How many processes to split `work_bytes` of input over: 1 below `min_bytes` (unless
    PRISONER_DATA_WORKERS says otherwise), else one per usable core."""
    chosen = os.environ.get(WORKERS_ENV, "").strip()
    if chosen:
        if not chosen.isdigit() or int(chosen) < 1:
            from .errors import UsageError

            raise UsageError(f"{WORKERS_ENV} must be a whole number of processes (1 or more), got {chosen!r}",
                             hint=f"unset {WORKERS_ENV} to use every core, or set it to 1 to use this process only")
        return min(int(chosen), 64)
    if work_bytes < min_bytes:
        return 1
    return min(usable_cores(), MAX_PROCESSES)


def usable_cores() -> int:
    """The cores this process may run on (not all the machine has, under a CPU affinity or quota)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def ordered_map(function: Callable[..., Result], items: Iterable[Item], processes: int, shared: tuple = ()
                ) -> Iterator[Result]:
    """`function(*shared, item)` for each item, in the items' order, over up to `processes` processes.

    `function` must be importable by name (a module-level function): the helpers look it up."""
    items = list(items)
    if processes < 2 or len(items) < 2:
        yield from _here(function, items, shared)
        return
    yield from _helped(function, items, processes, shared)


def _here(function: Callable, items: list, shared: tuple) -> Iterator:
    """The items done in this process, one at a time as they are asked for."""
    return (function(*shared, item) for item in items)


def _helped(function: Callable, items: list, processes: int, shared: tuple) -> Iterator:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, -(-len(items) // (processes * RUNS_PER_PROCESS)))
    runs = [items[start:start + size] for start in range(0, len(items), size)]
    pool = None
    try:
        pool = ProcessPoolExecutor(max_workers=min(processes - 1, len(runs)), initializer=_start,
                                   initargs=(function, shared), mp_context=multiprocessing.get_context("spawn"))
        with _without_main_script():
            futures = [pool.submit(_run, run) for run in runs]  # the helpers start here
    except (OSError, ImportError, NotImplementedError, BrokenProcessPool):
        # no helpers on this system (no working semaphores, no processes): all of it here
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        yield from _here(function, items, shared)
        return
    here: dict[int, list] = {}
    try:
        for index in reversed(range(len(runs))):
            if not futures[index].cancel():  # a helper has it: from here on, the helpers are ahead
                break
            here[index] = list(_here(function, runs[index], shared))
        for index, run in enumerate(runs):
            if index in here:
                yield from here.pop(index)
                continue
            try:
                results = futures[index].result()
            except BrokenProcessPool:
                results = _here(function, run, shared)
            futures[index] = None  # the caller holds what it keeps of the results; this list need not
            yield from results
    finally:  # stopped early (an error, ^C): what the helpers have not begun is dropped, not waited for
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _without_main_script():
    """A spawned helper runs the caller's main script again (as `__mp_main__`) unless it was run with
    -m; a script without an `if __name__ == "__main__"` guard would then run twice. The helpers need
    nothing from it, so while they start, the main module they are told of is an empty one."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _start(function: Callable, shared: tuple) -> None:
    global _task, _shared
    _task, _shared = function, shared


def _run(run: list) -> list:
    return [_task(*_shared, item) for item in run]


_BACKGROUND: dict = {}


def background(kind: str):
    """One thread, made once per process, for one kind of background work (file hashes; the spec checks)."""
    if kind not in _BACKGROUND:
        from concurrent.futures import ThreadPoolExecutor

        _BACKGROUND[kind] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"prisoner-data-{kind}")
    return _BACKGROUND[kind]
