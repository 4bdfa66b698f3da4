# Two commands on a fresh machine:  make run  (set up, ingest if needed, start the app)  |  make test
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PORT ?= 8501
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install install-test run ingest test eval eval-fresh eval-blind status clean browser-deps

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, exactly 2.13.0: that takes the CPU build on this machine (any other spec pulls CUDA).
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

install: $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

install-test: $(TEST_STAMP)

# Debian's Chromium for the real-browser test (Playwright must not download its own browser).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) || echo "chromium could not be installed: the browser test will be skipped"; \
	  else echo "chromium missing and not root: the browser test will be skipped (sudo apt-get install chromium chromium-driver)"; fi; \
	fi

ingest: install
	$(BIN)/ofsted-assistant ingest

status: install
	$(BIN)/ofsted-assistant status

# Ingest is incremental: with nothing changed it writes nothing and takes about a second.
run: install
	$(BIN)/ofsted-assistant ingest --quiet || [ $$? -eq 2 ]
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: install-test browser-deps
	$(BIN)/python -m pytest -q -rs

eval: install
	$(BIN)/ofsted-assistant eval

# The second held-back set, run on its own (not in `make eval`'s totals or CI's thresholds)
eval-fresh: install
	$(BIN)/ofsted-assistant eval --cases eval/cases/heldout-fresh.yaml --out eval/reports/fresh

# The blind-written dev sets (second to fifteenth), each written by a helper that never saw the engine, then used for development (run on their own)
eval-blind: install
	$(BIN)/ofsted-assistant eval --cases eval/cases/dev-blind.yaml --cases eval/cases/dev-blind-3.yaml --cases eval/cases/dev-blind-4.yaml \
		--cases eval/cases/dev-blind-5.yaml --cases eval/cases/dev-blind-6.yaml --cases eval/cases/dev-blind-7.yaml --cases eval/cases/dev-blind-8.yaml --cases eval/cases/dev-blind-9.yaml \
		--cases eval/cases/dev-blind-10.yaml --cases eval/cases/dev-blind-11.yaml --cases eval/cases/dev-blind-12.yaml \
		--cases eval/cases/dev-blind-13.yaml --cases eval/cases/dev-blind-14.yaml --cases eval/cases/dev-blind-15.yaml \
		--cases eval/cases/dev-blind-16.yaml --cases eval/cases/dev-blind-17.yaml --cases eval/cases/dev-blind-18.yaml \
		--cases eval/cases/dev-blind-19.yaml --out eval/reports/blind

clean:
	rm -rf $(VENV) data

# Benchmarks (several minutes; results in docs/bench/, see docs/benchmarks.md). Not part of `make test`.
.PHONY: bench
bench: install
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/query_bench.py
