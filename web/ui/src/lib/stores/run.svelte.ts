import type { AtlasApi } from '$lib/services/api';
import type { ConnectionState, EventStream } from '$lib/services/sse';
import type {
  BacktestResult, Blueprint, ErrorPayload, OrchestratorEvent, PackManifest, Phase, RunOptions, RunStatus, StrategyDsl
} from '$lib/types';
import { isTerminal } from '$lib/types';

/**
 * One run as the UI sees it: its events in seq order (the stream guarantees no gaps and no
 * duplicates), what they add up to (status, blueprint, candidates, results, package), and the
 * live connection. Containers own a RunStore and must call {@link close} when they unmount.
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
  blueprint: Blueprint | null = $derived(this.#artifact('architect', 'blueprint'));
  candidates: StrategyDsl[] = $derived(this.#artifact('synth', 'candidates') ?? []);
  results: BacktestResult[] = $derived(this.#artifact('t0', 'results') ?? []);
  manifest: PackManifest | null = $derived(this.#artifact('pack', 'manifest'));
  downloadUrl: string | null = $derived(this.#artifact('pack', 'downloadUrl'));

  #stream: EventStream | null = null;

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

  #artifact<K extends string>(phase: Phase, key: K) {
    const event = this.events.find((e) => e.phase === phase && e.type === 'artifact');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (event?.payload?.[key] ?? null) as any;
  }
}
