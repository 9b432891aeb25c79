"""Synthetic news archives for the scale benchmark and the "same as a full recomputation" tests.

Text comes from a word-bigram model of the bundled sample site's articles, so word frequencies,
sentence lengths and shingle statistics look like news rather than random tokens. A share of the
articles are syndicated copies of earlier ones (a new intro line, a dropped paragraph, a sign-off),
some of them published BEFORE the story they copy, and a few are exact copies under another URL.
Deterministic for a given seed.
"""
from __future__ import annotations

import html
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from transforms.models import stable_id
from transforms.text import content_hash

START = datetime(2025, 1, 1, tzinfo=timezone.utc)
NEAR_SHARE, EXACT_SHARE = 0.08, 0.02
POOL = 60_000


@lru_cache(maxsize=1)
def _bigrams() -> dict[str, list[str]]:
    """Next-word lists of the sample site's article paragraphs ("" starts a sentence)."""
    from sample_site import OUTLETS_DIR, article_entries

    following: dict[str, list[str]] = defaultdict(list)
    for outlet, _, entry in article_entries():
        page = (OUTLETS_DIR / outlet / entry["file"]).read_text(encoding="utf-8")
        for paragraph in re.findall(r"<p[^>]*>(.*?)</p>", page, re.S):
            for sentence in html.unescape(re.sub(r"<[^>]+>", "", paragraph)).split(". "):
                words = sentence.split()
                for before, after in zip(["", *words], words):
                    following[before].append(after)
    return dict(following)


def sentence(rng: random.Random, low: int = 10, high: int = 28) -> str:
    """One sentence of bigram text, between `low` and `high` words."""
    model, words = _bigrams(), []
    word = rng.choice(model[""])
    for _ in range(rng.randint(low, high)):
        words.append(word.rstrip("."))
        word = rng.choice(model.get(word) or model[""])
    return " ".join(words).capitalize() + "."


@lru_cache(maxsize=2)
def _pool(seed: int, size: int = POOL) -> list[str]:
    """Sentences that articles draw from: generating each article word by word would make a 100k
    archive take minutes; two random articles still share almost no sentence."""
    rng = random.Random(seed)
    return [sentence(rng) for _ in range(size)]


def story(rng: random.Random, paragraphs: int = 6, seed: int = 13) -> str:
    """An article body: paragraphs of 2-4 sentences, about 250-450 words."""
    pool = _pool(seed)
    return "\n\n".join(" ".join(rng.choices(pool, k=rng.randint(2, 4))) for _ in range(paragraphs))


def syndicated(rng: random.Random, text: str) -> str:
    """A wire copy: a new intro line, maybe a paragraph dropped, a sign-off (Jaccard stays above 0.8)."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 5 and rng.random() < 0.3:
        del paragraphs[rng.randrange(3, len(paragraphs))]
    return "\n\n".join([rng.choice(_pool(13)), *paragraphs, "Reporting by the wire desk."])


def article(n: int, text: str, published: datetime, source: str) -> dict[str, Any]:
    """A warehouse.articles record for synthetic article number `n`."""
    url = f"https://{source}.example/news/{published:%Y/%m/%d}/story-{n}"
    return {"article_id": stable_id(url), "canonical_url": url, "url": url, "page_id": stable_id(url),
            "source": source, "title": text[:text.find(" ", 40)].rstrip(".,"), "published": published.isoformat(),
            "language": "en", "access": "free", "text": text, "word_count": len(text.split()),
            "content_hash": content_hash(text), "extractor_version": "synthetic"}


def archive(count: int, seed: int = 13, sources: int = 5, first: int = 0) -> Iterator[dict[str, Any]]:
    """`count` article records over a year: originals, near-duplicate and exact copies of earlier ones
    (numbered from `first`, so chunks made with different seeds never share a URL)."""
    rng = random.Random(seed)
    texts: list[tuple[str, datetime]] = []
    for n in range(count):
        published = START + timedelta(minutes=rng.randrange(365 * 24 * 60))
        roll = rng.random()
        if texts and roll < NEAR_SHARE:
            base, when = rng.choice(texts)
            text, published = syndicated(rng, base), when + timedelta(hours=rng.randint(-6, 48))
        elif texts and roll < NEAR_SHARE + EXACT_SHARE:
            text, published = rng.choice(texts)
        else:
            text = story(rng, rng.randint(5, 8))
            texts.append((text, published))
        yield article(first + n, text, published, f"outlet{rng.randrange(sources)}")


def write_warc(path: Path, count: int, seed: int = 21, paragraphs: int = 16) -> int:
    """A gzipped WARC of `count` news pages of about 600 words (request + response records), as a crawler
    would write them; the input for timing `newsdesk import-warc`. Returns the number of pages."""
    from warcio.warcwriter import WARCWriter

    from bench.scale import page_html
    from stages.warc import write_page
    from transforms.models import RawPage

    rng = random.Random(seed)
    with Path(path).open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(count):
            when = START + timedelta(minutes=rng.randrange(365 * 24 * 60))
            text = story(rng, paragraphs)
            url = f"https://wire.example/news/{when:%Y/%m/%d}/story-{seed}-{n}"
            body = page_html(text[:text.find(" ", 40)], text, when.isoformat()).encode("utf-8")
            write_page(writer, out, RawPage(url=url, source="wire", fetched_at=when.isoformat(), status=200,
                                            content_type="text/html; charset=utf-8", body=body))
    return count


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="write a WARC of synthetic ~600-word news pages")
    parser.add_argument("out", type=Path, metavar="FILE.warc.gz")
    parser.add_argument("--count", type=int, default=600)
    options = parser.parse_args()
    print(f"{write_warc(options.out, options.count)} pages written to {options.out}")
