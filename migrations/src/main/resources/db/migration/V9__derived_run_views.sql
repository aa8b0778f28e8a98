-- Read models that no code read are gone. The event store already holds every fact they copied,
-- so the ones an operator queries by hand come back as views over it (like run_events): nothing
-- to project, nothing to get out of step, and a store restored from backup has them at once.
--   checkpoints   (each phase's last artifact)  -> run_events where type = 'artifact'
--   run_budget    (tokens used)                 -> sum over run_llm_calls, or GET /v1/runs/{id}/events budgets
--   strategies    (strategy versions)           -> the Strategy aggregate's events (GET /v1/audit/events)
--   run_llm_calls, run_checkpoints              -> the views below
drop table if exists checkpoints;
drop table if exists run_budget;
drop table if exists strategies;
drop table if exists run_llm_calls;
drop table if exists run_checkpoints;
-- the strategies projection's tracking token: its processor is gone
delete from token_entry where processor_name = 'strategies-projection';

-- One row per model call a run's events record (payload.llm.calls), in seq then call order.
create or replace view run_llm_calls as
select e.aggregate_identifier::uuid                     as run_id,
       e.sequence_number                                as seq,
       (c.ordinality - 1)::int                          as call_index,
       j.doc ->> 'phase'                                as phase,
       c.call ->> 'template'                            as template,
       c.call ->> 'model'                               as model,
       (c.call ->> 'prompt_tokens')::int                as prompt_tokens,
       (c.call ->> 'completion_tokens')::int            as completion_tokens,
       (c.call ->> 'latency_ms')::bigint                as latency_ms,
       c.call ->> 'finish'                              as finish,
       (j.doc ->> 'ts')::timestamptz                    as created_at
from domain_event_entry e
         cross join lateral (select convert_from(e.payload, 'UTF8')::jsonb as doc) j
         cross join lateral jsonb_array_elements(
        case jsonb_typeof(j.doc -> 'payload' -> 'llm' -> 'calls') when 'array' then j.doc -> 'payload' -> 'llm' -> 'calls'
            else '[]'::jsonb end) with ordinality as c(call, ordinality)
where e.type = 'Run'
  and e.sequence_number > 0;

-- One row per checkpointed sub-step of a run (a status event's payload.checkpoint).
create or replace view run_checkpoints as
select e.aggregate_identifier::uuid                                   as run_id,
       j.doc -> 'payload' -> 'checkpoint' ->> 'step'                  as step,
       coalesce((j.doc -> 'payload' -> 'checkpoint' ->> 'n')::int, 1) as n,
       j.doc ->> 'phase'                                              as phase,
       e.sequence_number                                              as seq,
       j.doc -> 'payload' -> 'checkpoint' -> 'state'                  as state,
       (j.doc ->> 'ts')::timestamptz                                  as created_at
from domain_event_entry e
         cross join lateral (select convert_from(e.payload, 'UTF8')::jsonb as doc) j
where e.type = 'Run'
  and e.payload_type = 'io.heliox.atlas.api.run.PhaseStatusReportedEvent'
  and jsonb_typeof(j.doc -> 'payload' -> 'checkpoint') = 'object';
