"""Validated YAML knowledge: models (per capability), one loader, sync into the SQL store."""
