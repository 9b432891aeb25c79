-- The most frequent actors and recipients of the scoped events (temp table report_events), at most
-- $limit per role.
with report_events as (
    select event_id, actor, recipient from temp.report_events
),

roles as (
    select 'actor' as role, actor as name from report_events where actor is not null
    union all
    select 'recipient' as role, recipient as name from report_events where recipient is not null
),

counted as (
    select role, name, count(*) as events from roles group by role, name
),

final as (
    select role, name, events
    from counted
    qualify row_number() over (partition by role order by events desc, name) <= $limit
)

select * from final order by role, events desc, name
