-- Events per actor (by head entity): what each actor did, as actor and as recipient.
create or replace view event_actors as
with events as (
    select event_id, type, actor_head, actor_country, actor_sector, recipient_head, recipient_country, recipient_sector, date
    from main.events
),

as_actor as (
    select actor_head as head, actor_country as country, actor_sector as sector, type, date, 'actor' as role
    from events where actor_head is not null
),

as_recipient as (
    select recipient_head as head, recipient_country as country, recipient_sector as sector, type, date, 'recipient' as role
    from events where recipient_head is not null
),

roles as (
    select * from as_actor union all select * from as_recipient
),

final as (
    select
        head,
        any_value(country) as country,
        any_value(sector) as sector,
        count(*) filter (where role = 'actor') as events_as_actor,
        count(*) filter (where role = 'recipient') as events_as_recipient,
        mode(type) filter (where role = 'actor') as most_common_action,
        min(date) as first_date,
        max(date) as last_date
    from roles
    group by head
)

select * from final order by events_as_actor + events_as_recipient desc;
