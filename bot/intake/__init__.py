"""Vraagverheldering: question sets, guided intake, summary with route advice, call-backs."""
