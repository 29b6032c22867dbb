-- Search inside terminal recordings: each distinct line a recorded terminal screen showed, once per session, with
-- the moment it first appeared. A line is keyed by its session and its place in that session's order of
-- appearance, so results come newest session first, then in the order they were seen, straight from an index.
create table recording_text_line (
    session_id    bigint        not null,
    ordinal       integer       not null,
    offset_millis bigint        not null,
    line          varchar(1000) not null,
    -- The line's words as the gateway splits them (lower case, letters and digits), so both databases match the
    -- same words; PostgreSQL's GIN index (V13_1) is built over this column.
    words         varchar(2000) not null,
    primary key (session_id, ordinal)
);

-- H2's search structure: one row per distinct word of a line, ordered as results are shown. PostgreSQL leaves it
-- empty and uses its full-text index instead.
create table recording_text_word (
    word       varchar(64) not null,
    session_id bigint      not null,
    ordinal    integer     not null
);
create unique index ix_recording_text_word on recording_text_word (word, session_id desc, ordinal);

-- Which recordings are indexed; one that could not be is retried after retry_after and keeps its status READY.
create table recording_text_state (
    session_id  bigint primary key,
    indexed_at  timestamp with time zone,
    line_count  integer       not null default 0,
    failures    integer       not null default 0,
    last_error  varchar(1024),
    retry_after timestamp with time zone
);
