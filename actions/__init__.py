"""Rasa SDK custom actions. Thin: read slots, call ``bot/``, return events."""
