-- Users of an external identity provider (ATLAS_OIDC_ISSUER): known by the token's issuer and
-- subject, made on their first request. They have no password here: they sign in at their provider.
alter table users add column if not exists external_issuer text;
alter table users add column if not exists external_subject text;
alter table users alter column password_hash drop not null;
create unique index if not exists users_external_identity on users (external_issuer, external_subject)
    where external_subject is not null;
alter table users drop constraint if exists users_password_or_provider;
alter table users add constraint users_password_or_provider
    check (password_hash is not null or external_subject is not null);
