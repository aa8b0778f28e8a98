-- Index of stored backtest results (issue 6). A result is deterministic, so it is stored once per
-- signature = sha256(canonical JSON of IR hash, scenario hash, execution terms, Monte Carlo and
-- walk-forward settings, P, engine version) under results/{signature}/ in object storage:
-- equity.npy, trades.jsonl and metrics.json (written last: its presence means complete).
-- This table finds results by strategy, market or run; the objects are the truth.
create table if not exists run_results (
    signature     text        primary key,
    tier          text        not null,
    run_id        text,
    ir_hash       text        not null,
    scenario_hash text        not null,
    engine_ver    text        not null,
    bars          int         not null,
    fills         int         not null,
    metrics_json  jsonb       not null,
    object_ref    text        not null,
    created_at    timestamptz not null
);
create index if not exists ix_run_results_ir on run_results (ir_hash, created_at desc);
create index if not exists ix_run_results_run on run_results (run_id) where run_id is not null;
