"""Generate every file of the sample site and its manifest.

Run `python -m sample_site.generator [--seed PATH]`; the output under sample_site/outlets/ and
sample_site/manifest.json is committed and served as-is, so the product needs no build step.
"""
from __future__ import annotations

import html
import json
import shutil
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from sample_site.generator import binary, indexes
from sample_site.generator.layout import (CLUTTER, CONTENT_TYPES, EVENTS, FUND_PHRASES, HTML,
                                          OPTIONAL_CLUTTER, PAYWALL_PHRASE, Outlet, file_for,
                                          load_outlets)
from sample_site.generator.pages import PageRenderer, environment
from sample_site.generator.stories import Story, load_seed, parse_content_file

PACKAGE = Path(__file__).resolve().parent.parent
CONTENT = PACKAGE / "content"
DEFAULT_SEED = PACKAGE.parent.parent / "shared" / "data" / "seed-article.txt"


def load_stories(outlets: dict[str, Outlet], seed_file: Path) -> dict[str, list[Story]]:
    """All stories per outlet, newest first, with their URL paths assigned."""
    stories = {name: parse_content_file(CONTENT / f"{name}.txt", name) for name in outlets}
    stories["banner"].append(load_seed(seed_file))
    for name, items in stories.items():
        items.sort(key=lambda s: s.published, reverse=True)
        for story in items:
            story.path = outlets[name].article_path(story)
    return stories


