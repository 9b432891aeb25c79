"""Polite crawl defaults: the one flat Scrapy settings module of newsdesk.

Both entry points load this module (`spiders.crawl` and `scrapy crawl SOURCE` via scrapy.cfg) and
then apply one source's settings, derived by `source_settings()` at the end of this file; the
`spiders.source.Politeness` model takes its defaults from the values here. Redirects are not followed
by Scrapy's middleware but by the spiders, so that every hop becomes its own raw page record.
"""
from __future__ import annotations

import typing  # a module, not names: Scrapy reads every UPPER-CASE name here as a setting

from transforms import decode  # the page size cap clean() applies is the download cap

if typing.TYPE_CHECKING:
    from spiders.source import Source

BOT_NAME = "newsdesk"
USER_AGENT = "newsdesk/0.1 (+https://github.com/newsdesk/newsdesk; polite batch crawler)"

# Politeness: robots.txt, per-domain concurrency, AutoThrottle, timeouts, size cap.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.0
DOWNLOAD_DELAY_JITTER = 0.5  # each delay varies by +-50%
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0  # used when a source sets no download_delay of its own
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = decode.MAX_BYTES  # one cap for the crawl and for clean()
DOWNLOAD_WARNSIZE = 0
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# Every hop of a redirect is a record of its own: the spiders follow Location themselves.
REDIRECT_ENABLED = False
METAREFRESH_ENABLED = False

# A batch crawler keeps no session and offers no remote console.
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
HTTPCACHE_ENABLED = False

# Breadth first, so a page budget is spent on the pages nearest the start URLs; the site-crawl
# spider enforces the depth limit itself (Scrapy's DepthMiddleware would drop requests silently).
DEPTH_LIMIT = 0
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Hostile input (SECURITY.md): every connection goes to an address spiders.guard accepts, checked
# after DNS resolution; only http(s) is fetched, never through a proxy from the environment.
DOWNLOADER_MIDDLEWARES = {
    "spiders.resolver.AddressGuardMiddleware": 950,  # nearest the downloader
    # Scrapy's robots.txt middleware lets through all but one request waiting for robots.txt (spiders.robots).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.robots.RobotsTxtMiddleware": 100,
}
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}
HTTPPROXY_ENABLED = False
ALLOW_PRIVATE_ADDRESSES = False  # per source: Source.allow_private
URLLENGTH_LIMIT = 2083  # the spiders record longer URLs as refused before Scrapy would drop them

# One spider per source for `scrapy list` / `scrapy crawl SOURCE` (scrapy.cfg at the repo root).
SPIDER_LOADER_CLASS = "spiders.loader.SourcesSpiderLoader"
ITEM_PIPELINES = {"spiders.pipelines.RawPageWriter": 100}
LOG_LEVEL = "INFO"
LOG_FORMATTER = "spiders.pipelines.RecordLogFormatter"  # no page bodies in DEBUG logs
LOGSTATS_INTERVAL = 60.0

# Sitemap indexes may nest; deeper chains are ignored.
SITEMAP_MAX_NESTING = 3


def source_settings(source: Source) -> dict[str, typing.Any]:
    """The settings one source overrides in this module: its politeness table and allow_private."""
    polite = source.politeness
    return {
        "ROBOTSTXT_OBEY": polite.obey_robots,
        "CONCURRENT_REQUESTS_PER_DOMAIN": polite.concurrency_per_domain,
        "DOWNLOAD_DELAY": polite.download_delay,
        "AUTOTHROTTLE_ENABLED": polite.autothrottle,
        # A source that sets its own delay starts AutoThrottle there, not at the cautious default.
        "AUTOTHROTTLE_START_DELAY": polite.download_delay or AUTOTHROTTLE_START_DELAY,
        "USER_AGENT": polite.user_agent,
        "DOWNLOAD_MAXSIZE": polite.max_bytes,
        "DOWNLOAD_TIMEOUT": polite.timeout,
        "RETRY_TIMES": polite.retry_times,
        "ALLOW_PRIVATE_ADDRESSES": source.allow_private,
    }
