-- Per access method: the equipment's character set and the Telnet automatic-login prompt patterns (null means
-- the gateway's default pattern), and credentials the user types when the session opens. Portable SQL for H2
-- and PostgreSQL (H2 wants the default before not null).

alter table access_method add column charset varchar(40) default 'UTF-8' not null;
alter table access_method add column telnet_username_prompt varchar(200);
alter table access_method add column telnet_password_prompt varchar(200);
alter table access_method add column telnet_success_prompt varchar(200);
alter table access_method add column telnet_failure_prompt varchar(200);

alter table access_method drop constraint ck_access_method_credential;
alter table access_method add constraint ck_access_method_credential
    check (credential_kind in ('NONE', 'PASSWORD', 'PRIVATE_KEY', 'ASK_USER'));
