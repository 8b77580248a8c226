"""The strings inside loaded YAML data, for the checks that read every knowledge text (spelling, own words)."""
from __future__ import annotations

from typing import AbstractSet, Iterator


def yaml_strings(value, skip_fields: AbstractSet[str], field: str = "") -> Iterator[str]:
    """Every string in ``value`` (dicts, lists, tuples), leaving out the fields named in ``skip_fields``."""
    if field in skip_fields:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from yaml_strings(item, skip_fields, str(key))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from yaml_strings(item, skip_fields, field)
