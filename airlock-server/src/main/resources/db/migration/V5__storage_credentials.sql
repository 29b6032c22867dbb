-- External S3 integrations: their credentials (the secret sealed by the credential vault, never plain),
-- the latest check, and exactly one active integration enforced by the database.

alter table storage_integration add column access_key_id varchar(128);
alter table storage_integration add column secret_sealed varchar(1024);
alter table storage_integration add column last_checked_at timestamp with time zone;

-- A partial unique index ("where active") is not portable to H2, so the active row also carries the
-- marker 1 and every inactive row null: a unique constraint admits many nulls on H2 and PostgreSQL alike.
-- The check spells out "is not null" because a check whose value is unknown (null) passes.
alter table storage_integration add column active_marker smallint;
update storage_integration set active_marker = 1 where active = true;
alter table storage_integration add constraint uq_storage_integration_active unique (active_marker);
alter table storage_integration add constraint ck_storage_integration_active_marker
    check ((active = true and active_marker is not null and active_marker = 1)
        or (active = false and active_marker is null));

-- One line per probed permission of the latest check; replaced by every new check.
create table storage_check_line (
    integration_id bigint       not null,
    line_no        int          not null,
    permission     varchar(64)  not null,
    status         varchar(16)  not null,
    error_code     varchar(128),
    message        varchar(2048) not null,
    constraint pk_storage_check_line primary key (integration_id, line_no),
    constraint fk_storage_check_line_integration foreign key (integration_id)
        references storage_integration (id) on delete cascade,
    constraint ck_storage_check_line_status check (status in ('OK', 'FAILED', 'UNSUPPORTED'))
);
