import type { AtlasApi } from '$lib/services/api';
import type { User } from '$lib/types';
import { Task } from './task.svelte';

/** Every user of the installation (system administrators): made here, their request limits set here. */
export class UsersStore extends Task {
  items = $state<User[]>([]);

  constructor(private readonly api: AtlasApi) {
    super();
  }

  async load() {
    const list = await this.attempt(() => this.api.listUsers());
    if (list) this.items = list.items;
  }

  async create(username: string, password: string, systemAdmin: boolean): Promise<boolean> {
    const user = await this.attempt(() => this.api.createUser({ username, password, systemAdmin }));
    if (!user) return false;
    this.items = [...this.items, user].sort((a, b) => a.username.localeCompare(b.username));
    return true;
  }

  async setRateLimit(username: string, perMinute: number | null) {
    const user = await this.attempt(() => this.api.setUserRateLimit(username, perMinute));
    if (user) this.items = this.items.map((u) => (u.username === user.username ? user : u));
  }
}
