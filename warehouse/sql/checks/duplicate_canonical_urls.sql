-- A canonical URL must be one article row.
select canonical_url, count(*) as n from articles group by canonical_url having count(*) > 1
