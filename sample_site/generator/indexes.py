"""Machine-readable entry points of an outlet: its feed, sitemaps and robots.txt."""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime

import jinja2

from sample_site.generator.layout import Outlet
from sample_site.generator.stories import Story


def utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def feed(env: jinja2.Environment, outlet: Outlet, stories: list[Story]) -> bytes:
    """RSS 2.0 or Atom, newest first; an RSS feed may tag its links with tracking parameters."""
    spec = outlet["feed"]
    items = [{
        "story": story,
        "link": outlet.base + story.path + spec.get("tracking", ""),
        "rfc822": format_datetime(story.published),
        "iso": story.published.isoformat(),
        "updated": story.lastmod.isoformat(),
    } for story in stories]
    newest = max(s.lastmod for s in stories)
    template = env.get_template(f"xml/{spec['kind']}.xml")
    return template.render(site=outlet, base=outlet.base, items=items, feed_path=spec["path"],
                           built=format_datetime(utc(newest)),
                           updated=utc(newest).isoformat()).encode("utf-8")


def urlset(env: jinja2.Environment, entries: list[tuple[str, datetime]], base: str) -> bytes:
    """A plain sitemap: (path, lastmod) pairs."""
    rows = [(base + path, utc(lastmod).isoformat()) for path, lastmod in entries]
    return env.get_template("xml/urlset.xml").render(rows=rows).encode("utf-8")


def news_sitemap(env: jinja2.Environment, outlet: Outlet, stories: list[Story]) -> bytes:
    """A Google News sitemap: one news:news block per article with its publication date."""
    return env.get_template("xml/news.xml").render(
        site=outlet, base=outlet.base, stories=stories,
        lastmod={s.slug: utc(s.lastmod).isoformat() for s in stories}).encode("utf-8")


def sitemap_index(env: jinja2.Environment, children: list[tuple[str, datetime]], base: str) -> bytes:
    rows = [(base + path, utc(lastmod).isoformat()) for path, lastmod in children]
    return env.get_template("xml/index.xml").render(rows=rows).encode("utf-8")


def robots(outlet: Outlet) -> bytes:
    """robots.txt: one disallowed area that pages do link to, plus the sitemap location."""
    lines = [
        f"# robots.txt for {outlet['title']}",
        "User-agent: *",
        f"Disallow: {outlet['disallowed']['rule']}",
        "",
        f"Sitemap: {outlet.base}{outlet['sitemap']['path']}",
        "",
    ]
    return "\n".join(lines).encode("utf-8")
