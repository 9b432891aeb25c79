-- search(q): full-text search (BM25) over article title and text, best match first.
-- The index is kept article by article in search_docs / search_terms (warehouse/search.py) with the
-- tokenizer, Porter stemmer, English stopwords and BM25 (k = 1.2, b = 0.75) of DuckDB's fts extension,
-- with collection statistics taken at query time: the same scores as `create_fts_index` over the
-- current rows, without ever rebuilding a snapshot.
create or replace macro search_tokens(s) as
    string_split_regex(regexp_replace(lower(strip_accents(CAST(s AS VARCHAR))), '[0-9!@#$%^&*()_+={}\[\]:;<>,.?~\\/\|''''"`-]+', ' ', 'g'), '\s+');

create or replace macro search(q) as table
with query_terms as (
    select distinct stem(unnest(search_tokens(q)), 'porter') as term
),

collection as (
    select count(*) as n, avg(len) as avgdl from search_docs
),

hits as (
    select docid, term, tf from search_terms where term in (select term from query_terms)
),

term_df as (
    select term, count(*) as df from hits group by term
),

scored as (
    select h.docid,
           sum(log((c.n - t.df + 0.5) / (t.df + 0.5) + 1)
               * (h.tf * (1.2 + 1)) / (h.tf + 1.2 * ((1 - 0.75) + 0.75 * (d.len / c.avgdl)))) as score
    from hits h
    join term_df t on t.term = h.term
    join search_docs d on d.docid = h.docid
    cross join collection c
    group by h.docid
),

final as (
    select a.article_id, a.title, a.source, a.published, a.canonical_url, s.score
    from scored s
    join search_docs d on d.docid = s.docid
    join articles a on a.article_id = d.article_id
    order by s.score desc, a.article_id
)

select * from final;
