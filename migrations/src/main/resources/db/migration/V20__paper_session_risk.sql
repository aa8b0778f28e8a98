-- A paper session's risk limits as in force (its settings' risk document, replaced whole by a change)
-- and each limit's usage at the last bar's close or change, kept by the paper-sessions projection:
-- what the session page shows beside its kill switch.
alter table paper_sessions add column if not exists risk_limits jsonb not null default '{}'::jsonb;
alter table paper_sessions add column if not exists risk_usage jsonb;
