-- Who may call the API: users (a password, kept as a bcrypt hash) and their API keys (kept as the
-- sha256 of the key's secret: a key is 190 random bits, so a fast hash is enough and keeps a
-- request's key check cheap). Secrets never enter the event store, which cannot forget.
create table if not exists users (
    id            uuid primary key,
    username      text        not null unique,
    password_hash text        not null,
    system_admin  boolean     not null default false,
    created_at    timestamptz not null
);

create table if not exists api_keys (
    id            text primary key,          -- the key's public id, part of the key itself
    user_id       uuid        not null references users (id),
    name          text        not null,
    secret_sha256 text        not null,
    created_at    timestamptz not null,
    expires_at    timestamptz,               -- null: never
    last_used_at  timestamptz,               -- kept to the minute
    revoked_at    timestamptz
);
create index if not exists api_keys_by_user on api_keys (user_id, created_at);
