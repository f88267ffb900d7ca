# factdesk: `make demo` runs the app with the seed data; `make test` runs the suite.
# Both create .venv and install the pinned requirements themselves.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Development defaults; the environment wins (CI sets DATABASE_URL and CELERY_BROKER_URL).
export DEBUG ?= 1

.PHONY: venv demo test test-fast screenshots eval bench lint clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest seeds/
	$(PY) manage.py create_demo_users
	@echo "factdesk is at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Everything but the tests marked slow (browser, real worker, Schemathesis, long texts).
test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

# The README's picture: the browser test saves test-artifacts/claim-page.png; copy it on purpose.
# CI=1 makes a missing Chromium fail instead of skip.
screenshots: $(STAMP)
	rm -f test-artifacts/claim-page.png
	CI=1 $(PY) -m pytest tests/e2e/test_review_flow.py -k test_alice_verifies_annotates_and_links_the_bruzgi_claim
	cp test-artifacts/claim-page.png docs/claim-page.png

eval: $(STAMP)
	$(PY) -m claims.extraction.evaluation tests/data/extraction_dev.jsonl
	$(PY) -m claims.linking_eval tests/data/link_pairs.jsonl

bench: $(STAMP)
	$(PY) -m benchmarks.run

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
