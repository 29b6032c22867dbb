-- Failed sign-ins counted in the database, so that several gateways sharing it throttle together: ten
-- failures for one name spread over three nodes still lock the name. One row per username and per client
-- address; rows of failures older than the longest lockout are removed as new failures come in.
create table login_failure (
    throttle_key varchar(200) not null primary key,
    failures     integer      not null,
    locked_until timestamp with time zone,
    last_failure timestamp with time zone not null
);
create index ix_login_failure_last on login_failure (last_failure);
