import { describeError, type AtlasApi } from '$lib/services/api';
import type { EventStream } from '$lib/services/sse';
import type {
  ConnectionState, EquityPoint, PaperSession, PaperSessionRisk, SessionFill, SessionOrder, SessionPosition, SessionStreamEvent, TradingState
} from '$lib/types';

/** How often the page re-reads orders, fills and positions while events arrive (a session may take 10 bars a second). */
const REFRESH_MS = 400;
/** Risk events that say nothing is wrong (a new trading day, a new equity high): not shown as activity. */
const ROUTINE = new Set(['trading_day_started', 'equity_peak_set']);
/** How many of the session's risk, kill-switch and stop events the page keeps. */
const ACTIVITY_KEPT = 200;

/**
 * One paper session, live: its stream (replayed from its start, then followed) gives the equity
 * curve bar by bar and says when orders, fills or positions changed; those are then re-read from
 * their read models, at most every {@link REFRESH_MS}, so a burst of events costs one read.
 */
export class PaperSessionStore {
  session = $state<PaperSession | null>(null);
  orders = $state<SessionOrder[]>([]);
  fills = $state<SessionFill[]>([]);
  positions = $state<SessionPosition[]>([]);
  risk = $state<PaperSessionRisk | null>(null);
  equity = $state<EquityPoint[]>([]);
  activity = $state<SessionStreamEvent[]>([]);
  connection = $state<ConnectionState>('connecting');
  error = $state<string | null>(null);
  acting = $state<'kill' | 'release' | 'stop' | null>(null);

  private stream: EventStream | null = null;
  private curve: EquityPoint[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  private sessionId = '';

  constructor(private readonly api: AtlasApi) {}

  /** Follows the session: its row, its read models, then its stream. */
  async start(sessionId: string) {
    this.sessionId = sessionId;
    try {
      this.session = await this.api.getPaperSession(this.sessionId);
    } catch (e) {
      this.error = describeError(e);
      this.connection = 'error';
      return;
    }
    await this.refresh();
    this.stream = this.api.streamPaperSession(this.sessionId, {
      onEvent: (event) => this.onEvent(event),
      onState: (state, detail) => {
        this.connection = state;
        if (state === 'error' && detail) this.error = detail;
      }
    });
  }

  close() {
    this.closed = true;
    this.stream?.close();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  /** The state it trades in, as the newest of the row and the stream says. */
  get state(): TradingState | null {
    return this.session?.state ?? null;
  }

  async kill(reason?: string) {
    await this.act('kill', () => this.api.killPaperSession(this.sessionId, reason));
  }

  async release(reason: string) {
    await this.act('release', () => this.api.releasePaperSession(this.sessionId, reason));
  }

  async stop(reason?: string) {
    await this.act('stop', () => this.api.stopPaperSession(this.sessionId, reason));
  }

  private async act(what: 'kill' | 'release' | 'stop', call: () => Promise<PaperSession>) {
    this.acting = what;
    this.error = null;
    try {
      this.session = await call();
      this.scheduleRefresh();
    } catch (e) {
      this.error = describeError(e);
    } finally {
      this.acting = null;
    }
  }

  private onEvent(event: SessionStreamEvent) {
    if (event.type === 'bar' && event.bar !== undefined) {
      const equity = Number(event.detail?.equity);
      if (Number.isFinite(equity)) this.curve.push({ t: event.bar, v: equity });
      // A replayed bar is history: only one at least as new as the row read last moves the figures.
      if (this.session && event.bar + 1 >= this.session.nextBar) {
        this.session.nextBar = event.bar + 1;
        this.session.state = (event.detail?.state as TradingState | undefined) ?? this.session.state;
        this.session.equity = (event.detail?.equity as string | undefined) ?? this.session.equity;
        this.session.position = (event.detail?.position as string | undefined) ?? this.session.position;
      }
    } else if (event.type !== 'started' && event.type !== 'position' && !ROUTINE.has(event.kind ?? '')) {
      if (event.type !== 'order' || event.kind === 'risk_denied' || event.kind === 'rejected') {
        this.activity = [event, ...this.activity].slice(0, ACTIVITY_KEPT);
      }
    }
    this.scheduleRefresh();
  }

  private scheduleRefresh() {
    if (this.refreshTimer || this.closed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, REFRESH_MS);
  }

  private async refresh() {
    this.equity = [...this.curve];
    try {
      const [session, orders, fills, positions, risk] = await Promise.all([
        this.api.getPaperSession(this.sessionId),
        this.api.paperSessionOrders(this.sessionId, 'all', 100),
        this.newestFills(),
        this.api.paperSessionPositions(this.sessionId),
        this.api.paperSessionRisk(this.sessionId)
      ]);
      this.session = session;
      this.risk = risk;
      this.orders = orders.items;
      this.fills = fills;
      this.positions = positions.items;
    } catch (e) {
      this.error = describeError(e);
    }
  }

  /** The newest fills first: read on from the last one already shown. */
  private async newestFills(): Promise<SessionFill[]> {
    let after = this.fills.length > 0 ? this.fills[0].seq : 0;
    const added: SessionFill[] = [];
    for (;;) {
      const page = await this.api.paperSessionFills(this.sessionId, after, 500);
      added.push(...page.items);
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    return [...added.reverse(), ...this.fills].slice(0, 500);
  }
}

/** The sessions of the caller's workspace, newest first. */
export class PaperSessionsStore {
  items = $state<PaperSession[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly api: AtlasApi) {}

  async load() {
    this.loading = true;
    this.error = null;
    try {
      this.items = (await this.api.listPaperSessions()).items;
    } catch (e) {
      this.error = describeError(e);
    } finally {
      this.loading = false;
    }
  }
}
