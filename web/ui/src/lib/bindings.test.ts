import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

/**
 * The UI checklist (roadmap 1.6.6), static half: every element named in contracts/ui-bindings.json
 * is rendered by some component, every endpoint exists in the OpenAPI contract and is called by
 * api.ts, and the presenter rule really stops a presenter from fetching. The live half is
 * e2e/bindings.spec.ts.
 */
const CONTRACTS = '../../contracts/src/main/resources/contracts';
const bindings = JSON.parse(readFileSync(`${CONTRACTS}/ui-bindings.json`, 'utf8')) as {
  elements: Record<string, string[]>;
  endpoints: Record<string, string>;
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const sources = files('src').filter((f) => f.endsWith('.svelte')).map((f) => readFileSync(f, 'utf8')).join('\n');

/** A test id is rendered literally (`data-testid="x"`, `testid: 'x'`) or from a template `prefix-${…}`. */
function rendered(id: string): boolean {
  if (sources.includes(`data-testid="${id}"`) || sources.includes(`'${id}'`)) return true;
  const templates = [...sources.matchAll(/data-testid=\{`([a-z-]+)\$\{/g)].map((m) => m[1]);
  return templates.some((prefix) => id.startsWith(prefix));
}

describe('UI bindings checklist', () => {
  const ids = [...new Set(Object.values(bindings.elements).flat())];

  it.each(ids)('element %s is rendered by a component', (id) => {
    expect(rendered(id)).toBe(true);
  });

  const openapi = readFileSync(`${CONTRACTS}/openapi.yaml`, 'utf8');
  const api = readFileSync('src/lib/services/api.ts', 'utf8');

  it.each(Object.entries(bindings.endpoints))('endpoint %s (%s) is in the contract and used by api.ts', (name, endpoint) => {
    const [method, path] = endpoint.split(' ');
    const block = openapi.split(/\n {2}(?=\/)/).find((b) => b.startsWith(`${path}:`));
    expect(block, `${path} in openapi.yaml`).toBeDefined();
    expect(block).toMatch(new RegExp(`\\n {4}${method.toLowerCase()}:`));
    expect(api).toContain(`${name}:`);
    expect(api).toContain(path.replace(/\{[A-Za-z]+\}.*$/, '').replace(/\/$/, ''));
  });
});

/**
 * The first lint builds a whole typed TypeScript program for the project (typescript-eslint's
 * project service), which takes several seconds on a busy 2-core CI machine; vitest's 5 s default
 * timed out there. The limit is for that cold start, not for the rule.
 */
const LINT_TIMEOUT_MS = 60_000;

describe('presenter boundary', () => {
  const eslint = new ESLint();

  /** Lints a real file at a real path (the typed parser needs the file on disk), then removes it. */
  async function lintAt(dir: string, code: string) {
    const folder = join(dir, '__lint_probe__');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'Probe.svelte');
    try {
      writeFileSync(file, code);
      const [result] = await eslint.lintFiles([file]);
      return result.messages;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  const offending = `<script lang="ts">
  import { atlasApi } from '$lib/services/atlas';
  void fetch('/v1/runs');
  const s = new EventSource('/v1/runs/x/events');
  void atlasApi; void s;
</script>
`;

  it('rejects fetch, EventSource and API imports in a presenter', async () => {
    const messages = await lintAt('src/lib/components/presenters', offending);
    const rules = messages.map((m) => m.ruleId);
    expect(rules.filter((r) => r === 'no-restricted-globals')).toHaveLength(2);
    expect(rules).toContain('no-restricted-imports');
  }, LINT_TIMEOUT_MS);

  it('allows the same code in a container', async () => {
    const messages = await lintAt('src/lib/components/containers', offending);
    expect(messages.filter((m) => m.ruleId?.startsWith('no-restricted'))).toEqual([]);
  }, LINT_TIMEOUT_MS);
});
