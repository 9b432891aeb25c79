"""The committed sample site is exactly what the generator makes from the content files."""
from __future__ import annotations

import json

import pytest

from sample_site import MANIFEST_FILE, OUTLETS_DIR
from sample_site.generator.build import DEFAULT_SEED, write


def test_committed_files_match_a_fresh_generation(tmp_path):
    if not DEFAULT_SEED.exists():
        pytest.skip(f"seed article not found at {DEFAULT_SEED}")
    manifest = write(tmp_path / "outlets", tmp_path / "manifest.json", DEFAULT_SEED)
    assert manifest == json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))
    fresh = {p.relative_to(tmp_path / "outlets"): p.read_bytes()
             for p in (tmp_path / "outlets").rglob("*") if p.is_file()}
    committed = {p.relative_to(OUTLETS_DIR): p.read_bytes()
                 for p in OUTLETS_DIR.rglob("*") if p.is_file()}
    assert fresh.keys() == committed.keys()
    assert [name for name in fresh if fresh[name] != committed[name]] == []


def test_site_stays_small():
    total = sum(p.stat().st_size for p in OUTLETS_DIR.rglob("*") if p.is_file())
    assert total < 1_800_000
