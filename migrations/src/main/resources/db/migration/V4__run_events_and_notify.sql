-- The roadmap's run_events table IS the event store: this view shows a run's phase events
-- (seq >= 1) with their phase, type and JSON payload, straight from domain_event_entry.
create or replace view run_events as
select e.aggregate_identifier::uuid                                   as run_id,
       e.sequence_number                                              as seq,
       (convert_from(e.payload, 'UTF8')::jsonb) ->> 'phase'           as phase,
       case e.payload_type
           when 'io.heliox.atlas.api.run.PhaseStatusReportedEvent' then 'status'
           when 'io.heliox.atlas.api.run.PhaseArtifactProducedEvent' then 'artifact'
           when 'io.heliox.atlas.api.run.PhaseFailedEvent' then 'error'
       end                                                            as type,
       ((convert_from(e.payload, 'UTF8')::jsonb) ->> 'ts')::timestamptz as ts,
       (convert_from(e.payload, 'UTF8')::jsonb) -> 'payload'          as payload
from domain_event_entry e
where e.type = 'Run'
  and e.sequence_number > 0;

-- Live tail across nodes: every appended event wakes the SSE streams of its aggregate.
-- The notification is only a wake-up ("re-read the store"), never the data itself.
create or replace function atlas_notify_event_appended() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('atlas_events', new.aggregate_identifier || ':' || new.sequence_number);
    return null;
end;
$$;

drop trigger if exists trg_domain_event_notify on domain_event_entry;
create trigger trg_domain_event_notify
    after insert on domain_event_entry
    for each row execute function atlas_notify_event_appended();
