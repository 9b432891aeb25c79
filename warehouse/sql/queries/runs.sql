-- Latest runs, one line each (fits a 100-column terminal). Parameter $limit.
with per_run as (
    select run_id,
           sum(pages_fetched) as fetched,
           sum(pages_failed) as failed,
           sum(articles_seen) as articles,
           sum(articles_new) as new
    from run_sources group by run_id
),

final as (
    select r.run_id, r.command, r.status, r.started_at,
           strftime(r.started_at, '%m-%d %H:%M') as started,
           round(epoch(r.finished_at - r.started_at)) as secs,
           p.fetched, p.failed, p.articles, p.new
    from runs r left join per_run p using (run_id)
)

select * exclude (started_at) from final order by started_at desc, run_id desc limit $limit
