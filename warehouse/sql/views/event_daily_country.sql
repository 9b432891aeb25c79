-- Events per day and country: distinct real-world events (not article mentions) dated to the day.
create or replace view event_daily_country as
with events as (
    select event_id, date, country_code, type, mention_count from main.events where date_precision = 'day'
),

final as (
    select
        date,
        coalesce(country_code, '??') as country_code,
        count(*) as events,
        sum(mention_count) as mentions,
        count(*) filter (where type in ('ASSAULT', 'COERCE', 'THREATEN', 'SANCTION', 'PROTEST', 'MOBILIZE')) as conflictual,
        count(*) filter (where type in ('AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT')) as cooperative
    from events
    group by date, coalesce(country_code, '??')
)

select * from final order by date desc, events desc;
