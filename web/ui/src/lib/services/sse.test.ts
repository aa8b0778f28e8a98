import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openEventStream, type ConnectionState } from './sse';
import type { OrchestratorEvent } from '$lib/types';

/** A real SSE server on loopback whose behaviour each test scripts per connection. */
type Script = (req: IncomingMessage, res: ServerResponse, connection: number, lastEventId: number) => void;

const RUN = '3f6c2a1e-8b4d-4c7a-9e12-5d0b7f3a6c91';
const STEPS: [string, string][] = [
  ['architect', 'status'], ['architect', 'artifact'], ['synth', 'status'], ['synth', 'artifact'],
  ['t0', 'status'], ['t0', 'artifact'], ['pack', 'artifact']
];

function frame(seq: number): string {
  const [phase, type] = STEPS[seq - 1];
  const data = { runId: RUN, seq, phase, type, ts: '2026-11-24T10:00:00Z', payload: { msg: `step ${seq}` } };
  return `id: ${seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

let server: Server | null = null;
const seenLastEventIds: number[] = [];

async function serve(script: Script): Promise<string> {
  let connection = 0;
  seenLastEventIds.length = 0;
  server = createServer((req, res) => {
    const lastEventId = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('lastEventId') ?? '0');
    seenLastEventIds.push(lastEventId);
    script(req, res, connection++, lastEventId);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1/runs/${RUN}/events`;
}

function sse(res: ServerResponse) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
}

function collect(url: string, maxRetries = 5): Promise<{ seqs: number[]; states: ConnectionState[]; detail?: string }> {
  return new Promise((resolve) => {
    const seqs: number[] = [];
    const states: ConnectionState[] = [];
    openEventStream({ url, baseDelayMs: 10, maxDelayMs: 50, maxRetries }, {
      onEvent: (e: OrchestratorEvent) => seqs.push(e.seq),
      onState: (state, detail) => {
        states.push(state);
        if (state === 'closed' || state === 'error') resolve({ seqs, states, detail });
      }
    });
  });
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

describe('resilient run event stream', () => {
  it('reads a run to its terminal event and closes', async () => {
    const url = await serve((_req, res) => {
      sse(res);
      for (let s = 1; s <= 7; s++) res.write(frame(s));
      res.write(': heartbeat\n\n');
    });
    const { seqs, states } = await collect(url);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(states).toEqual(['open', 'closed']);
  });

  it('resumes at 4 after the connection drops after event 3', async () => {
    const url = await serve((_req, res, connection, after) => {
      sse(res);
      if (connection === 0) {
        for (let s = 1; s <= 3; s++) res.write(frame(s));
        setTimeout(() => res.socket?.destroy(), 20);
      } else {
        for (let s = after + 1; s <= 7; s++) res.write(frame(s));
      }
    });
    const { seqs, states } = await collect(url);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seenLastEventIds).toEqual([0, 3]);
    expect(states).toContain('connecting');
    expect(states.at(-1)).toBe('closed');
  });

  it('ignores a duplicated event', async () => {
    const url = await serve((_req, res) => {
      sse(res);
      for (const s of [1, 2, 2, 3, 1, 4, 5, 6, 7]) res.write(frame(s));
    });
    const { seqs } = await collect(url);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('resyncs from the last good seq when it sees a gap', async () => {
    const url = await serve((_req, res, connection, after) => {
      sse(res);
      const seqs = connection === 0 ? [1, 2, 4, 5] : Array.from({ length: 7 - after }, (_, i) => after + 1 + i);
      for (const s of seqs) res.write(frame(s));
    });
    const { seqs } = await collect(url);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seenLastEventIds).toEqual([0, 2]);
  });

  it('gives up after its retry limit and says so', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const { seqs, states, detail } = await collect(url, 3);
    expect(seqs).toEqual([]);
    expect(states.at(-1)).toBe('error');
    expect(detail).toContain('gave up after 3');
    expect(seenLastEventIds).toHaveLength(4);
  });

  it('does not retry a run that does not exist', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/problem+json' });
      res.end('{"status":404}');
    });
    const { states, detail } = await collect(url);
    expect(states).toEqual(['error']);
    expect(detail).toBe('no such run');
    expect(seenLastEventIds).toHaveLength(1);
  });

  it('stops at a 401 and hands the browser to the login page', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/problem+json' });
      res.end('{"status":401}');
    });
    let signedOut = 0;
    const detail = await new Promise<string | undefined>((resolve) => {
      openEventStream({ url, baseDelayMs: 10, maxRetries: 5, onUnauthenticated: () => signedOut++ }, {
        onEvent: () => {},
        onState: (state, d) => {
          if (state === 'error') resolve(d);
        }
      });
    });
    expect(detail).toContain('sign in again');
    expect(seenLastEventIds).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signedOut).toBe(1);
  });
});

describe('a paper session stream (seq 0 first, seqs that skip, its own terminal event)', () => {
  const session = (seq: number, type: string) =>
    `id: ${seq}\nevent: ${type}\ndata: ${JSON.stringify({ seq, type, at: '2026-12-06T07:00:00Z' })}\n\n`;

  function follow(url: string): Promise<{ seqs: number[]; states: ConnectionState[] }> {
    return new Promise((resolve) => {
      const seqs: number[] = [];
      const states: ConnectionState[] = [];
      openEventStream<{ seq: number; type: string }>({
        url, afterSeq: -1, seqsMaySkip: true, noun: 'session', isTerminal: (e) => e.type === 'stopped',
        baseDelayMs: 10, maxDelayMs: 50, maxRetries: 5
      }, {
        onEvent: (e) => seqs.push(e.seq),
        onState: (state) => {
          states.push(state);
          if (state === 'closed' || state === 'error') resolve({ seqs, states });
        }
      });
    });
  }

  it('takes seq 0, does not call a skip a gap, resumes after 0 and ends at its stop', async () => {
    const url = await serve((req, res, connection) => {
      sse(res);
      if (connection === 0) {
        res.write(session(0, 'started') + session(2, 'bar') + session(5, 'order'));
        res.end(); // dropped mid-session
      } else {
        res.write(session(5, 'order') + session(7, 'bar') + session(9, 'stopped') + session(10, 'bar'));
      }
    });
    const { seqs, states } = await follow(url);
    expect(seqs).toEqual([0, 2, 5, 7, 9]); // the duplicate 5 dropped, nothing after the stop
    expect(seenLastEventIds).toEqual([0, 5]); // first without lastEventId (read as 0), then after 5
    expect(states.at(-1)).toBe('closed');
  });
});