class OutletSite:
    """The files and manifest entries of one outlet, built page by page."""

    def __init__(self, outlet: Outlet, stories: list[Story], env: jinja2.Environment,
                 everyone: dict[str, list[Story]]):
        self.outlet = outlet
        self.stories = stories
        self.env = env
        self.everyone = everyone
        self.files: dict[str, bytes] = {}
        self.pages: dict[str, dict[str, Any]] = {}
        counts = Counter(tag for story in stories for tag in story.tags)
        self.tags = [tag for tag, _ in counts.most_common()]
        self.renderer = PageRenderer(env, outlet, stories, self.tags, self.special_links())
        self.site_date = datetime.fromisoformat(outlet["site_date"])
        self.newest = max(story.lastmod for story in stories)

    def add(self, path: str, kind: str, body: bytes, lastmod: datetime,
            content_type: str = HTML, **extra: Any) -> None:
        name = file_for(path)
        self.files[name] = body
        self.pages[path] = {"kind": kind, "status": 200, "content_type": content_type,
                            "file": name, "lastmod": lastmod.isoformat(), **extra}

    def special_links(self) -> dict[str, list[tuple[str, str]]]:
        """Links to the 404, the redirect and the document, placed on the configured pages."""
        links: dict[str, list[tuple[str, str]]] = defaultdict(list)
        document, missing, redirect = (self.outlet[k] for k in ("document", "not_found", "redirect"))
        links["about"].append((document["path"], document["title"]))
        if "linked_from" in document:
            links[document["linked_from"]].append((document["path"], document["title"]))
        links[missing["linked_from"]].append((missing["path"], missing["title"]))
        target = self.story(redirect["target"])
        links[redirect["linked_from"]].append((redirect["path"], target.title))
        return links

    def story(self, slug: str) -> Story:
        return next(story for story in self.stories if story.slug == slug)

    def build(self) -> None:
        for index, story in enumerate(self.stories):
            body = self.renderer.article(story, index)
            self.add(story.path, "article", body, story.lastmod, **self.article_entry(story, body))
            self.add(self.outlet.image_path(story), "asset", binary.png(story.slug),
                     story.lastmod, "image/png")
        self.build_listings()
        self.build_special_pages()
        self.build_indexes()

    def build_listings(self) -> None:
        size = self.outlet["page_size"]
        chunks = [self.stories[i:i + size] for i in range(0, len(self.stories), size)]
        pages = [self.outlet.listing_page(n) for n in range(1, len(chunks) + 1)]
        for number, chunk in enumerate(chunks, start=1):
            title = "Latest news" if number == 1 else f"Latest news - page {number}"
            body = self.renderer.listing(title, chunk, "listing", pages, number, pages[number - 1])
            self.add(pages[number - 1], "listing", body, max(s.lastmod for s in chunk))
        home = self.renderer.listing(self.outlet["title"], self.stories[:5], "home",
                                     canonical="/", key="home")
        self.add("/", "home", home, self.newest)
        for tag in self.tags:
            tagged = [s for s in self.stories if tag in s.tags]
            path = self.outlet.tag_path(tag)
            body = self.renderer.listing(tag.replace("-", " ").title(), tagged, "tag",
                                         canonical=path)
            self.add(path, "tag", body, max(s.lastmod for s in tagged), tag=tag)

    def build_special_pages(self) -> None:
        outlet = self.outlet
        about = outlet["about_path"]
        self.add(about, "about", self.renderer.page(f"About {outlet['title']}", about_text(outlet),
                                                    about, key="about"), self.site_date)
        missing = outlet["not_found"]
        self.files["404.html"] = self.renderer.page("Page not found", [
            "<p>Sorry, we could not find the page you were looking for. It may have been moved "
            "or deleted.</p>", '<p><a href="/">Go to the home page</a></p>'], missing["path"])
        self.pages[missing["path"]] = {"kind": "not_found", "status": 404, "content_type": HTML,
                                       "file": "404.html", "lastmod": self.site_date.isoformat(),
                                       "linked_from": missing["linked_from"]}
        redirect = outlet["redirect"]
        self.pages[redirect["path"]] = {"kind": "redirect", "status": 301,
                                        "location": self.story(redirect["target"]).path,
                                        "linked_from": redirect["linked_from"]}
        document = outlet["document"]
        data = (binary.png("flood-map", 320, 180) if document["content_type"] == "image/png"
                else binary.pdf(document["title"], [outlet["title"], "Sample document."]))
        self.add(document["path"], "non_html", data, self.site_date, document["content_type"])
        self.build_disallowed()

    def build_disallowed(self) -> None:
        """Pages under the robots.txt-disallowed prefix that ordinary pages link to."""
        spec = self.outlet["disallowed"]
        if spec["page"]:
            body = self.renderer.page(spec["title"], [
                '<form method="post" action="#"><label>Email <input name="name"></label>'
                '<label>Password <input type="password" name="pass"></label>'
                '<input type="submit" value="Log in"></form>'], spec["page"])
            self.add(spec["page"], "disallowed", body, self.site_date)
            return
        for story in self.stories:
            path = self.outlet.print_path(story)
            self.add(path, "disallowed", self.renderer.print_page(story), story.lastmod)

    def build_indexes(self) -> None:
        outlet, env, base = self.outlet, self.env, self.outlet.base
        self.add("/robots.txt", "robots", indexes.robots(outlet), self.site_date,
                 CONTENT_TYPES["text"])
        spec = outlet["feed"]
        self.add(spec["path"], "feed", indexes.feed(env, outlet, self.stories), self.newest,
                 CONTENT_TYPES[spec["kind"]], format=spec["kind"])
        sitemap = outlet["sitemap"]
        listed = [(path, datetime.fromisoformat(entry["lastmod"]))
                  for path, entry in self.pages.items()
                  if entry["kind"] in ("home", "listing", "tag", "about")]
        xml = CONTENT_TYPES["xml"]
        if sitemap["kind"] == "index":
            self.add(sitemap["news"], "sitemap", indexes.news_sitemap(env, outlet, self.stories),
                     self.newest, xml, format="news")
            self.add(sitemap["pages"], "sitemap", indexes.urlset(env, listed, base),
                     self.newest, xml, format="urlset")
            children = [(sitemap["news"], self.newest), (sitemap["pages"], self.newest)]
            self.add(sitemap["path"], "sitemap", indexes.sitemap_index(env, children, base),
                     self.newest, xml, format="index")
            return
        entries = [(s.path, s.lastmod) for s in self.stories] + listed
        if "stale" in sitemap:
            entries.append((sitemap["stale"], datetime.fromisoformat("2015-02-20T09:00:00+00:00")))
        self.add(sitemap["path"], "sitemap", indexes.urlset(env, entries, base), self.newest,
                 xml, format="urlset")

    def article_entry(self, story: Story, body: bytes) -> dict[str, Any]:
        """What a correct pipeline must make of this article page."""
        page_text = html.unescape(body.decode("utf-8"))
        served = story.served_paragraphs
        must_contain = [snippet(served[0]), snippet(served[len(served) // 2]), snippet(served[-1])]
        must_not = list(CLUTTER[self.outlet.name])
        must_not += [p for p in OPTIONAL_CLUTTER[self.outlet.name] if p in page_text]
        must_not += FUND_PHRASES if story.fund else []
        must_not += [PAYWALL_PHRASE] if story.access != "free" else []
        must_not += [story.image[1]] if story.image else []
        check_snippets(story, page_text, must_contain, must_not)
        return {
            "title": story.title, "authors": story.authors,
            "published": story.published.date().isoformat(),
            "published_time": story.published.isoformat(),
            "updated": story.updated.isoformat() if story.updated else None,
            "section": story.section, "tags": story.tags,
            "byline_position": story.byline, "paragraphs": len(served),
            "words": sum(len(p.split()) for p in served), "access": story.access,
            "syndicated_of": self.reference(story.syndicated_of),
            "alternate_urls": self.alternate_urls(story),
            "must_contain": must_contain, "must_not_contain": must_not,
            "event": story.event, "same_event_as": self.same_event(story),
            "image": self.outlet.image_path(story) if story.image else None,
        }

    def reference(self, key: str | None) -> dict[str, str] | None:
        if key is None:
            return None
        outlet, slug = key.split("/", 1)
        original = next(s for s in self.everyone[outlet] if s.slug == slug)
        return {"outlet": outlet, "path": original.path}

    def alternate_urls(self, story: Story) -> list[str]:
        urls = []
        tracking = self.outlet["feed"].get("tracking")
        if tracking:
            urls.append(story.path + tracking)
        if self.outlet["redirect"]["target"] == story.slug:
            urls.append(self.outlet["redirect"]["path"])
        return urls

    def same_event(self, story: Story) -> list[dict[str, str]]:
        if story.event is None:
            return []
        return [{"outlet": other.outlet, "path": other.path}
                for items in self.everyone.values() for other in items
                if other.event == story.event and other is not story]


def snippet(paragraph: str, words: int = 9) -> str:
    return " ".join(paragraph.split()[:words])


def check_snippets(story: Story, page_text: str, must: list[str], must_not: list[str]) -> None:
    """Refuse to write a manifest whose expectations are wrong for the page it describes."""
    article_text = "\n".join(story.paragraphs)
    for phrase in must:
        if phrase not in page_text:
            raise ValueError(f"{story.slug}: must_contain {phrase!r} not on the page")
    for phrase in must_not:
        if phrase not in page_text or phrase in article_text:
            raise ValueError(f"{story.slug}: must_not_contain {phrase!r} is not clutter here")


def about_text(outlet: Outlet) -> list[str]:
    title = html.escape(outlet["title"], quote=False)
    return [
        f"<p>{title} is a fictional news outlet: part of the sample news site bundled with "
        "newsdesk for demonstrations and tests. Its articles describe real events of March 2015 "
        "in general terms, or invented local events; quotes are from unnamed or fictional people.</p>",
        '<h2 id="staff">Our staff</h2><p>Reporters and editors are fictional.</p>',
        '<h2 id="subscribe">Subscribe</h2><p>Subscriptions are not available on this sample site.</p>',
        '<h2 id="privacy">Privacy</h2><p>This site sets no cookies.</p>',
        '<h2 id="contact">Contact</h2><p>There is no one to contact.</p>',
    ]


def write(out_dir: Path, manifest_file: Path, seed_file: Path) -> dict[str, Any]:
    """Generate all outlets into `out_dir` and the manifest into `manifest_file`."""
    outlets = load_outlets()
    stories = load_stories(outlets, seed_file)
    env = environment()
    manifest: dict[str, Any] = {"generator": "python -m sample_site.generator", "outlets": {}}
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for name, outlet in outlets.items():
        site = OutletSite(outlet, stories[name], env, stories)
        site.build()
        for relative, data in site.files.items():
            target = out_dir / name / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        manifest["outlets"][name] = outlet_summary(outlet, site.pages)
    manifest["events"] = {
        key: {**info, "reports": [{"outlet": s.outlet, "path": s.path}
                                  for items in stories.values() for s in items if s.event == key]}
        for key, info in EVENTS.items()}
    manifest_file.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return manifest


def outlet_summary(outlet: Outlet, pages: dict[str, dict[str, Any]]) -> dict[str, Any]:
    sitemap = outlet["sitemap"]
    disallowed = [p for p, e in pages.items() if e["kind"] == "disallowed"]
    return {
        "title": outlet["title"],
        "feeds": [outlet["feed"]["path"]],
        "sitemaps": [sitemap["path"]],
        "start_urls": ["/"],
        "article_pattern": outlet["article_pattern"],
        "robots_disallow": outlet["disallowed"]["rule"],
        "disallowed_paths": disallowed,
        "pages": dict(sorted(pages.items())),
    }
