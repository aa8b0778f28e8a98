import { ApiError, type AtlasApi } from '$lib/services/api';
import type { ConnectionState, EventStream } from '$lib/services/sse';
import type {
  BacktestDetail, BacktestResult, Blueprint, DetailState, ErrorPayload, OrchestratorEvent, PackArtifact, PackManifest, Phase,
  RunOptions, RunStatus, StrategyDsl, T0Artifact, T0Rank, T0Scenario, T0Scoring, T0Terms
} from '$lib/types';
import { isTerminal } from '$lib/types';
import { cellKey, inlineDetail, rankCandidates, scenarioList } from '$lib/t0';

/**
 * One run as the UI sees it: its events in seq order (the stream guarantees no gaps and no
 * duplicates), what they add up to (status, blueprint, candidates, results and their ranking,
 * package), the live connection, and the results' details as they are loaded ({@link loadDetail}).
 * Containers own a RunStore and must call {@link close} when they unmount.
 */
export class RunStore {
  runId = $state<string | null>(null);
  prompt = $state<string | null>(null);
  events = $state<OrchestratorEvent[]>([]);
  connection = $state<ConnectionState>('closed');
  connectionDetail = $state<string | undefined>(undefined);
  submitting = $state(false);
  cancelling = $state(false);
  requestError = $state<string | null>(null);

  status: RunStatus = $derived.by(() => {
    const last = this.events.at(-1);
    if (!last) return 'PENDING';
    if (last.type === 'error') return 'FAILED';
    return isTerminal(last) ? 'COMPLETED' : 'RUNNING';
  });
  failure: (ErrorPayload & { phase: Phase }) | null = $derived.by(() => {
    const last = this.events.at(-1);
    return last?.type === 'error' ? { ...(last.payload as unknown as ErrorPayload), phase: last.phase } : null;
  });
  blueprint: Blueprint | null = $derived(this.#payload<{ blueprint: Blueprint }>('architect')?.blueprint ?? null);
  candidates: StrategyDsl[] = $derived(this.#payload<{ candidates: StrategyDsl[] }>('synth')?.candidates ?? []);
  #t0: T0Artifact | null = $derived(this.#payload('t0'));
  #pack: PackArtifact | null = $derived(this.#payload('pack'));
  results: BacktestResult[] = $derived(this.#t0?.results ?? []);
  /** How the ranking was computed (runs recorded before t0 ranked have none). */
  scoring: T0Scoring | null = $derived(this.#t0?.scoring ?? null);
  terms: T0Terms | null = $derived(this.#t0?.terms ?? null);
  /** Candidates best first: the event's ranking, or the same score recomputed for older runs. */
  ranking: T0Rank[] = $derived(rankCandidates(this.results, this.#t0?.ranking, this.scoring));
  /** The scenarios every candidate met, in the event's order. */
  scenarios: T0Scenario[] = $derived(scenarioList(this.results, this.#t0?.scenarios));
  manifest: PackManifest | null = $derived(this.#pack?.manifest ?? null);
  /** Where the pack phase's signed package downloads from. */
  downloadUrl: string | null = $derived(this.#pack?.downloadUrl ?? null);
  /** Loaded (or loading, or failed) result details by {@link cellKey}; see {@link loadDetail}. */
  details: Record<string, DetailState> = $state.raw({});

  #stream: EventStream | null = null;
  /**
   * One request per cell: in flight or answered (a failed one is forgotten, so it can be retried).
   * Deliberately not reactive: an effect that loads a detail must not re-run because one loaded.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #detailRequests = new Map<string, Promise<BacktestDetail | null>>();

  constructor(private readonly api: AtlasApi) {}

  /** Starts a run for a prompt and follows it; resolves to the new run id, or null on failure. */
  async start(prompt: string, options?: RunOptions): Promise<string | null> {
    this.submitting = true;
    this.requestError = null;
    try {
      const { runId } = await this.api.createRun(prompt, options ? { options } : {});
      this.open(runId);
      return runId;
    } catch (e) {
      this.requestError = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      this.submitting = false;
    }
  }

  /** Follows a run from its first event: a live run as it happens, a finished one as a replay. */
  open(runId: string) {
    this.close();
    this.runId = runId;
    this.events = [];
    this.details = {};
    this.#detailRequests.clear();
    this.connection = 'connecting';
    this.connectionDetail = undefined;
    this.prompt = null;
    this.api.getRun(runId).then(
      (run) => {
        if (this.runId === runId) this.prompt = run.prompt;
      },
      () => {
        /* the stream reports an unknown run; the heading just stays generic */
      }
    );
    this.#stream = this.api.streamEvents(runId, {
      onEvent: (event) => {
        this.events.push(event);
      },
      onState: (state, detail) => {
        this.connection = state;
        this.connectionDetail = detail;
      }
    });
  }

  /** Asks the server to end this run; the stream then delivers its `run.cancelled` event. */
  async cancel(reason?: string) {
    if (!this.runId) return;
    this.cancelling = true;
    this.requestError = null;
    try {
      await this.api.cancelRun(this.runId, reason);
    } catch (e) {
      this.requestError = e instanceof Error ? e.message : String(e);
    } finally {
      this.cancelling = false;
    }
  }

  close() {
    this.#stream?.close();
    this.#stream = null;
  }

  /** The state of one result's detail, or null before {@link loadDetail} was asked for it. */
  detailFor(candidateId: string, scenarioId: string): DetailState | null {
    return this.details[cellKey(candidateId, scenarioId)] ?? null;
  }

  /**
   * Loads one result's detail (equity curve, fills, Monte Carlo band) once: a result with its curve
   * inline is built here without a request; otherwise GET /v1/runs/{id}/results/…, asked once per
   * cell however often this is called. Progress and failure land in {@link details}; resolves to
   * the detail, or null when it could not be loaded (calling again then retries).
   */
  loadDetail(candidateId: string, scenarioId: string): Promise<BacktestDetail | null> {
    const runId = this.runId;
    if (!runId) return Promise.resolve(null);
    const key = cellKey(candidateId, scenarioId);
    const known = this.#detailRequests.get(key);
    if (known) return known;
    const result = this.results.find((r) => r.candidateId === candidateId && r.scenarioId === scenarioId);
    const local = result ? inlineDetail(result) : null;
    if (local) {
      this.#setDetail(key, { state: 'ready', detail: local });
      const done = Promise.resolve(local);
      this.#detailRequests.set(key, done);
      return done;
    }
    this.#setDetail(key, { state: 'loading' });
    const request = this.api.getResult(runId, candidateId, scenarioId).then(
      (detail) => {
        if (this.runId === runId) this.#setDetail(key, { state: 'ready', detail });
        return detail;
      },
      (e: unknown) => {
        if (this.runId === runId && this.#detailRequests.get(key) === request) {
          this.#detailRequests.delete(key);
          this.#setDetail(key, {
            state: 'error', message: e instanceof Error ? e.message : String(e), httpStatus: e instanceof ApiError ? e.status : 0
          });
        }
        return null;
      }
    );
    this.#detailRequests.set(key, request);
    return request;
  }

  #setDetail(key: string, state: DetailState) {
    this.details = { ...this.details, [key]: state };
  }

  #payload<T>(phase: Phase): T | null {
    const event = this.events.find((e) => e.phase === phase && e.type === 'artifact');
    return (event?.payload ?? null) as T | null;
  }
}
