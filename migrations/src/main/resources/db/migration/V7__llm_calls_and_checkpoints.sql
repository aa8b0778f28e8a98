-- Every model call of every run (roadmap 2.3.2, run_budget's detail): projected from the llm.calls
-- of the run's status, artifact and error payloads, so the rows always match the calls the events record.
-- run_budget.tokens_used is their sum.
create table if not exists run_llm_calls (
    run_id            uuid        not null,
    seq               bigint      not null,
    call_index        int         not null,
    phase             text        not null,
    template          text        not null,
    model             text        not null,
    prompt_tokens     int         not null,
    completion_tokens int         not null,
    latency_ms        bigint      not null,
    finish            text        not null,
    created_at        timestamptz not null,
    primary key (run_id, seq, call_index)
);

-- Completed sub-steps of the LLM phases (roadmap 2.3.4: architect.parse_req, architect.llm_call,
-- synth.prepare_blueprint, synth.llm_iter #n), projected from the checkpoint of each status event.
-- The worker resumes from the events themselves; this table is for people and dashboards.
create table if not exists run_checkpoints (
    run_id     uuid        not null,
    step       text        not null,
    n          int         not null,
    phase      text        not null,
    seq        bigint      not null,
    state      jsonb       not null,
    created_at timestamptz not null,
    primary key (run_id, step, n)
);
