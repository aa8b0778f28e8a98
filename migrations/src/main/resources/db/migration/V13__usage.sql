-- Quotas and the usage ledger. The WorkspaceUsage aggregate's events (stream usage:<workspaceId>)
-- are the truth; these tables are their read model, written by a subscribing projection in the
-- transaction of the command that recorded the usage, so what a workspace sees is what was decided.

-- One row per workspace: its own quotas (absent keys: the installation's defaults) and what it holds.
create table if not exists workspace_usage (
    workspace_id         uuid        primary key,
    quotas               jsonb       not null default '{}'::jsonb,
    runs_in_flight       integer     not null default 0,
    scenario_bars_stored bigint      not null default 0,
    storage_bytes        bigint      not null default 0,
    updated_at           timestamptz not null
);

-- The ledger: a quantity per workspace, UTC day, meter and (for model tokens) provider and model.
create table if not exists usage_ledger (
    workspace_id uuid   not null,
    day          date   not null,
    meter        text   not null check (meter in ('runs', 'modelTokens', 'backtestBars', 'scenarioBars', 'storageBytes')),
    provider     text   not null default '',
    model        text   not null default '',
    quantity     bigint not null,
    primary key (workspace_id, day, meter, provider, model)
);

grant select on workspace_usage, usage_ledger to atlas_reader;

alter table workspace_usage enable row level security;
drop policy if exists workspace_usage_in_scope on workspace_usage;
create policy workspace_usage_in_scope on workspace_usage for select to atlas_reader
    using (atlas_scope_admits(workspace_id));

alter table usage_ledger enable row level security;
drop policy if exists usage_ledger_in_scope on usage_ledger;
create policy usage_ledger_in_scope on usage_ledger for select to atlas_reader
    using (atlas_scope_admits(workspace_id));
