"""Scrapy spiders that fetch raw pages: feeds, sitemaps and site crawls, one process per crawl.

Entry points: `python -m spiders.crawl` and `spiders.crawl.run_crawl()`.
"""
