import type { AtlasApi } from '$lib/services/api';
import type { Member, WorkspaceRole } from '$lib/types';
import { Task } from './task.svelte';

/** A workspace's members and their roles; its admins add, change and remove them. */
export class MembersStore extends Task {
  items = $state<Member[]>([]);

  constructor(private readonly api: AtlasApi) {
    super();
  }

  async load(workspaceId: string) {
    const page = await this.attempt(() => this.api.listMembers(workspaceId));
    if (page) this.items = page.items;
  }

  /** Adds `username` with `role`, or changes their role; true when the server took it. */
  async set(workspaceId: string, username: string, role: WorkspaceRole): Promise<boolean> {
    const member = await this.attempt(() => this.api.setMember(workspaceId, username, role));
    if (!member) return false;
    this.items = [...this.items.filter((m) => m.username !== member.username), member]
      .sort((a, b) => a.username.localeCompare(b.username));
    return true;
  }

  async remove(workspaceId: string, username: string) {
    const done = await this.attempt(async () => { await this.api.removeMember(workspaceId, username); return true; });
    if (done) this.items = this.items.filter((m) => m.username !== username);
  }
}
