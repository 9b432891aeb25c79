-- Per source: this run's yield against the source's own history. Parameter $run_id.
-- A site that changed its layout shows up here first: fewer pages become articles, dates go missing,
-- bodies shrink.
with this_run as (
    select source,
           sum(articles_seen) as articles,
           sum(articles_seen + pages_skipped) as cleaned
    from run_sources where run_id = $run_id group by source
),

history as (
    select source,
           sum(articles_seen)::double / nullif(sum(articles_seen + pages_skipped), 0) as article_rate
    from run_sources where run_id <> $run_id group by source
),

quality as (
    select source,
           avg(case when run_id = $run_id then (published is null)::int end) as missing_date_now,
           avg(case when run_id <> $run_id then (published is null)::int end) as missing_date_before,
           avg(case when run_id = $run_id then (word_count < 80)::int end) as short_now,
           avg(case when run_id <> $run_id then (word_count < 80)::int end) as short_before
    from articles group by source
),

final as (
    select t.source, t.cleaned, t.articles,
           t.articles::double / nullif(t.cleaned, 0) as article_rate, h.article_rate as article_rate_before,
           q.missing_date_now, q.missing_date_before, q.short_now, q.short_before
    from this_run t
    left join history h using (source)
    left join quality q using (source)
)

select * from final order by source
