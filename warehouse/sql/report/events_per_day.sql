-- Events per day and PLOVER type, over the scoped events (temp table report_events) dated to the day:
-- an event dated only to its year ("in 1962") sits on 1 January and would stretch the axis over decades.
with report_events as (
    select event_id, type, date from temp.report_events where date is not null and date_precision = 'day'
),

final as (
    select date, type, count(*) as events
    from report_events
    group by date, type
)

select * from final order by date, type
