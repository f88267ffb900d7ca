# factdesk: `make demo` runs the app with the seed data; `make test` runs the suite.
# Both create .venv and install the pinned requirements themselves: `make venv` and `make demo`
# install only what production runs (requirements.txt); the test, lint and type-check targets add
# the development tools (requirements-dev.txt).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PORT ?= 8000
# Development defaults; the environment wins (CI sets DATABASE_URL and CELERY_BROKER_URL).
export DEBUG ?= 1
# Python keeps compiled modules in __pycache__ (git ignores them) unless PYTHONDONTWRITEBYTECODE is set, as
# some shells and containers set it. Without the cache every test process, each subprocess a test starts,
# and each of pytest's assertion-rewritten plugins compiles its source again: about 6 s of CPU per process.
unexport PYTHONDONTWRITEBYTECODE

CLIENT_VENV := .venv-client
CLIENT_STAMP := $(CLIENT_VENV)/.installed

.PHONY: check-python venv venv-dev client-venv demo test test-fast schema-check screenshots eval bench lint typecheck clean

# The venv's Python once it exists, else the one that would make it: factdesk runs on 3.11 only.
check-python:
	@py=$(PY); test -x $$py || py=$(PYTHON); \
	version=$$($$py -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null); \
	test "$$version" = 3.11 || { \
	  echo "factdesk needs Python 3.11, but $$py is $${version:-not found}." >&2; \
	  echo "Install Python 3.11 and run: make PYTHON=python3.11 $(MAKECMDGOALS) (after make clean if .venv holds another version)." >&2; \
	  exit 1; }

$(STAMP): requirements.txt | check-python
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.txt
	touch $(DEV_STAMP)

venv: $(STAMP)

venv-dev: $(DEV_STAMP)

# openapi-python-client in a virtualenv of its own: its pins clash with the app's (typer, via spaCy).
$(CLIENT_STAMP): requirements-client.txt | check-python
	test -x $(CLIENT_VENV)/bin/python || $(PYTHON) -m venv $(CLIENT_VENV)
	$(CLIENT_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-client.txt
	touch $(CLIENT_STAMP)

client-venv: $(CLIENT_STAMP)

demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest seeds/
	$(PY) manage.py create_demo_users
	@echo "factdesk is at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The suite runs in one process per CPU (pytest-xdist); PYTEST_WORKERS=0 runs it in this process. Tests of one
# xdist_group share a worker (the real-copy evaluations parse the same articles once).
PYTEST_WORKERS ?= auto

test: $(DEV_STAMP) $(CLIENT_STAMP)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The schema validates, and a client generated from it builds without warnings and runs the README's flow.
schema-check: $(DEV_STAMP) $(CLIENT_STAMP)
	$(PY) -m pytest -q tests/test_api_schema.py tests/test_generated_client.py

# Everything but the tests marked slow (browser, real worker, Schemathesis, long texts).
test-fast: $(DEV_STAMP)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m "not slow" $(PYTEST_ARGS)

# The README's pictures: browser tests save test-artifacts/claim-page.png and queue.png; copy them on
# purpose. CI=1 makes a missing Chromium fail instead of skip.
screenshots: $(DEV_STAMP)
	rm -f test-artifacts/claim-page.png test-artifacts/queue.png
	CI=1 $(PY) -m pytest tests/e2e/test_review_flow.py tests/e2e/test_editor_day.py \
		-k "test_alice_verifies_annotates_and_links_the_bruzgi_claim or test_the_seed_queue_at_1440_by_900_as_the_readme_shows_it"
	cp test-artifacts/claim-page.png docs/claim-page.png
	cp test-artifacts/queue.png docs/queue.png

eval: $(STAMP)
	$(PY) -m claims.extraction.evaluation --check tests/data/extraction_dev.jsonl \
		--carry tests/data/extraction_carry.jsonl --carry tests/data/extraction_carry2.jsonl \
		--carry tests/data/extraction_carry3.jsonl --carry tests/data/extraction_carry4.jsonl \
		--dev tests/data/real/extraction/dev --heldout tests/data/real/extraction/heldout
	$(PY) -m claims.linking.evaluation --check --old tests/data/link_pairs.jsonl --stories tests/data/link_stories.json \
		--dev tests/data/real/links_dev.jsonl --audit tests/data/real/links_dev_audit.jsonl \
		--heldout tests/data/real/heldout/links.jsonl

bench: $(STAMP)
	$(PY) -m benchmarks.run

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports

# The files it covers are listed once, in pyproject.toml's [tool.mypy].
typecheck: $(DEV_STAMP)
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) $(CLIENT_VENV) db.sqlite3 staticfiles test-artifacts
