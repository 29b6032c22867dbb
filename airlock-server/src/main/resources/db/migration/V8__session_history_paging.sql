-- Session History pages, sorts and filters over the whole history: every filter and every order the page
-- offers leads an index that then holds the default order (start time, ties broken by id), so a first
-- page reads a page of index entries instead of sorting the matching rows.
create index ix_session_record_started_id on session_record (started_at, id);
create index ix_session_record_user on session_record (username, started_at, id);
create index ix_session_record_group on session_record (group_id, started_at, id);
create index ix_session_record_group_name on session_record (group_name, started_at, id);
create index ix_session_record_asset on session_record (asset_id, started_at, id);
create index ix_session_record_asset_name on session_record (asset_name, started_at, id);
create index ix_session_record_protocol on session_record (protocol, started_at, id);
create index ix_session_record_status on session_record (recording_status, started_at, id);
create index ix_session_record_reason on session_record (end_reason, started_at, id);
create index ix_session_record_volume on session_record (bytes_from_equipment, started_at, id);
drop index ix_session_record_started;
