import { isTerminal, type OrchestratorEvent } from '$lib/types';

/**
 * A run's event stream that survives the network. Native EventSource gives up on HTTP errors and
 * cannot resync a gap, so this reads SSE over fetch and keeps the run's contract itself:
 * - reconnects with exponential backoff, up to a finite number of attempts in a row;
 * - resumes after the last delivered seq (`?lastEventId=`), so nothing is read twice by design;
 * - drops duplicates (seq ≤ last delivered) should a server or proxy repeat one;
 * - on a gap (seq > last + 1) drops the connection and resyncs from the last good seq;
 * - exposes its connection state, and closes for good after the run's terminal event.
 */
import type { ConnectionState } from '$lib/types';
export type { ConnectionState };

export interface StreamCallbacks<E = OrchestratorEvent> {
  onEvent(event: E): void;
  onState?(state: ConnectionState, detail?: string): void;
}

export interface EventStream {
  close(): void;
  readonly state: ConnectionState;
  readonly lastSeq: number;
}

export interface StreamOptions<E = OrchestratorEvent> {
  url: string;
  /** Deliver events after this seq; -1 for a stream whose first event is seq 0 (a paper session's). */
  afterSeq?: number;
  /**
   * Whether seqs may skip: a paper session's stream leaves its inputs out, so a jump is no gap
   * there. A run's stream (the default) sends every seq, and a jump means something was lost.
   */
  seqsMaySkip?: boolean;
  /** The event after which the stream is done (default: a run's terminal event). */
  isTerminal?: (event: E) => boolean;
  /** What the stream is of, for its messages (default "run"). */
  noun?: string;
  fetch?: typeof fetch;
  /** Called when the server answers 401: the session is over, and retrying will not help. */
  onUnauthenticated?: () => void;
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export function openEventStream<E = OrchestratorEvent>(options: StreamOptions<E>, callbacks: StreamCallbacks<E>): EventStream {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const maxRetries = options.maxRetries ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 5_000;

  const terminal = options.isTerminal ?? (isTerminal as unknown as (event: E) => boolean);
  const noun = options.noun ?? 'run';
  let lastSeq = options.afterSeq ?? 0;
  let delivered = false;
  let state: ConnectionState = 'connecting';
  let failures = 0;
  let finished = false;
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: ConnectionState, detail?: string) => {
    state = next;
    callbacks.onState?.(next, detail);
  };

  const finish = (next: ConnectionState, detail?: string) => {
    if (finished) return;
    finished = true;
    if (retryTimer) clearTimeout(retryTimer);
    controller?.abort();
    setState(next, detail);
  };

  const retry = (reason: string) => {
    if (finished) return;
    failures++;
    if (failures > maxRetries) {
      finish('error', `gave up after ${maxRetries} reconnects: ${reason}`);
      return;
    }
    setState('connecting', reason);
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1));
    retryTimer = setTimeout(connect, delay);
  };

  async function connect() {
    if (finished) return;
    controller = new AbortController();
    const signal = controller.signal;
    const url = lastSeq > 0 || (delivered && lastSeq === 0) ? `${options.url}?lastEventId=${lastSeq}` : options.url;
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { Accept: 'text/event-stream' }, signal, cache: 'no-store', credentials: 'same-origin'
      });
    } catch (e) {
      if (!finished) retry(`cannot connect: ${String(e)}`);
      return;
    }
    if (response.status === 401) {
      finish('error', `signed out: sign in again to follow this ${noun}`);
      options.onUnauthenticated?.();
      return;
    }
    if (response.status === 404 || response.status === 400) {
      finish('error', response.status === 404 ? `no such ${noun}` : 'the server rejected the stream request');
      return;
    }
    if (!response.ok || !response.body) {
      retry(`HTTP ${response.status}`);
      return;
    }
    setState('open');
    let resync = false;
    try {
      for await (const frame of frames(response.body)) {
        if (frame.data === undefined || frame.id === undefined) continue; // comments, heartbeats
        const seq = Number(frame.id);
        if (!Number.isSafeInteger(seq) || seq <= lastSeq) continue; // duplicate
        if (seq > lastSeq + 1 && !options.seqsMaySkip) {
          resync = true; // a gap: never show a timeline with a hole in it
          break;
        }
        const event = JSON.parse(frame.data) as E;
        lastSeq = seq;
        delivered = true;
        failures = 0; // progress: the connection is healthy again
        callbacks.onEvent(event);
        if (terminal(event)) {
          finish('closed');
          return;
        }
      }
    } catch (e) {
      if (finished) return;
      retry(`connection lost: ${String(e)}`);
      return;
    }
    if (finished) return;
    controller.abort();
    if (resync) {
      retry(`gap after seq ${lastSeq}: resyncing`);
    } else {
      retry(`the server closed the stream before the ${noun} ended`);
    }
  }

  void connect();

  return {
    close: () => finish('closed'),
    get state() {
      return state;
    },
    get lastSeq() {
      return lastSeq;
    }
  };
}

interface Frame { id?: string; event?: string; data?: string }

/** Splits an SSE byte stream into frames (WHATWG EventSource parsing, minus `retry`). */
async function* frames(body: ReadableStream<Uint8Array>): AsyncGenerator<Frame> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let frame: Frame = {};
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (frame.data !== undefined || frame.id !== undefined) yield frame;
          frame = {};
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
        else if (field === 'id') frame.id = value;
        else if (field === 'event') frame.event = value;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
