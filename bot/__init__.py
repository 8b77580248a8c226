"""Rustpunt: Dutch coaching assistant for youth-care professionals (engines, stores, CLI)."""
