-- Kill switches over many paper sessions, one row each, kept by the paper-sessions projection from
-- their events: an account's in a workspace, or the installation's global one (workspace_id null).
-- A session deployed while a switch over it is engaged starts halted: its deploy reads this table.
create table if not exists trading_kill_switches (
    id            uuid        primary key,
    workspace_id  uuid,
    scope         text        not null check (scope in ('account', 'global')),
    account_id    text,
    engaged       boolean     not null,
    principal     text        not null,
    reason        text        not null,
    updated_at    timestamptz not null
);

-- A workspace reads its accounts' switches and the global one.
grant select on trading_kill_switches to atlas_reader;
alter table trading_kill_switches enable row level security;
drop policy if exists trading_kill_switches_in_scope on trading_kill_switches;
create policy trading_kill_switches_in_scope on trading_kill_switches for select to atlas_reader
    using (scope = 'global' or atlas_scope_admits(workspace_id));
