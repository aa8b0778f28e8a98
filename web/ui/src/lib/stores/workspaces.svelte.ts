import type { AtlasApi } from '$lib/services/api';
import type { Workspace } from '$lib/types';
import { Task } from './task.svelte';

/** The workspaces the caller may switch to (every one for a system administrator), and new ones. */
export class WorkspacesStore extends Task {
  items = $state<Workspace[]>([]);

  constructor(private readonly api: AtlasApi) {
    super();
  }

  async load() {
    const list = await this.attempt(() => this.api.listWorkspaces());
    if (list) this.items = list.items;
  }

  async create(name: string): Promise<Workspace | undefined> {
    const made = await this.attempt(() => this.api.createWorkspace(name));
    if (made) this.items = [...this.items, made].sort((a, b) => a.name.localeCompare(b.name));
    return made;
  }
}
