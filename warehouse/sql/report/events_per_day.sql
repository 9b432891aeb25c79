-- Events per day and PLOVER type, over the scoped events (temp table report_events).
with report_events as (
    select event_id, type, date from temp.report_events where date is not null
),

final as (
    select date, type, count(*) as events
    from report_events
    group by date, type
)

select * from final order by date, type
