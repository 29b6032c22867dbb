-- A recording the bucket's retention policy removed shows as EXPIRED: the gateway never deletes recordings.
alter table session_record drop constraint ck_session_record_recording_status;
alter table session_record add constraint ck_session_record_recording_status check (recording_status in
    ('NONE', 'RECORDING', 'PROCESSING', 'WAITING_FOR_STORAGE', 'FAILED', 'READY', 'EXPIRED'));
