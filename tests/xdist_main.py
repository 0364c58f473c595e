"""The main script an xdist worker names (conftest sets it as the worker's `__main__.__file__`).

An execnet worker's `__main__` has neither a spec nor a file. pyspark, which great-expectations
imports when it is installed, takes such a process for a doctest run of pyspark itself and exits
it; naming this empty file keeps the worker alive, and a helper process spawned from the worker
runs nothing when it runs it."""
