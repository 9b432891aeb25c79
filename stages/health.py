"""Warn when a source's yield drops sharply against its own history (the sign of a layout change)."""
from __future__ import annotations

import duckdb

from warehouse.runs import source_health

MIN_PAGES = 5       # too few cleaned pages in a run say nothing
DROP = 0.5          # warn when the article rate falls below half of its history
RISE = 0.3          # ... or missing dates / short bodies rise by 30 points


def yield_warnings(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Human-readable warnings for this run, one per source and symptom."""
    warnings = []
    for row in source_health(con, run_id):
        if (row["cleaned"] or 0) < MIN_PAGES:
            continue
        warnings.extend(_symptoms(row))
    return warnings


def _symptoms(row: dict) -> list[str]:
    source, found = row["source"], []
    now, before = row["article_rate"] or 0.0, row["article_rate_before"]
    if before and now < before * DROP:
        found.append(f"{source}: only {now:.0%} of cleaned pages were articles (history {before:.0%}); "
                     "has the site changed its layout? Check with `newsdesk extract` on a saved page.")
    for label, key in (("have no publication date", "missing_date"), ("have under 80 words", "short")):
        now_share, before_share = row[f"{key}_now"], row[f"{key}_before"]
        if now_share is not None and before_share is not None and now_share - before_share > RISE:
            found.append(f"{source}: {now_share:.0%} of this run's articles {label} (history {before_share:.0%})")
    return found
