.PHONY: help run run-cluster lint test test-cluster test-postgres setup train validate shell clean nlu-eval screenshots lock

help:  ## Toon deze hulp
	@grep -E '^[a-z-]+:.*## ' Makefile | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

run:  ## Alles installeren, trainen (alleen bij wijzigingen) en de assistent starten
	@scripts/run.sh

run-cluster:  ## Met meerdere servers: PostgreSQL, Redis, 2x Rasa, 2x acties, HAProxy (gegevens in var/cluster/)
	@scripts/run_cluster.sh

test:  ## Alle tests: installeren, valideren, trainen, pytest, teststories, browsertests
	@scripts/test.sh

test-cluster:  ## Storingstest van de opzet met meerdere servers (na 'make test'; ruim onder 15 minuten)
	@scripts/test_cluster.sh

test-postgres:  ## De pytest-suite tegen PostgreSQL (installeert en start PostgreSQL als dat nodig is)
	@scripts/test_postgres.sh

setup:  ## Alleen installeren (.venv met Python 3.10, exacte versies uit requirements.lock)
	@scripts/setup.sh

lock:  ## requirements.lock opnieuw maken na een wijziging in pyproject.toml (daarna: make setup)
	@scripts/lock.sh

validate:  ## Kennisbestanden en Rasa-data controleren
	.venv/bin/rustpunt kennis controleer
	.venv/bin/rasa data validate --domain domain --data data stories --fail-on-warnings

train:  ## Herkenners bouwen en Rasa-model trainen (slaat over als er niets veranderd is; bewaart de 3 nieuwste modellen)
	.venv/bin/rustpunt herkenners bouw
	@scripts/train.sh >/dev/null

shell:  ## Praten in de terminal (start eerst 'make run' in een andere terminal)
	@scripts/shell.sh

clean:  ## Verwijder modellen en resultaten (niet de database)
	rm -rf models var/test-results

nlu-eval:  ## Kruisvalidatie (5 delen) van de intentherkenning; resultaten in var/nlu-cv/
	.venv/bin/rasa test nlu --nlu data/nlu --config config.yml --cross-validation --folds 5 --out var/nlu-cv
	@.venv/bin/python scripts/nlu_report.py var/nlu-cv

screenshots:  ## Schermafdrukken voor de documentatie vernieuwen (docs/screenshots/; traint niet)
	RUSTPUNT_SCREENSHOTS_DIR=docs/screenshots .venv/bin/pytest -m e2e tests/e2e

lint:  ## Code controleren met ruff en typen met mypy (ook onderdeel van make test)
	.venv/bin/ruff check bot actions tests scripts
	scripts/mypy.sh
