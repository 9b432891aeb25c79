-- What each event did, as its sentence puts it: the action with its objects and phrases, without the
-- doer, time words or attribution ("marched through Dublin in the latest protest against water charges").
-- Events coded before coder plover-rules-0.4 have none until `newsdesk reprocess` codes them again.
alter table events add column if not exists what varchar;
