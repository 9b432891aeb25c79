-- Events per PLOVER type (with the CAMEO root it projects to), plus how often each is only reported.
create or replace view event_types as
with events as (
    select event_id, type, cameo_root, mention_count, confidence from main.events
),

mentions as (
    select event_id, status from main.event_mentions
),

mention_status as (
    select event_id, bool_and(status = 'asserted') as all_asserted from mentions group by event_id
),

-- a type's usual CAMEO root; a tie goes to the lowest root, so every engine and row order agree
usual_root as (
    select type, cameo_root
    from (select type, cameo_root, count(*) as n from events group by type, cameo_root)
    qualify row_number() over (partition by type order by n desc, cameo_root) = 1
),

final as (
    select
        events.type,
        any_value(usual_root.cameo_root) as cameo_root,
        count(*) as events,
        sum(events.mention_count) as mentions,
        count(*) filter (where not coalesce(mention_status.all_asserted, false)) as not_asserted,
        round(avg(events.confidence), 3) as mean_confidence
    from events
    left join mention_status using (event_id)
    left join usual_root using (type)
    group by events.type
)

select * from final order by events desc;
