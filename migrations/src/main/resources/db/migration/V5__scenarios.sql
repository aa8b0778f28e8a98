-- Index of the generated market datasets in object storage (roadmap Milestone 3 storage).
-- The bytes live at object_ref (scenarios/{id}/{scenario_hash}/); a dataset is generated once
-- per content hash and reused. One scenario id may have several hashes (its spec changed).
create table if not exists scenarios (
    id            text        not null,
    scenario_hash text        not null,
    family        text        not null,
    params_json   jsonb       not null,
    seed          bigint      not null,
    timeframe     text        not null,
    bars          int         not null,
    engine_ver    text        not null,
    object_ref    text        not null,
    created_at    timestamptz not null,
    primary key (id, scenario_hash)
);
create index if not exists ix_scenarios_latest on scenarios (id, created_at desc);
