# `make build` and `make test` each do all set-up on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test test-fast validate docs bench clean

$(STAMP): pyproject.toml constraints.txt Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[build,test]'
	# frictionless finds its plugins on sys.path (pkgutil), where an editable install's import hook does
	# not put them: the checkout goes on it, so `frictionless validate` reads Parquet with our plugin
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "prisoner-data-checkout.pth").write_text(str(pathlib.Path.cwd()) + "\n")'
	# cffconvert checks CITATION.cff; it pins an old jsonschema it runs fine without
	$(BIN)/pip install --quiet --no-deps -c constraints.txt cffconvert pykwalify docopt
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/prisoner-data build

# The whole suite on every core (pytest-xdist); idle workers take queued tests from busy ones.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto --dist worksteal --durations=15

# The loop while editing seeds/ or the toolkit: every test but the slow ones, on every core up to four.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" -n auto --maxprocesses 4 --dist worksteal

validate: $(STAMP)
	$(BIN)/prisoner-data validate

# The generated reference pages (tests check they are current).
docs: $(STAMP)
	$(BIN)/python -m toolkit.cli.reference > docs/cli.md

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_reconcile.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/extract_coverage.py

clean:
	rm -rf $(VENV) .pytest_cache
