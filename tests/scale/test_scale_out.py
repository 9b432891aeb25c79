"""Issue 11, parts 1 and 2: crawl processes sharing one Redis frontier (scrapy-redis on a real
redis-server) and cleaning + event coding fanned out on Prefect's Dask task runner (a real local
Dask cluster) end with the rows of a single-process, sequential run, and no URL is fetched twice."""
from __future__ import annotations

from collections import Counter

import pytest

redis = pytest.importorskip("redis", reason="redis (the Python client) not installed; see README, Scaling out")
pytest.importorskip("scrapy_redis", reason="scrapy-redis not installed; see README, Scaling out")
pytest.importorskip("prefect_dask", reason="prefect-dask not installed; see README, Scaling out")

from scale_servers import SAME_ROWS  # noqa: E402
from spiders.shared import scrapy_settings  # noqa: E402
from spiders.source import CrawlSettings, Source  # noqa: E402

TABLES = SAME_ROWS


def rows(sql, db, table: str) -> list[str]:
    return sorted(map(repr, sql(db, TABLES[table])))


@pytest.mark.slow
def test_two_crawl_workers_and_dask_coding_give_the_rows_of_a_single_process_run(
        sample, sources_file, reference_db, redis_url, newsdesk, sql, tmp_path):
    shared = tmp_path / "sources.toml"
    shared.write_text(sources_file.read_text() + f'\n[crawl]\nbackend = "{redis_url}"\nworkers = 2\n')
    db = tmp_path / "scaled.duckdb"
    before = len(sample.requests())
    result = newsdesk(["run", "--sources", str(shared), "--db", str(db), "--workers", "2"])
    assert result.returncode == 0, result.stdout + result.stderr
    fetched = Counter((outlet, method, path) for outlet, method, path, _ in sample.requests()[before:]
                      if not path.endswith("/robots.txt"))  # each process reads robots.txt for itself
    assert fetched and not [key for key, times in fetched.items() if times > 1]
    for table in TABLES:
        assert rows(sql, db, table) == rows(sql, reference_db, table), table
    assert not redis.Redis.from_url(redis_url).keys("newsdesk:*"), "the crawl's Redis keys are deleted"


def test_each_crawl_process_takes_its_share_of_the_politeness():
    source = Source(name="site", start_urls=["https://example.com/"],
                    politeness={"concurrency_per_domain": 4, "download_delay": 0.5})
    settings = scrapy_settings(source, "redis://127.0.0.1:6379/0", "run1", workers=4)
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1 and settings["DOWNLOAD_DELAY"] == 2.0
    assert settings["SCHEDULER_QUEUE_KEY"] == "newsdesk:run1:%(spider)s:requests"
    assert scrapy_settings(source, "redis://h/0", "r", workers=8)["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1


def test_the_crawl_table_names_a_redis_url():
    assert not CrawlSettings().shared
    assert CrawlSettings(backend="redis://10.0.0.2:6379/0", workers=3).shared
    with pytest.raises(ValueError, match="Redis URL"):
        CrawlSettings(backend="http://10.0.0.2:6379")
