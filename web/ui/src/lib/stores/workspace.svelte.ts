import type { AtlasApi } from '$lib/services/api';
import type { UsageReport, WorkspaceQuotas } from '$lib/types';

/** A workspace's quotas (any member) and this month's usage (its admins, and system administrators). */
export class WorkspaceStore {
  quotas = $state<WorkspaceQuotas | null>(null);
  usage = $state<UsageReport | null>(null);
  loading = $state(false);
  quotasError = $state<string | null>(null);
  usageError = $state<string | null>(null);

  constructor(private readonly api: AtlasApi) {}

  async load(workspaceId: string, withUsage: boolean) {
    this.loading = true;
    this.quotasError = null;
    this.usageError = null;
    const quotas = this.api.getQuotas(workspaceId).then((q) => { this.quotas = q; },
      (e) => { this.quotasError = e instanceof Error ? e.message : String(e); });
    const usage = withUsage
      ? this.api.getUsage(workspaceId).then((u) => { this.usage = u; },
        (e) => { this.usageError = e instanceof Error ? e.message : String(e); })
      : Promise.resolve();
    await Promise.all([quotas, usage]);
    this.loading = false;
  }
}
