"""Calibrated event confidence: the probability that a coded candidate is a real event of its type.

The rules' own score (a sum of evidence) ranks candidates but is no probability. A logistic model
over a dozen features of the candidate (its evidence score, who the parties are, whether the
sentence is political, the kind of type) turns it into one; its weights (calibration.toml) are
fitted by `make train-events` on the dev halves of the project's labelled sentences and of the
PLOVER gold only. Candidates below MIN_CONFIDENCE are not stored as events.
"""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from importlib import resources

from .lexicon import HOSTILE
from .model import Event
from .relevance import Relevance, is_institution, is_political

FEATURES = ("bias", "evidence", "nominal", "no_actor", "institution", "political_actor", "party_recipient",
            "rank", "not_asserted", "hostile", "accuse_or_threaten", "political_words")
FILE = "calibration.toml"


def features(ev: Event, nominal: bool, rank: int, rel: Relevance) -> list[float]:
    """The candidate's features, in FEATURES order."""
    return [1.0, ev.confidence, float(nominal), float(ev.actor is None), float(is_institution(ev.actor)),
            float(is_political(ev.actor, rel)), float(is_political(ev.recipient, rel)), float(min(rank, 3)),
            float(ev.status != "asserted"), float(ev.type in HOSTILE), float(ev.type in ("ACCUSE", "THREATEN")),
            float(bool(rel.anchors.search(ev.sentence)))]


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]

    def probability(self, x: list[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_calibration() -> Calibration | None:
    """The fitted weights shipped in the package (None before the first `make train-events`)."""
    path = resources.files("transforms.events") / FILE
    if not path.is_file():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{FILE} was fitted for other features; run `make train-events`")
    return Calibration(tuple(float(w) for w in data["weights"]))
