"""Extraction benchmark: newsdesk clean() against plain trafilatura, side by side in one run.

Both systems see the same pages in the same process, alternating page by page, so a busy machine
slows both alike and the docs/s ratio stays fair. Scores use the shared scorer's own functions
(token 4-gram precision/recall/F1 with its aggregate, and its clutter-leak check), imported from
`../shared/bench/score_extraction.py` (or the path given), so the numbers match that tool.

    python -m flows.bench_extraction --dataset ../shared/data/extraction-dev [--out results.json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import trafilatura

from bench import scorers
from transforms.clean import EXTRACTOR_VERSION, clean
from transforms.models import RawPage

DEFAULT_SCORER = scorers.scorer_path("extraction")
# Floors for the CI gate, set just under the figures measured on extraction-dev (see README).
FLOORS = {"f1": 0.956, "max_clutter_leak_rate": 0.02, "throughput_ratio": 0.70}


def load_scorer(path: Path = DEFAULT_SCORER) -> ModuleType:
    """The shared extraction scorer (see bench.scorers)."""
    return scorers.load_scorer("extraction", path)


def newsdesk_text(html: str, url: str | None) -> str:
    page = RawPage(url=url or "http://localhost/article", source="bench", fetched_at="1970-01-01T00:00:00Z",
                   status=200, content_type="text/html; charset=utf-8", body=html.encode("utf-8"))
    article = clean(page)
    return article.text if article else ""


def trafilatura_text(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url, include_comments=False) or ""


SYSTEMS: dict[str, Callable[[str, str | None], str]] = {
    "newsdesk": newsdesk_text,
    "trafilatura": trafilatura_text,
}


def run(docs: list[dict[str, Any]], scorer: ModuleType) -> dict[str, dict[str, Any]]:
    """Extract every doc with every system (interleaved), then score each system."""
    outputs: dict[str, list[str]] = {name: [] for name in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    for name, func in SYSTEMS.items():  # one untimed call each: imports, rule compilation
        func(docs[0]["html"], docs[0]["url"])
    for doc in docs:
        for name, func in SYSTEMS.items():
            start = time.perf_counter()
            try:
                text = func(doc["html"], doc["url"])
            except Exception as exc:  # noqa: BLE001 - a crash scores as an empty output
                print(f"{name} failed on {doc['id']}: {exc}", file=sys.stderr)
                text = ""
            seconds[name] += time.perf_counter() - start
            outputs[name].append(text)
    return {name: score(docs, outputs[name], seconds[name], scorer) for name in SYSTEMS}


def score(docs: list[dict[str, Any]], outputs: list[str], seconds: float, scorer: ModuleType) -> dict[str, Any]:
    triples, leaks, per_doc = [], 0, {}
    for doc, text in zip(docs, outputs):
        counts, _exact = scorer.match_counts(doc["truth"], text)
        triples.append(counts)
        leaked = [p for p in scorer.clutter_leaks(doc["truth"], text) if p in scorer.CLUTTER_CORE]
        leaks += bool(leaked)
        per_doc[doc["id"]] = {"f1": scorer.harmonic(scorer.doc_precision(*counts), scorer.doc_recall(*counts)),
                              "leaks": leaked}
    agg = scorer.aggregate(triples)
    n = len(docs)
    return {**agg, "docs": n, "empty": sum(1 for t in outputs if not t.strip()),
            "clutter_leak_rate": leaks / n if n else 0.0, "clutter_leak_docs": leaks,
            "seconds": seconds, "docs_per_sec": n / seconds if seconds else None,
            "mean_doc_f1": statistics.mean(d["f1"] for d in per_doc.values()) if n else 0.0,
            "per_doc": per_doc}


def table(result: dict[str, Any]) -> str:
    rows = ["| extractor | precision | recall | F1 | clutter leak | docs/s |", "|---|---|---|---|---|---|"]
    for name, s in result["systems"].items():
        rows.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                    f"{s['clutter_leak_rate']:.1%} ({s['clutter_leak_docs']}) | {s['docs_per_sec']:.1f} |")
    return (f"Dataset: {result['dataset']} ({result['docs']} docs), newsdesk {result['extractor_version']}\n\n"
            + "\n".join(rows) + f"\n\nthroughput ratio newsdesk/trafilatura: {result['throughput_ratio']:.2f}\n")


def gate(result: dict[str, Any], floors: dict[str, float] = FLOORS, include_speed: bool = True) -> list[str]:
    """Failures of the gate (empty list: pass). CI checks quality only (`include_speed=False`); the
    throughput ratio is a number the benchmark command prints, not a timed unit test."""
    ours = result["systems"]["newsdesk"]
    failures = []
    if ours["f1"] < floors["f1"]:
        failures.append(f"F1 {ours['f1']:.3f} below floor {floors['f1']:.3f}")
    if ours["clutter_leak_rate"] > floors["max_clutter_leak_rate"]:
        failures.append(f"clutter leak {ours['clutter_leak_rate']:.1%} above {floors['max_clutter_leak_rate']:.0%}")
    if include_speed and result["throughput_ratio"] < floors["throughput_ratio"]:
        failures.append(f"throughput ratio {result['throughput_ratio']:.2f} below {floors['throughput_ratio']:.2f}")
    return failures


def main(dataset: Path, out: Path | None = None, *, scorer_path: Path = DEFAULT_SCORER,
         limit: int | None = None) -> dict[str, Any]:
    """Run the benchmark, print the table, optionally write the full result as JSON to `out`."""
    scorer = load_scorer(scorer_path)
    docs = scorer.load_dataset(dataset)[:limit] if limit else scorer.load_dataset(dataset)
    systems = run(docs, scorer)
    ratio = systems["newsdesk"]["docs_per_sec"] / systems["trafilatura"]["docs_per_sec"]
    result = {"dataset": str(dataset), "docs": len(docs), "extractor_version": EXTRACTOR_VERSION,
              "trafilatura_version": trafilatura.__version__, "systems": systems, "throughput_ratio": ratio}
    print(table(result))
    if out is not None:
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def _cli(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--gate", action="store_true", help="exit 1 when a floor is not met")
    args = parser.parse_args(argv)
    result = main(args.dataset, args.out, scorer_path=args.scorer, limit=args.limit)
    failures = gate(result) if args.gate else []
    for failure in failures:
        print(f"GATE FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(_cli())
