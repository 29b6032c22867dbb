-- Sign-in sessions and launch tickets live in the database, so several gateways sharing it behave as one:
-- a request or a session's WebSocket may reach any node.

-- Spring Session JDBC's tables (its schema, with BYTEA, which both H2 and PostgreSQL accept).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Single-use tickets that let a WebSocket open the session its user launched (or monitor one) on whichever
-- node receives it. Only the ticket's SHA-256 is kept, so reading the table does not hand out live tickets.
create table launch_ticket (
    ticket_hash char(64)      not null primary key,
    user_id     bigint        not null,
    kind        varchar(40)   not null,
    payload     varchar(4000) not null,
    expires_at  timestamp with time zone not null
);
create index ix_launch_ticket_expires on launch_ticket (expires_at);
