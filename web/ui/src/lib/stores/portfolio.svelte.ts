import type { AtlasApi } from '$lib/services/api';
import type { PortfolioItem, StrategyDsl } from '$lib/types';

/** The portfolio list and saving into it. Saving is idempotent per item id on the server. */
export class PortfolioStore {
  items = $state<PortfolioItem[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  saving = $state<string | null>(null);
  savedIds = $state<string[]>([]);

  constructor(private readonly api: AtlasApi) {}

  async load() {
    this.loading = true;
    this.error = null;
    try {
      this.items = (await this.api.listStrategies(null, 200)).items;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.loading = false;
    }
  }

  /** Saves a candidate of a run; remembers it so the button can say "saved". */
  async save(strategy: StrategyDsl, runId?: string | null): Promise<PortfolioItem | null> {
    this.saving = strategy.id;
    this.error = null;
    try {
      const item = await this.api.saveStrategy({ name: strategy.name, strategy, ...(runId ? { runId } : {}) });
      this.savedIds.push(strategy.id);
      this.items = [item, ...this.items.filter((i) => i.id !== item.id)];
      return item;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      this.saving = null;
    }
  }
}
