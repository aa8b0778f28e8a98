import type { AtlasApi } from '$lib/services/api';
import type { AuditEvent, AuditFilter } from '$lib/types';
import { Task } from './task.svelte';

/** The workspace's audit trail under a filter, oldest first, a page at a time. */
export class AuditStore extends Task {
  items = $state<AuditEvent[]>([]);
  nextAfter = $state<number | null>(null);
  filter = $state<AuditFilter>({});
  loaded = $state(false);

  constructor(private readonly api: AtlasApi, private readonly pageSize = 100) {
    super();
  }

  /** The first page under `filter` (the previous pages are dropped). */
  async search(filter: AuditFilter) {
    this.filter = filter;
    const page = await this.attempt(() => this.api.auditEvents(filter, null, this.pageSize));
    if (!page) return;
    this.items = page.items;
    this.nextAfter = page.nextAfter;
    this.loaded = true;
  }

  /** The next page after the last one shown. */
  async more() {
    if (this.nextAfter === null) return;
    const page = await this.attempt(() => this.api.auditEvents(this.filter, this.nextAfter, this.pageSize));
    if (!page) return;
    this.items = [...this.items, ...page.items];
    this.nextAfter = page.nextAfter;
  }
}
