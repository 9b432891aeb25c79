"""PLOVER event coding: who did what to whom, where and when, traceable to the sentence.

    resources = load_resources()            # once per process
    events = extract_events(article, resources)
    linked = link_mentions(events_of_many_articles)

The names below load on first use (PEP 562), so that importing a light submodule such as
`transforms.events.lexicon` (the report needs PLOVER_TYPES) does not import spaCy.
"""
from __future__ import annotations

import importlib
from typing import Any

_HOMES = {"extract_events": ".extract", "extract_events_many": ".extract", "LinkedMention": ".linking",
          "Story": ".linking", "link_mentions": ".linking", "CODER_VERSION": ".model", "ArticleInput": ".model",
          "Event": ".model", "EventLocation": ".model", "Participant": ".model", "Resources": ".resources",
          "load_resources": ".resources"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name], __name__), name)
    globals()[name] = value
    return value
