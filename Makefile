# factdesk: `make demo` runs the app with the seed data; `make test` runs the suite.
# Both create .venv and install the pinned requirements themselves.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Development defaults; the environment wins (CI sets DATABASE_URL and CELERY_BROKER_URL).
export DEBUG ?= 1

.PHONY: venv demo test eval bench lint clean

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

eval: $(STAMP)
	$(PY) -m claims.extraction.evaluation --check tests/data/extraction_dev.jsonl \
		--dev tests/data/real/extraction/dev --heldout tests/data/real/extraction/heldout
	$(PY) -m claims.linking.evaluation --check --old tests/data/link_pairs.jsonl \
		--dev tests/data/real/links_dev.jsonl --heldout tests/data/real/heldout/links.jsonl

bench: $(STAMP)
	$(PY) -m benchmarks.run

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
