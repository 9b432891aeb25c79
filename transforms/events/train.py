"""Fit the confidence calibration (`make train-events`): deterministic, offline, a few seconds on CPU.

Examples are the first candidate the rules code in each sentence of the dev halves (see
bench.events.split_of: the PLOVER gold sentences and the project's labelled sentences) and of the
written training sentences (tests/fixtures/events/training/), about 1,550 candidates. A candidate is
right when the sentence holds an event of its type. The holdout halves and the written check set stay
unseen, so the benchmark's holdout and check columns measure whether the calibration generalises.
(Why the training sentences were added, with the cross-validation that chose it: commit 02d67a3.)

    python -m transforms.events.train
"""
from __future__ import annotations

from collections import Counter
from importlib import resources as package_files
from pathlib import Path

import numpy as np

from .calibration import FEATURES, FILE, features
from .coder import SentenceContext, SentenceFacts, between_actors, code_trigger, context_of, places_in
from .resources import Resources, load_resources
from .triggers import find_triggers

STEPS, RATE, L2 = 4000, 0.5, 1e-3


def first_candidate(text: str, res: Resources) -> list[float] | None:
    """Features of the first candidate the rules would store for this sentence (before calibration)."""
    doc = res.nlp(text)
    ctx = SentenceContext("train", text, None, Counter(), frozenset(), frozenset())
    facts = SentenceFacts(places_in(doc, ctx, res), [], context_of(doc, res))
    for rank, trig in enumerate(find_triggers(doc, res.lexicon)[:3]):
        ev = code_trigger(doc, trig, rank, (0, len(text)), ctx, res, None, facts)
        if between_actors(ev, trig, res):
            return features(ev, trig.nominal, rank, res.relevance) + [ev.type]  # type: ignore[list-item]
    return None


def examples(res: Resources) -> tuple[np.ndarray, np.ndarray]:
    from bench import events as sets

    labelled = [(r["text"], r["gold_events"][0]["type"]) for r in sets.load_gold(sets.DEFAULT_GOLD, "dev")]
    labelled += [(r["text"], r["type"]) for r in sets.sentence_texts() if r["split"] == "dev"]
    labelled += [(r["text"], r["type"]) for r in sets.written_sentences()]
    rows, labels = [], []
    for text, gold in labelled:
        found = first_candidate(text, res)
        if found is not None:
            rows.append(found[:-1])
            labels.append(float(found[-1] == gold))
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by full-batch gradient descent from zero: the same data give the same weights."""
    w = np.zeros(x.shape[1])
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= RATE * (x.T @ (p - y) / len(y) + L2 * np.r_[0.0, w[1:]])
    return w


def main() -> None:
    res = load_resources()
    x, y = examples(res)
    w = fit(x, y)
    path = Path(str(package_files.files("transforms.events") / FILE))
    lines = ["# Confidence calibration fitted by `make train-events` (transforms/events/train.py) on the dev halves",
             "# and the written training sentences.",
             f"# {len(y)} candidates, {int(y.sum())} right. Do not edit by hand.",
             "features = [" + ", ".join(f'"{f}"' for f in FEATURES) + "]",
             "weights = [" + ", ".join(f"{v:.4f}" for v in w) + "]", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"fitted on {len(y)} dev and training candidates ({int(y.sum())} right) -> {path}")


if __name__ == "__main__":
    main()
