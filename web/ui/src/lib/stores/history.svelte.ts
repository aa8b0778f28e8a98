import type { AtlasApi } from '$lib/services/api';
import type { RunSummary } from '$lib/types';

/** The runs history, newest first, one page at a time. */
export class HistoryStore {
  items = $state<RunSummary[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly api: AtlasApi, private readonly pageSize = 25) {}

  async load() {
    await this.#page(null, true);
  }

  async more() {
    if (this.nextCursor) await this.#page(this.nextCursor, false);
  }

  async #page(cursor: string | null, replace: boolean) {
    this.loading = true;
    this.error = null;
    try {
      const page = await this.api.listRuns(cursor, this.pageSize);
      this.items = replace ? page.items : [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.loading = false;
    }
  }
}
