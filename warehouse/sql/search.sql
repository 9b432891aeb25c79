-- search(q): full-text search (BM25) over article title and text, best match first.
-- Rebuilt with the index after each load, because DuckDB's FTS index is a snapshot of the table.
create or replace macro search(q) as table
with scored as (
    select article_id, title, source, published, canonical_url,
           fts_main_articles.match_bm25(article_id, q) as score
    from articles
),

final as (
    select * from scored where score is not null order by score desc
)

select * from final;
