"""Subcommands of ``rustpunt``, one module per capability."""
