-- Every model call of every run (roadmap 2.3.2, run_budget's detail): projected from the llm.calls
-- of the run's artifact and error payloads, so the rows always match the calls the events record.
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
