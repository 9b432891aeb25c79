"""Scrapy spiders that fetch raw pages: feeds, sitemaps and site crawls, one process per crawl.

Entry points: `spiders.crawl.run_crawl()` / `python -m spiders.crawl` for the pipeline, and
`scrapy list` / `scrapy crawl SOURCE` (scrapy.cfg, spiders.loader); both run spiders.crawl_spider.
What is refused, and why: spiders.guard and SECURITY.md.
"""
