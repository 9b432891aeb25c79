-- The latest articles' main events (articles.main_event_id) within the scoped events (temp table
-- report_events), each with its evidence sentence in that article. Syndicated copies are left out.
-- Parameters $source (varchar or null) and $limit.
with articles as (
    select article_id, source, title, url, published_at, first_seen_at, main_event_id, duplicate_of
    from main.articles
),

report_events as (
    select * from temp.report_events
),

mentions as (
    select article_id, event_id, sentence, status, salience from main.event_mentions
),

evidence as (
    select article_id, event_id, sentence, status
    from mentions
    qualify row_number() over (partition by article_id, event_id order by salience desc nulls last, sentence) = 1
),

final as (
    select
        articles.article_id, articles.source, articles.title, articles.url,
        coalesce(articles.published_at, articles.first_seen_at) as published_at,
        report_events.event_id, report_events.type, report_events.action, report_events.actor,
        report_events.recipient, report_events.location_name, report_events.date,
        evidence.sentence, evidence.status
    from articles
    join report_events on report_events.event_id = articles.main_event_id
    left join evidence on evidence.article_id = articles.article_id
        and evidence.event_id = articles.main_event_id
    where articles.duplicate_of is null
      and (cast($source as varchar) is null or articles.source = cast($source as varchar))
)

select * from final order by published_at desc nulls last, article_id limit $limit
