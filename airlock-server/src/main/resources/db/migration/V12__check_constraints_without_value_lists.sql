-- The same rules as before, written as CASE instead of IN lists. H2 keeps an IN list of constants (and an OR
-- of equalities, which it turns into one) bound to the connection that created the constraint; once that
-- connection is closed while the database stays open (the pool retires it after half an hour), every
-- insert or update of the table fails with "Check constraint invalid". CASE has no such tie, on H2 and
-- PostgreSQL alike.
alter table app_user drop constraint ck_app_user_role;
alter table app_user add constraint ck_app_user_role check (case
    when role = 'SYSTEM_ADMIN' then true when role = 'ACCESS_ADMIN' then true when role = 'USER' then true
    else false end);

alter table storage_integration drop constraint ck_storage_integration_kind;
alter table storage_integration add constraint ck_storage_integration_kind check (case
    when kind = 'EMBEDDED' then true when kind = 'S3' then true else false end);

alter table access_method drop constraint ck_access_method_protocol;
alter table access_method add constraint ck_access_method_protocol check (case
    when protocol = 'SSH' then true when protocol = 'TELNET' then true when protocol = 'VNC' then true
    when protocol = 'RDP' then true else false end);

alter table access_method drop constraint ck_access_method_credential;
alter table access_method add constraint ck_access_method_credential check (case
    when credential_kind = 'NONE' then true when credential_kind = 'PASSWORD' then true
    when credential_kind = 'PRIVATE_KEY' then true when credential_kind = 'ASK_USER' then true else false end);

alter table storage_check_line drop constraint ck_storage_check_line_status;
alter table storage_check_line add constraint ck_storage_check_line_status check (case
    when status = 'OK' then true when status = 'FAILED' then true when status = 'UNSUPPORTED' then true
    else false end);

alter table session_record drop constraint ck_session_record_recording_status;
alter table session_record add constraint ck_session_record_recording_status check (case
    when recording_status = 'NONE' then true when recording_status = 'RECORDING' then true
    when recording_status = 'PROCESSING' then true when recording_status = 'WAITING_FOR_STORAGE' then true
    when recording_status = 'FAILED' then true when recording_status = 'READY' then true
    when recording_status = 'EXPIRED' then true else false end);
