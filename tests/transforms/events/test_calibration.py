"""Event confidence is a fitted probability: shipped weights load, fitting is deterministic, and a
clear interaction is more likely an event than a vague mention."""
from __future__ import annotations

import numpy as np

from transforms.events import ArticleInput, extract_events
from transforms.events.calibration import FEATURES, load_calibration
from transforms.events.train import fit


def test_shipped_weights_match_the_features():
    calibration = load_calibration()
    assert calibration is not None and len(calibration.weights) == len(FEATURES)
    assert 0.0 < calibration.probability([1.0] * len(FEATURES)) < 1.0


def test_fitting_is_deterministic_and_learns_the_signal():
    x = np.array([[1.0, v] for v in (0.1, 0.2, 0.3, 0.7, 0.8, 0.9)])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    first, again = fit(x, y), fit(x, y)
    assert np.array_equal(first, again) and first[1] > 0


def test_confidence_orders_clear_and_vague_events(resources):
    clear = extract_events(ArticleInput("a", "", "Government troops shelled rebel positions near Aleppo on Monday.", None),
                           resources)[0]
    vague = extract_events(ArticleInput("b", "", "Fighting was reported in the area.", None), resources)
    assert clear.confidence >= 0.6
    assert all(e.confidence < clear.confidence for e in vague)
