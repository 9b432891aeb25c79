-- duplicate_of must point at a stored article.
select a.article_id, a.duplicate_of from articles a
left join articles o on o.article_id = a.duplicate_of
where a.duplicate_of is not null and o.article_id is null
