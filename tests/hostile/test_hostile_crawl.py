"""The real crawl process against the hostile site: it finishes, names every trap, keeps good pages whole."""
from __future__ import annotations

import ipaddress
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from hostile_site import METADATA, hostile_site
from spiders.guard import is_forbidden_address, url_problem
from transforms.models import RawPage

PEAK_RSS_MB = 300  # a Scrapy crawl process is ~100 MB; the bomb alone would inflate to 1,000 MB


# run_crawl in a process of its own, so the peak RSS it reports is this crawl's, whatever ran before
CRAWL = ("import json, resource, sys; from spiders.crawl import run_crawl; "
         "run_crawl(json.loads(sys.argv[1]), sys.argv[2], timeout=120); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory, root: Path):
    tmp = tmp_path_factory.mktemp("hostile")
    with hostile_site(tmp) as site:
        out = tmp / "pages.jsonl"
        done = subprocess.run([sys.executable, "-c", CRAWL, json.dumps(site.source()), str(out)],
                              capture_output=True, text=True, cwd=root, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]  # CrawlError if the process failed or hung
        yield site, out, float(done.stdout.strip().splitlines()[-1])


def records(out: Path) -> dict[str, RawPage]:
    pages = [RawPage.from_json(json.loads(line)) for line in out.read_text().splitlines()]
    repeated = [url for url, n in Counter(p.url for p in pages).items() if n > 1]
    assert not repeated, f"recorded more than once: {repeated}"
    return {p.url: p for p in pages}


@pytest.mark.slow
def test_every_trap_has_a_raw_page_with_its_reason(crawled):
    site, out, _ = crawled
    pages = records(out)
    missing = [url for url in site.bad if url not in pages]
    assert not missing, missing
    for url, reason in site.bad.items():
        page = pages[url]
        assert reason in (page.error or str(page.status)), (url, page.status, page.error)
    assert pages[f"{site.base}/to-metadata"].location == METADATA


@pytest.mark.slow
def test_good_pages_come_through_verbatim(crawled):
    site, out, _ = crawled
    pages = records(out)
    for path, body in site.good.items():
        page = pages[f"{site.base}{path}"]
        assert (page.status, page.error, page.body) == (200, None, body), path


@pytest.mark.slow
def test_the_redirect_loop_ends_with_each_hop_recorded_once(crawled):
    site, out, _ = crawled
    pages = records(out)
    loop = [(p.status, p.location) for url, p in pages.items() if url.startswith(f"{site.base}/loop/")]
    assert sorted(loop) == [(302, f"{site.base}/loop/a"), (302, f"{site.base}/loop/b")]
    assert site.requests.count("/loop/a") == 1


@pytest.mark.slow
def test_nothing_is_read_from_the_local_filesystem_or_sent_elsewhere(crawled):
    site, out, _ = crawled
    assert site.secret not in out.read_text()  # the XXE sitemap's entity was never resolved
    # The two attempts on the metadata address were refused before any connection: by the guard on the
    # URL text (what the test can check without a packet leaving the machine) ...
    assert is_forbidden_address(ipaddress.ip_address("169.254.169.254"), allow_private=True)
    steal = next(url for url in site.bad if "\\" in url)
    assert url_problem(steal) == "ambiguous URL: backslash in the host part"
    # ... and the site saw neither the metadata path nor the stolen one through some other route.
    assert not [path for path in site.requests if "meta-data" in path or "steal" in path]


@pytest.mark.slow
def test_the_crawl_stays_within_bounded_memory(crawled):
    _, _, peak_mb = crawled
    assert peak_mb < PEAK_RSS_MB
