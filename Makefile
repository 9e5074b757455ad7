# Two commands on a fresh machine: `make serve` (the web app) and `make test` (every test).
# Both create .venv from the pinned set in requirements/constraints.txt when it is missing or stale.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8866

.PHONY: install serve test validate slides bench lock clean lite

$(STAMP): pyproject.toml requirements/constraints.txt package-lock.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt -e '.[dev]'
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/workshop-kit serve --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/workshop-kit validate
	$(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/workshop-kit validate

slides: $(STAMP)
	$(BIN)/workshop-kit slides

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | sed '1i # Pinned set used by make, CI and binder/. Regenerate with: make lock' > requirements/constraints.txt

clean:
	rm -rf $(VENV) slides/build reports build .pytest_cache .ruff_cache .hypothesis

bench: $(STAMP)
	$(BIN)/python bench/bench_content.py
	$(BIN)/python bench/bench_webapp.py
	$(BIN)/python bench/bench_reports.py
	$(BIN)/python bench/bench_lite.py

lite: $(STAMP)
	$(BIN)/workshop-kit lite
