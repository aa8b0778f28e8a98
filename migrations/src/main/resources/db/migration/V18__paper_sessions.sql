-- Paper trading sessions, one row each, kept by the paper-sessions projection from the session's
-- events: where it stands (the next bar it waits for, its state, equity and position) and what it
-- is (its account, instrument and replay speed). The session driver reads the running ones at
-- start-up to carry on where they stopped.
create table if not exists paper_sessions (
    id            uuid        primary key,
    workspace_id  uuid,
    account_id    text        not null,
    instrument    text        not null,
    principal     text        not null,
    status        text        not null check (status in ('running', 'stopped')),
    state         text        not null check (state in ('active', 'reducing', 'halted')),
    next_bar      integer     not null default 0,
    bars_total    integer     not null,
    bar_every_ms  integer     not null,
    equity        numeric,
    position      numeric     not null default 0,
    fills         integer     not null default 0,
    started_at    timestamptz not null,
    updated_at    timestamptz not null,
    stopped_at    timestamptz,
    stop_reason   text
);

create index if not exists paper_sessions_running on paper_sessions (status) where status = 'running';
create index if not exists paper_sessions_workspace on paper_sessions (workspace_id, started_at desc);

-- A workspace reads only its own sessions (the scoped readers' role; see V12).
grant select on paper_sessions to atlas_reader;
alter table paper_sessions enable row level security;
drop policy if exists paper_sessions_in_scope on paper_sessions;
create policy paper_sessions_in_scope on paper_sessions for select to atlas_reader
    using (atlas_scope_admits(workspace_id));
