"""`newsdesk bench extraction|events`: run a benchmark, print its numbers, optionally gate on floors."""
from __future__ import annotations

import argparse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console

DEFAULT_SHARED = Path("../shared")


def sample_site_articles() -> list[dict]:
    """The bundled sample site's articles as event-coder input, fetched from a local server and cleaned;
    "key" ("sample-site:<outlet><path>") names them in the event gold sets, whatever port was served."""
    from sample_site import article_entries
    from sample_site.server import serve
    from transforms.clean import clean
    from transforms.models import RawPage

    docs = []
    with serve() as site:
        for outlet, path, _ in article_entries():
            url = site.url(outlet, path)
            with urllib.request.urlopen(url, timeout=10) as response:  # 127.0.0.1 only
                body = response.read()
            page = RawPage(url=url, source=outlet, fetched_at=datetime.now(timezone.utc).isoformat(),
                           status=200, content_type="text/html", body=body)
            article = clean(page)
            if article is not None:
                docs.append({"id": article.article_id, "key": f"sample-site:{outlet}{path}", "title": article.title,
                             "text": article.text, "published": article.published})
    return docs


def run(args: argparse.Namespace, console: Console) -> int:
    if args.what == "runs":
        from bench import runs as bench

        result = bench.main(console)
    elif args.what == "scale":
        from bench import scale as bench

        result = bench.main(console)
    elif args.what == "extraction":
        from bench import extraction as bench

        result = bench.main(args.dataset or DEFAULT_SHARED / "data" / "extraction-dev", None)
    else:
        from bench import events as bench

        gold = args.gold or DEFAULT_SHARED / "data" / "events-dev" / "plover_gsr.jsonl"
        site = sample_site_articles()
        result = bench.main(gold, None, resources=None, site_articles=site, workers=getattr(args, "workers", None) or 2)
    failures = bench.gate(result)
    for failure in failures:
        console.print(f"[red]below floor:[/] {failure}")
    return 1 if (failures and args.gate) else 0
