-- Billing: which provider customer a workspace's usage is billed to (BillingCustomerSetEvent of its
-- usage ledger), and every invoice line pushed to the provider. A line is one row of usage_ledger
-- (workspace, closed UTC day, meter, provider, model); its identifier goes to the provider as the
-- idempotency key, so a line sent twice (a retry, two nodes) is billed once.
alter table workspace_usage add column if not exists billing_customer text;

create table if not exists billing_pushes (
    workspace_id uuid        not null,
    day          date        not null,
    meter        text        not null,
    provider     text        not null,
    model        text        not null,
    identifier   text        not null unique,
    quantity     bigint      not null,
    status       text        not null check (status in ('sending', 'sent', 'failed', 'rejected')),
    attempts     integer     not null default 1,
    last_error   text,
    updated_at   timestamptz not null,
    primary key (workspace_id, day, meter, provider, model)
);
create index if not exists billing_pushes_open on billing_pushes (status) where status in ('sending', 'failed');
