-- The yield warnings recorded in run summaries (runs.summary.warnings, "source: text") for the runs
-- started on or after $since, newest first. Parameters $since (date or null), $source (varchar or null).
with runs as (
    select run_id, started_at, summary from main.runs
    where summary is not null
      and (cast($since as date) is null or cast(started_at as date) >= cast($since as date))
),

warnings as (
    select run_id, started_at, unnest(coalesce(from_json(summary -> '$.warnings', '["varchar"]'), [])) as warning
    from runs
),

final as (
    select run_id, started_at, split_part(warning, ':', 1) as source, warning
    from warnings
    where cast($source as varchar) is null or split_part(warning, ':', 1) = cast($source as varchar)
)

select * from final order by started_at desc, warning
