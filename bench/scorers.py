"""The one loader for the shared scorers (`../shared/bench/score_*.py`), imported from their files."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[2] / "shared"


def scorer_path(name: str) -> Path:
    """`extraction` -> ../shared/bench/score_extraction.py."""
    return SHARED / "bench" / f"score_{name}.py"


def load_scorer(name: str, path: Path | None = None) -> ModuleType:
    """Import a shared scorer module from its file path (it is not a package, and must not be copied)."""
    path = path or scorer_path(name)
    spec = importlib.util.spec_from_file_location(f"score_{name}", path)
    if spec is None or spec.loader is None or not path.exists():
        raise FileNotFoundError(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
