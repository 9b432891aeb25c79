"""The article's language when the page does not declare it (no `lang`, no meta), from its text.

py3langid ships its model inside the package (nothing is downloaded); it loads on first use, about
0.7 s once per process, and only pages without a declared language pay for it.
"""
from __future__ import annotations

MIN_CHARS = 200       # shorter texts give unreliable guesses: leave the language unknown
SAMPLE_CHARS = 3000   # the first few paragraphs say enough


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    if len(text) < MIN_CHARS:
        return None
    import py3langid

    code, _ = py3langid.classify(text[:SAMPLE_CHARS])
    return code
