-- Workspaces (teams) own what their members make: runs, portfolio items, scenario datasets. The
-- Workspace aggregate's events are the truth; workspaces and workspace_members are their read model,
-- written by a subscribing projection in the transaction of the command that changed them, so a
-- membership is in force the moment its command returns.
create table if not exists workspaces (
    id         uuid        primary key,
    name       text        not null unique,
    created_at timestamptz not null
);

create table if not exists workspace_members (
    workspace_id uuid        not null references workspaces (id),
    user_id      uuid        not null references users (id),
    role         text        not null check (role in ('viewer', 'trader', 'admin')),
    since        timestamptz not null,
    primary key (workspace_id, user_id)
);
create index if not exists workspace_members_by_user on workspace_members (user_id);

-- The workspace a person's requests act in when they name none (the first they joined).
alter table users add column if not exists default_workspace_id uuid references workspaces (id);

-- Each item's owner, copied from the workspaceId metadata of its first event. Null: recorded before
-- workspaces existed; only a system administrator sees those.
alter table runs add column if not exists workspace_id uuid;
create index if not exists ix_runs_workspace_created on runs (workspace_id, created_at desc, id desc);
alter table portfolio_items add column if not exists workspace_id uuid;
create index if not exists ix_portfolio_items_workspace_created
    on portfolio_items (workspace_id, created_at desc, id desc);

-- Datasets are stored once per content hash and shared; which workspaces generated which is here.
create table if not exists scenario_owners (
    scenario_id   text        not null,
    scenario_hash text        not null,
    workspace_id  uuid        not null,
    created_at    timestamptz not null,
    primary key (workspace_id, scenario_id, scenario_hash)
);

-- Row-level security: the query side reads these tables as the role atlas_reader with the setting
-- atlas.scope ('all' or one workspace id) local to its transaction, so a reader that forgot its
-- filter still sees only the caller's rows. The owner (projections, the command side) is not bound
-- by the policies; atlas_reader only reads.
do $$
begin
    create role atlas_reader nologin;
exception
    when duplicate_object then null;
    when unique_violation then null; -- another database of this cluster created it at the same moment
end
$$;
grant atlas_reader to current_user;
grant usage on schema public to atlas_reader;
grant select on runs, portfolio_items, scenario_owners, scenarios, domain_event_entry to atlas_reader;

create or replace function atlas_scope_admits(owner uuid) returns boolean
    language sql stable as
$$
select coalesce(current_setting('atlas.scope', true), '') = 'all'
           or (owner is not null and owner::text = current_setting('atlas.scope', true))
$$;

-- The workspace of an event: its metadata's workspaceId (null when it has none).
create or replace function atlas_event_workspace(meta_data bytea) returns uuid
    language sql immutable as
$$
select case
           when meta_data is null then null
           when (convert_from(meta_data, 'UTF8')::jsonb ->> 'workspaceId') ~
                '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
               then (convert_from(meta_data, 'UTF8')::jsonb ->> 'workspaceId')::uuid
           end
$$;

alter table runs enable row level security;
drop policy if exists runs_in_scope on runs;
create policy runs_in_scope on runs for select to atlas_reader using (atlas_scope_admits(workspace_id));

alter table portfolio_items enable row level security;
drop policy if exists portfolio_items_in_scope on portfolio_items;
create policy portfolio_items_in_scope on portfolio_items for select to atlas_reader
    using (atlas_scope_admits(workspace_id));

alter table scenario_owners enable row level security;
drop policy if exists scenario_owners_in_scope on scenario_owners;
create policy scenario_owners_in_scope on scenario_owners for select to atlas_reader
    using (atlas_scope_admits(workspace_id));

alter table domain_event_entry enable row level security;
drop policy if exists events_in_scope on domain_event_entry;
create policy events_in_scope on domain_event_entry for select to atlas_reader
    using (atlas_scope_admits(atlas_event_workspace(meta_data)));
