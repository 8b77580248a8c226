"""Sociale kaart: services from the sources, searchable by problem, age and place."""
