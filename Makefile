.PHONY: help run test setup train validate shell kennis clean

help:  ## Toon deze hulp
	@grep -E '^[a-z]+:.*## ' Makefile | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run:  ## Alles installeren, trainen (alleen bij wijzigingen) en de assistent starten
	@scripts/run.sh

test:  ## Alle tests: installeren, valideren, trainen, pytest, teststories, browsertests
	@scripts/test.sh

setup:  ## Alleen installeren (.venv met Python 3.10)
	@scripts/setup.sh

validate:  ## Kennisbestanden en Rasa-data controleren
	.venv/bin/rustpunt kennis controleer
	.venv/bin/rasa data validate --fail-on-warnings

train:  ## Rasa-model trainen (slaat over als er niets veranderd is)
	.venv/bin/rasa train --out models

shell:  ## Praten in de terminal (start eerst 'make run' in een andere terminal)
	@scripts/shell.sh

clean:  ## Verwijder modellen en resultaten (niet de database)
	rm -rf models var/test-results
