-- Issue 8: a strategy saved from a run keeps a reference to the run's signed package
-- ({packageId, url, sha256, contentHash}); null for items saved without one.
alter table portfolio_items add column if not exists package_ref jsonb;
alter table strategies add column if not exists package_ref jsonb;
