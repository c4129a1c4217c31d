# Two entry points for people: `make chat` (the demo) and `make test` (everything CI checks).
# Both create .venv from the pinned requirements.lock on first use, so a fresh clone needs only
# Python 3.11+, git and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: chat test install lint bench bench-qa bench-ingest lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

chat: $(STAMP)
	$(BIN)/gyoryu chat

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/korquad_retrieval.py

# Answer quality on the sample corpus and ../shared/seeds (dev sets with misses, held-out totals).
bench-qa: $(STAMP)
	$(BIN)/python bench/qa_quality.py

bench-ingest: $(STAMP)
	$(BIN)/python bench/ingest_speed.py

# Re-pin after changing dependencies in pyproject.toml (keeps the lock in step with what passed).
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet --upgrade pip
	.lockenv/bin/python -m pip install --quiet -e '.[dev]'
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^gyoryu' > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
