-- The engine API's simulated bars, waiting to be recorded on their workspace's usage ledger.
-- A request adds one row (a single insert, not a command to the ledger); a db-scheduler task
-- records the rows in batches, one ledger event per workspace, principal and UTC day, and deletes
-- them in the same transaction, so every row is counted once, even across a crash.
create table if not exists backtest_bars_pending (
    id           bigserial   primary key,
    workspace_id uuid        not null,
    bars         bigint      not null check (bars > 0),
    at           timestamptz not null,
    principal    text        not null
);
