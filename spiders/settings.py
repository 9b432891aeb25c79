"""Polite crawl defaults: the one flat Scrapy settings module of newsdesk.

`spiders.crawl` loads this module and then applies a source's `politeness` overrides (see
`POLITENESS` below for the keys and their defaults). Redirects are not followed by Scrapy's
middleware but by the spiders, so that every hop becomes its own raw page record.
"""

BOT_NAME = "newsdesk"
USER_AGENT = "newsdesk/0.1 (+https://github.com/newsdesk/newsdesk)"

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
DOWNLOAD_MAXSIZE = 5_000_000
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

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.middlewares.SharedRobotsTxtMiddleware": 100,  # robots.txt once per host per crawl
}
ITEM_PIPELINES = {"spiders.pipelines.RawPageWriter": 100}
LOG_LEVEL = "INFO"
LOG_FORMATTER = "spiders.pipelines.RecordLogFormatter"  # no page bodies in DEBUG logs
LOGSTATS_INTERVAL = 60.0

# A source's `politeness` table: every key optional, these are the defaults.
POLITENESS = {
    "obey_robots": True,
    "concurrency_per_domain": CONCURRENT_REQUESTS_PER_DOMAIN,
    "download_delay": DOWNLOAD_DELAY,
    "autothrottle": AUTOTHROTTLE_ENABLED,
    "user_agent": USER_AGENT,
    "max_bytes": DOWNLOAD_MAXSIZE,
    "timeout": DOWNLOAD_TIMEOUT,
    "max_pages": 1000,
    "depth_limit": 3,
    "retry_times": RETRY_TIMES,
}

# Sitemap indexes may nest; deeper chains are ignored.
SITEMAP_MAX_NESTING = 3
