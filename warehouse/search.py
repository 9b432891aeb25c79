"""Full-text search over article title and text (articles family), kept up to date article by article.

DuckDB's fts index is a snapshot of the table: `create_fts_index` re-reads every row, so a run that adds
ten articles to a million would pay for a million. Instead the same inverted index lives in plain
tables, `search_docs` (length of each article) and `search_terms` (frequency of each stemmed term per
article), built with the fts extension's own tokenizer, stemmer and stopwords. A run deletes and
re-inserts only the rows of the articles it changed, in the transaction that clears their pending mark;
the `search(q)` macro (sql/views/search.sql) takes the collection statistics (N, average length,
document frequencies) at query time, so its BM25 scores equal a full rebuild's, and a new article is
findable as soon as its run ends. No run ever rebuilds the whole index.
"""
from __future__ import annotations

from collections.abc import Sequence

import duckdb

import pyarrow as pa

from warehouse.articles import id_table
from warehouse.db import writer

# An article's document id: 60 bits of the md5 of its id, so writers on several machines never hand out
# the same one (DuckLake has no sequences; warehouses made before this used a sequence, whose small
# numbers these never meet in practice).
DOCID = "('0x' || left(md5(a.article_id), 15))::bigint"

# Term frequencies of the batch's articles: words counted first, then each distinct word stemmed once.
TOKENS_SQL = """
    create or replace temp table search_batch_terms as
    with words as (
        select article_id, unnest(search_tokens(concat_ws(' ', title, text))) as word
        from articles where article_id in (select article_id from search_batch)
    ),
    counted as (
        select article_id, word, count(*) as n from words
        where length(word) > 0 and word not in (select sw from search_stopwords)
        group by article_id, word
    ),
    stems as (
        select word, stem(word, 'porter') as term from (select distinct word from counted)
    )
    select article_id, term, sum(n)::integer as tf from counted join stems using (word) group by article_id, term
"""


def index_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> int:
    """Replace the index rows of these articles by their current text (deleted ones just go);
    call inside the transaction that clears their pending mark. Returns how many were indexed."""
    if not article_ids:
        return 0
    ensure_stopwords(con)
    with id_table(con, "search_batch", article_ids):
        con.execute("delete from search_terms where docid in (select docid from search_docs "
                    "where article_id in (select article_id from search_batch))")
        con.execute("delete from search_docs where article_id in (select article_id from search_batch)")
        con.execute(TOKENS_SQL)
        con.execute(f"insert into search_docs (docid, article_id, len) select {DOCID}, a.article_id, "
                    "coalesce(sum(t.tf), 0) "
                    "from articles a left join search_batch_terms t using (article_id) "
                    "where a.article_id in (select article_id from search_batch) group by a.article_id")
        con.execute("insert into search_terms select d.docid, t.term, t.tf from search_batch_terms t "
                    "join search_docs d using (article_id)")
        con.execute("drop table temp.search_batch_terms")
        return con.execute("select count(*) from search_docs where article_id in "
                           "(select article_id from search_batch)").fetchone()[0]


def ensure_stopwords(con: duckdb.DuckDBPyConnection) -> None:
    """Copy the fts extension's English stopword list into search_stopwords, once: the extension only
    exposes it as a table of an index, so build one over an empty table in a scratch database."""
    if con.execute("select count(*) from search_stopwords").fetchone()[0]:
        return
    with writer(":memory:") as scratch:
        scratch.execute("create table empty (id varchar, t varchar)")
        scratch.execute("pragma create_fts_index('empty', 'id', 't', stopwords = 'english')")
        words = [r[0] for r in scratch.execute("select sw from fts_main_empty.stopwords").fetchall()]
    con.register("stopword_batch", pa.table({"sw": pa.array(words, pa.string())}))
    try:
        con.execute("insert into search_stopwords select distinct sw from stopword_batch "
                    "where sw not in (select sw from search_stopwords)")
    finally:
        con.unregister("stopword_batch")
