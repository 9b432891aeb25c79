"""Where things live on each outlet: URL paths, file names, placeholders, clutter phrases.

Kept apart from rendering so the manifest, the templates and the server agree on one mapping.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sample_site.generator.stories import Story

CONFIG_FILE = Path(__file__).with_name("outlets.toml")

HTML = "text/html; charset=utf-8"
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "xml": "application/xml; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}

# Text that sits on the pages around the article: it must never end up in an article's text.
CLUTTER = {
    "clarion": [
        "We use cookies to improve your experience on our website",
        "Sign up to the Clarion Morning Briefing",
        "Share this article",
        "Related stories",
        "Most viewed",
    ],
    "courier": [
        "This site uses cookies. By continuing to browse the site",
        "Get the Courier's daily headlines in your inbox",
        "Share this story",
        "Have your say",
        "Print this story",
        "Skip to main content",
    ],
    "banner": [
        "Skip to main content",
        "We use cookies on this site to enhance your user experience",
        "Sign up to our daily newsletter",
        "Share this article",
        "Please enable JavaScript to view the comments",
    ],
}
# Clutter that only some pages of an outlet carry (e.g. in-body links on longer articles).
OPTIONAL_CLUTTER = {"clarion": ["Read more:"], "courier": ["SEE ALSO:"], "banner": []}
FUND_PHRASES = [
    "OWNED BY OUR READERS", "reader-owned co-operative", "Become a supporter", "Fighting fund",
    "You've Raised", "Days remaining", "Donate today",
]
PAYWALL_PHRASE = "Subscribe to continue reading"

# Real-world events reported by more than one sample article (articles name them with `event:`).
EVENTS = {
    "idlib-2015-03-28": {
        "description": "An alliance led by Jabhat al-Nusra captures Idlib from Syrian government forces",
        "date": "2015-03-28", "place": "Idlib", "country_code": "SY", "lat": 35.93, "lon": 36.63,
        "plover_types": ["ASSAULT", "COERCE"],
    },
    "yemen-strikes-2015-03-26": {
        "description": "A Saudi-led coalition begins air strikes on Houthi rebels in Yemen",
        "date": "2015-03-26", "place": "Sanaa", "country_code": "YE", "lat": 15.35, "lon": 44.21,
        "plover_types": ["ASSAULT"],
    },
}


@dataclass(frozen=True)
class Outlet:
    """One outlet's configuration (see outlets.toml)."""

    name: str
    config: dict[str, Any]

    @property
    def base(self) -> str:
        """Placeholder replaced by the live base URL (no trailing slash) at serve time."""
        return "{{outlet:%s}}" % self.name

    def __getitem__(self, key: str) -> Any:
        return self.config[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.config.get(key, default)

    def article_path(self, story: Story) -> str:
        return self.fill(self["article_path"], story)

    def image_path(self, story: Story) -> str:
        return self.fill(self["image_path"], story)

    def print_path(self, story: Story) -> str | None:
        pattern = self.get("print_path")
        return self.fill(pattern, story) if pattern else None

    def tag_path(self, tag: str) -> str:
        return self["tag_path"].format(tag=tag)

    def listing_page(self, number: int) -> str:
        if number == 1:
            return self["listing_path"]
        return self["listing_page_path"].format(n=number)

    @staticmethod
    def fill(pattern: str, story: Story) -> str:
        day = story.published
        return pattern.format(yyyy=f"{day:%Y}", mm=f"{day:%m}", dd=f"{day:%d}",
                              slug=story.slug, id=story.story_id)


def load_outlets(path: Path = CONFIG_FILE) -> dict[str, Outlet]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {name: Outlet(name, config) for name, config in data.items()}


def file_for(path: str) -> str:
    """Relative file name that stores the page served at URL `path`."""
    relative = path.lstrip("/")
    if relative == "" or relative.endswith("/"):
        return relative + "index.html"
    if "." in relative.rsplit("/", 1)[-1]:
        return relative
    return relative + ".html"
