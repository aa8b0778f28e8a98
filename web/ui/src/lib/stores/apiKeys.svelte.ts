import type { AtlasApi } from '$lib/services/api';
import type { ApiKey, IssuedApiKey } from '$lib/types';
import { Task } from './task.svelte';

/**
 * The caller's API keys. A key made or rotated here is held in `issued` until the person
 * dismisses it: the server shows the secret this once, so the page must not lose it on a reload
 * of the list either.
 */
export class ApiKeysStore extends Task {
  keys = $state<ApiKey[]>([]);
  issued = $state<IssuedApiKey | null>(null);

  constructor(private readonly api: AtlasApi) {
    super();
  }

  async load() {
    const list = await this.attempt(() => this.api.listApiKeys());
    if (list) this.keys = list.keys;
  }

  async create(name: string, expiresAt: string | null): Promise<boolean> {
    const issued = await this.attempt(() => this.api.createApiKey(name, expiresAt));
    if (!issued) return false;
    this.issued = issued;
    await this.load();
    return true;
  }

  async revoke(keyId: string) {
    const revoked = await this.attempt(() => this.api.revokeApiKey(keyId));
    if (revoked) this.keys = this.keys.map((k) => (k.id === revoked.id ? revoked : k));
  }

  async rotate(keyId: string) {
    const issued = await this.attempt(() => this.api.rotateApiKey(keyId));
    if (!issued) return;
    this.issued = issued;
    await this.load();
  }

  dismissIssued() {
    this.issued = null;
  }
}
