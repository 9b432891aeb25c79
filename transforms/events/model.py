"""Event records: the coder's output, one per event sentence, with its evidence offsets."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

ENGLISH_LEXIFIED = frozenset({"en", "pcm"})
CODER_VERSION = "plover-rules-0.80"


@dataclass(frozen=True)
class ArticleInput:
    """The four fields the coder needs; transforms.models.Article works too (its id is article_id)."""

    id: str
    title: str
    text: str
    published: str | None = None
    language: str | None = None  # ISO 639-1; the coder detects it from the text when not given

    @property
    def codable(self) -> bool:
        """English, or of a language no one could tell (a text too short to detect, such as one
        sentence): the lexicon and the parser are English ones. Nigerian Pidgin ("pcm") counts as English:
        the detector gives it to English wire copy dense with Nigerian names ("Nigerian President Olusegun
        Obasanjo launched a diplomatic campaign ..."), and Pidgin's words are English ones."""
        return not self.language or self.language.lower().split("-")[0] in ENGLISH_LEXIFIED


def as_input(doc: Any) -> ArticleInput:
    """Accept an ArticleInput, a transforms.models.Article, or a {"id","title","text","published"[,"language"]}
    dict."""
    if isinstance(doc, ArticleInput):
        return doc
    if isinstance(doc, dict):
        return ArticleInput(str(doc.get("id") or doc.get("article_id")), doc.get("title") or "",
                            doc.get("text") or "", doc.get("published"), doc.get("language"))
    article_id = getattr(doc, "id", None) or getattr(doc, "article_id")
    return ArticleInput(str(article_id), doc.title or "", doc.text or "", doc.published, getattr(doc, "language", None))


@dataclass(frozen=True)
class Participant:
    """Actor or recipient: the whole noun phrase, its core, its head entity, country and sector."""

    text: str
    core: str
    head: str
    country: str | None = None  # ISO 3166 alpha-2
    sector: str | None = None
    named: bool = False  # the parser tags its head a proper noun (a named person, group or state)


@dataclass(frozen=True)
class EventLocation:
    name: str
    country_code: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Event:
    """One coded event; `text[start:end] == sentence` in the article it came from."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    context: str | None
    actor: Participant | None
    recipient: Participant | None
    action: str
    status: str  # asserted | reported | claimed | threatened | planned (modality's "denied" is never stored)
    reported_by: str | None
    location: EventLocation | None
    date: str | None
    date_precision: str | None  # day | week | month | year
    date_text: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    cameo_root: str
    what: str = ""  # the predicate as written: the action with its objects and phrases, without doer or clauses
    salience: float = 0.0
    is_main: bool = False  # the event the article is about (from its headline and lead); at most one
    coder_version: str = CODER_VERSION

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def make_event_id(article_id: str, start: int, end: int, event_type: str) -> str:
    """Deterministic id: the same article, sentence and type always give the same event id."""
    key = f"{article_id}|{start}|{end}|{event_type}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
