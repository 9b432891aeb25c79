"""Render the HTML pages of one outlet through its Jinja templates.

Every page gets the clutter a real news page carries (cookie banner, share bar, newsletter box,
related links, comments...), placed the way that outlet's template places it.
"""
from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from sample_site.generator.layout import Outlet
from sample_site.generator.stories import Story, fund_figures

TEMPLATES = Path(__file__).with_name("templates")

COMMENTS = [
    ("Margaret_R", "Good to see proper reporting on this instead of the usual spin."),
    ("northern_lad", "Nobody ever asks what ordinary people on the ground think."),
    ("J. Pellow", "I have been saying this for months and nobody listened."),
    ("TruthSeeker77", "Follow the money. It is always about the money."),
    ("Anne from Leeds", "Thank you for covering this, it deserves far more attention."),
    ("dgraham", "Where are the facts to back up the figures in the fourth paragraph?"),
    ("Ruth Kessler", "The comments section on this site gets worse every week."),
]


def environment() -> jinja2.Environment:
    """Templates escape explicitly: `t` for text (quotes kept as typed), `a` for attributes."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["t"] = lambda value: html.escape(str(value), quote=False)
    env.filters["a"] = lambda value: html.escape(str(value), quote=True)
    env.filters["ordinal_date"] = ordinal_date
    return env


def ordinal_date(day: datetime) -> str:
    """'Sunday 29th March 2015', as the reader-owned paper prints its dates."""
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day:%A} {day.day}{suffix} {day:%B %Y}"


def comments_for(index: int, count: int = 3) -> list[tuple[str, str]]:
    return [COMMENTS[(index + step * 2) % len(COMMENTS)] for step in range(count)]


class PageRenderer:
    """Renders one outlet's pages; `links` maps a page key (slug, 'home', 'about') to extra links."""

    def __init__(self, env: jinja2.Environment, outlet: Outlet, stories: list[Story],
                 tags: list[str], links: dict[str, list[tuple[str, str]]]):
        self.env = env
        self.outlet = outlet
        self.stories = stories
        self.tags = tags
        self.links = links

    def render(self, template: str, **context: Any) -> bytes:
        page = self.env.get_template(f"{self.outlet.name}/{template}")
        return page.render(site=self.outlet, base=self.outlet.base, nav_tags=self.tags[:8],
                           **context).encode("utf-8")

    def article(self, story: Story, index: int) -> bytes:
        related = [s for s in self.stories if s is not story and set(s.tags) & set(story.tags)]
        related = (related + [s for s in self.stories if s is not story])[:4]
        return self.render(
            "article.html", story=story, paragraphs=story.served_paragraphs,
            related=related[1:4], inline_related=related[0],
            extra_links=self.links.get(story.slug, []), comments=comments_for(index),
            fund=fund_figures(story.published.date()), jsonld=self.jsonld(story),
            canonical=self.outlet.base + story.path,
            image=self.outlet.base + self.outlet.image_path(story),
            print_path=self.outlet.print_path(story),
        )

    def listing(self, title: str, stories: list[Story], kind: str, pages: list[str] | None = None,
                current: int = 1, canonical: str = "/", key: str = "") -> bytes:
        return self.render("listing.html", title=title, stories=stories, kind=kind,
                           pages=pages or [], current=current,
                           canonical=self.outlet.base + canonical,
                           extra_links=self.links.get(key, []),
                           most_read=self.stories[1:6:2])

    def page(self, title: str, body: list[str], canonical: str, key: str = "") -> bytes:
        return self.render("page.html", title=title, body=body,
                           canonical=self.outlet.base + canonical,
                           extra_links=self.links.get(key, []))

    def print_page(self, story: Story) -> bytes:
        return self.render("print.html", story=story, canonical=self.outlet.base + story.path)

    def jsonld(self, story: Story) -> str:
        """schema.org NewsArticle; the paywall is declared the way Google documents it."""
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "description": story.summary,
            "datePublished": story.published.isoformat(),
            "dateModified": story.lastmod.isoformat(),
            "author": [{"@type": "Person", "name": name} for name in story.authors],
            "publisher": {"@type": "Organization", "name": self.outlet["title"]},
            "mainEntityOfPage": self.outlet.base + story.path,
            "image": [self.outlet.base + self.outlet.image_path(story)],
            "articleSection": story.section,
            "keywords": story.tags,
            "isAccessibleForFree": story.access == "free",
        }
        if story.access != "free":
            data["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False,
                               "cssSelector": ".paywalled-content"}
        return json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
