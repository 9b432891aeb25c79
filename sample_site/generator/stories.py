"""Article sources of the sample site: the content files plus the seed article.

Articles are kept as plain text (one file per outlet) so their wording can be edited without
touching markup; the outlet templates decide where bylines, appeals and clutter go.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

SEED_SLUG = "assad-forces-driven-out-of-strategic-city-by-jihadists"
SEED_PUBLISHED = "2015-03-29T09:30:00+01:00"
SEED_BYLINE = "by Our Foreign Desk"


@dataclass
class Story:
    """One article as written, before it is placed into an outlet's template."""

    outlet: str
    slug: str
    title: str
    authors: list[str]
    published: datetime
    paragraphs: list[str]
    section: str = "News"
    tags: list[str] = field(default_factory=list)
    summary: str = ""
    role: str = ""
    byline: str = "top"  # top | bottom | box
    updated: datetime | None = None
    image: tuple[str, str] | None = None  # (caption, credit)
    access: str = "free"  # free | paywalled | truncated
    free_paragraphs: int | None = None
    event: str | None = None
    syndicated_of: str | None = None  # "outlet/slug"
    credit: str | None = None
    fund: str | None = None  # after | before | middle (reader-owned outlet only)
    story_id: str | None = None
    path: str = ""  # set by the outlet layout

    @property
    def served_paragraphs(self) -> list[str]:
        """Paragraphs actually on the page: a paywall teaser serves only the free part."""
        if self.free_paragraphs is None:
            return self.paragraphs
        return self.paragraphs[: self.free_paragraphs]

    @property
    def lastmod(self) -> datetime:
        return self.updated or self.published

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def parse_content_file(path: Path, outlet: str) -> list[Story]:
    """Parse a content file: '=== slug' blocks, 'key: value' headers, '---', paragraphs."""
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#"))
    blocks = re.split(r"^=== ", text, flags=re.M)[1:]
    return [_parse_block(block, outlet) for block in blocks]


def _parse_block(block: str, outlet: str) -> Story:
    head, _, body = block.partition("\n---\n")
    slug, *header_lines = head.strip().splitlines()
    meta = dict(line.split(": ", 1) for line in header_lines if line.strip())
    paragraphs = [p.strip() for p in body.strip().split("\n\n") if p.strip()]
    caption, _, credit = meta.get("image", "").partition(" | ")
    return Story(
        outlet=outlet,
        slug=slug.strip(),
        title=meta["title"],
        authors=[a.strip() for a in meta["authors"].split(";")],
        published=datetime.fromisoformat(meta["published"]),
        paragraphs=paragraphs,
        section=meta.get("section", "News"),
        tags=[t.strip() for t in meta.get("tags", "").split(",") if t.strip()],
        summary=meta.get("summary", ""),
        role=meta.get("role", ""),
        byline=meta.get("byline", "top"),
        updated=datetime.fromisoformat(meta["updated"]) if "updated" in meta else None,
        image=(caption, credit) if caption else None,
        access=meta.get("access", "free"),
        free_paragraphs=int(meta["free_paragraphs"]) if "free_paragraphs" in meta else None,
        event=meta.get("event"),
        syndicated_of=meta.get("syndicated_of"),
        credit=meta.get("credit"),
        fund=meta.get("fund"),
        story_id=meta.get("id"),
    )


def load_seed(seed_file: Path) -> Story:
    """Build the seed story from the original page text, keeping its wording byte for byte.

    The file holds the page as a reader saw it: skip link, title, 13 paragraphs, the byline
    and the fundraising block. Only the title and the paragraphs become the story; the skip
    link, byline and appeal are re-created by the reader-owned outlet's template.
    """
    blocks = [b.strip() for b in seed_file.read_text(encoding="utf-8").split("\n\n")]
    if blocks[0] != "Skip to main content":
        raise ValueError(f"{seed_file}: unexpected first line {blocks[0]!r}")
    end = blocks.index(SEED_BYLINE)
    return Story(
        outlet="banner",
        slug=SEED_SLUG,
        title=blocks[1],
        authors=["Our Foreign Desk"],
        published=datetime.fromisoformat(SEED_PUBLISHED),
        paragraphs=blocks[2:end],
        section="World",
        tags=["syria", "middle-east", "world"],
        summary="Al-Nusra and its allies take the north-western provincial capital of Idlib.",
        byline="bottom",
        event="idlib-2015-03-28",
        fund="after",
        story_id="4521",
    )


FUND_END = date(2015, 4, 10)  # the seed page (29 March) shows 12 days remaining
FUND_TARGET = 18000


def fund_figures(day: date) -> dict[str, str]:
    """Fighting-fund counter as the page showed it on `day` (the seed's figures on 29 March)."""
    days_left = (FUND_END - day).days
    raised = 9899 + (12 - days_left) * 310
    raised = min(max(raised, 450), FUND_TARGET - 100)
    return {
        "raised": f"{raised:,}",
        "need": f"{FUND_TARGET - raised:,}",
        "days": str(days_left),
    }
