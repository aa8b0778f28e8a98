-- Requests per minute a user may make, when not the installation's default (null: the default).
alter table users add column if not exists rate_limit_per_minute integer check (rate_limit_per_minute > 0);

-- Token buckets of the rate limits, shared by every node (bucket4j's PostgreSQL proxy manager:
-- SELECT ... FOR UPDATE per request). One row per user and per API key.
create table if not exists rate_limit_buckets (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
