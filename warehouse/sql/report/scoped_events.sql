-- Events in the report's scope: dated on or after $since (when given) and reported by at least one
-- article of $source (when given). Parameters $since (date or null), $source (varchar or null).
with events as (
    select * from main.events
),

mentions as (
    select event_id, article_id from main.event_mentions
),

articles as (
    select article_id, source from main.articles
),

reported as (
    select distinct mentions.event_id
    from mentions join articles using (article_id)
    where cast($source as varchar) is null or articles.source = cast($source as varchar)
),

final as (
    select
        events.event_id, events.type, events.mode, events.action,
        coalesce(events.actor_head, events.actor) as actor,
        coalesce(events.recipient_head, events.recipient) as recipient,
        events.location_name, events.country_code, events.lat, events.lon,
        events.date, events.date_precision, coalesce(events.mention_count, 1) as mention_count
    from events join reported using (event_id)
    where cast($since as date) is null or events.date >= cast($since as date)
)

select * from final order by date desc nulls last, event_id
