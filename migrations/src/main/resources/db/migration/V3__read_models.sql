-- Read models. Each is a projection of the event store and can be rebuilt from it at any time
-- (reset the processor's token and replay); nothing here is the source of truth.

create table if not exists runs (
    id            uuid        primary key,
    status        text        not null check (status in ('PENDING', 'RUNNING', 'FAILED', 'COMPLETED')),
    prompt        text        not null,
    seed          bigint      not null,
    last_seq      bigint      not null default 0,
    current_phase text,
    error_phase   text,
    error_code    text,
    error_message text,
    created_at    timestamptz not null,
    finished_at   timestamptz
);
-- Keyset paging of the runs list: newest first, id breaks ties.
create index if not exists ix_runs_created on runs (created_at desc, id desc);

create table if not exists portfolio_items (
    id         uuid        primary key,
    name       text        not null,
    strategy   jsonb       not null,
    run_id     uuid,
    created_at timestamptz not null
);
create index if not exists ix_portfolio_items_created on portfolio_items (created_at desc, id desc);

create table if not exists strategies (
    id             text        primary key,
    name           text        not null,
    latest_version int         not null,
    dsl            jsonb       not null,
    content_hash   text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

-- The last artifact of each phase of a run: where a resumed run picks up its inputs.
create table if not exists checkpoints (
    run_id     uuid        not null,
    phase      text        not null,
    seq        bigint      not null,
    artifact   jsonb       not null,
    created_at timestamptz not null,
    primary key (run_id, phase)
);

create table if not exists run_budget (
    run_id        uuid        primary key,
    tokens_limit  bigint      not null,
    tokens_used   bigint      not null default 0,
    time_ms_limit bigint      not null,
    updated_at    timestamptz not null
);
