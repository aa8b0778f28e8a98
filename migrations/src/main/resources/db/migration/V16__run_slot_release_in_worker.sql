-- The run worker now gives a run's slot back as it handles the run's last event; the tracking
-- processor that did it before is gone, and so is its token.
delete from token_entry where processor_name = 'usage-run-slots';
