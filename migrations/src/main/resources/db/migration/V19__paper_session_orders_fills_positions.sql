-- A paper session's orders, fills and positions, kept by the paper-sessions projection from the
-- session's events (in the transaction that records them): what the session page lists. The events
-- stay the truth; these tables are rebuilt from them on a replay.

-- One row per order the strategy sent (or tried to: a risk denial is a row too, status 'denied').
create table if not exists paper_session_orders (
    session_id       uuid        not null,
    client_order_id  text        not null,
    workspace_id     uuid,
    side             text        not null,
    type             text        not null,
    quantity         numeric     not null,
    limit_price      numeric,
    stop_price       numeric,
    time_in_force    text        not null,
    reduce_only      boolean     not null,
    status           text        not null check (status in
                         ('submitted', 'working', 'partially_filled', 'filled', 'rejected', 'cancelled', 'denied')),
    filled_quantity  numeric     not null default 0,
    average_price    numeric,
    reason_code      text,
    reason_detail    text,
    bar              integer     not null,
    submitted_at     timestamptz not null,
    updated_at       timestamptz not null,
    primary key (session_id, client_order_id)
);

-- One row per fill, in the order the venue reported them (seq: the event's place in the session's stream).
create table if not exists paper_session_fills (
    session_id       uuid        not null,
    seq              bigint      not null,
    workspace_id     uuid,
    client_order_id  text        not null,
    side             text        not null,
    quantity         numeric     not null,
    price            numeric     not null,
    fee              numeric     not null,
    liquidity        text,
    slippage         numeric,
    leaves           numeric     not null,
    bar              integer     not null,
    filled_at        timestamptz not null,
    primary key (session_id, seq)
);

-- One row per session and instrument: the position as the venue booked it, and the last mark.
create table if not exists paper_session_positions (
    session_id       uuid        not null,
    instrument       text        not null,
    workspace_id     uuid,
    quantity         numeric     not null,
    average_price    numeric     not null,
    realised         numeric     not null,
    fees             numeric     not null,
    cash             numeric     not null,
    mark_price       numeric,
    updated_at       timestamptz not null,
    primary key (session_id, instrument)
);

-- Open orders are what a trader looks at first.
create index if not exists paper_session_orders_open on paper_session_orders (session_id)
    where status in ('submitted', 'working', 'partially_filled');

-- The highest equity so far, for the drawdown a session page shows.
alter table paper_sessions add column if not exists peak_equity numeric;
alter table paper_sessions add column if not exists last_close double precision;

grant select on paper_session_orders, paper_session_fills, paper_session_positions to atlas_reader;
alter table paper_session_orders enable row level security;
alter table paper_session_fills enable row level security;
alter table paper_session_positions enable row level security;
drop policy if exists paper_session_orders_in_scope on paper_session_orders;
create policy paper_session_orders_in_scope on paper_session_orders for select to atlas_reader
    using (atlas_scope_admits(workspace_id));
drop policy if exists paper_session_fills_in_scope on paper_session_fills;
create policy paper_session_fills_in_scope on paper_session_fills for select to atlas_reader
    using (atlas_scope_admits(workspace_id));
drop policy if exists paper_session_positions_in_scope on paper_session_positions;
create policy paper_session_positions_in_scope on paper_session_positions for select to atlas_reader
    using (atlas_scope_admits(workspace_id));
