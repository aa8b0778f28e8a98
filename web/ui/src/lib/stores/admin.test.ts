import { describe, expect, it } from 'vitest';
import { createMockApi } from '$lib/services/mockApi';
import { ApiKeysStore } from './apiKeys.svelte';
import { AuditStore } from './audit.svelte';
import { MembersStore } from './members.svelte';
import { UsersStore } from './users.svelte';
import { WorkspacesStore } from './workspaces.svelte';

/** The admin screens' stores against mock mode's API (which answers like the server: 404, 409). */
const DESK = '5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10';

describe('MembersStore', () => {
  it('adds a member, changes a role, removes one, and keeps the list by username', async () => {
    const store = new MembersStore(createMockApi(1));
    await store.load(DESK);
    expect(store.items.map((m) => m.username)).toEqual(['dana', 'mock', 'vic']);
    expect(await store.set(DESK, 'olivia', 'trader')).toBe(true);
    await store.set(DESK, 'vic', 'admin');
    await store.remove(DESK, 'dana');
    expect(store.items.map((m) => `${m.username}:${m.role}`)).toEqual(['mock:admin', 'olivia:trader', 'vic:admin']);
    expect(store.error).toBeNull();
  });

  it('shows why the last admin cannot step down, and leaves the list as it was', async () => {
    const store = new MembersStore(createMockApi(1));
    await store.load(DESK);
    expect(await store.set(DESK, 'mock', 'viewer')).toBe(false);
    expect(store.error).toMatch(/last admin/);
    expect(store.items.find((m) => m.username === 'mock')?.role).toBe('admin');
    expect(await store.set(DESK, 'nobody', 'viewer')).toBe(false);
    expect(store.error).toMatch(/no user nobody/);
  });
});

describe('ApiKeysStore', () => {
  it('holds a new key until it is dismissed; the list never has a secret', async () => {
    const store = new ApiKeysStore(createMockApi(1));
    await store.load();
    const before = store.keys.length;
    expect(await store.create('notebook', '2027-01-31T23:59:59Z')).toBe(true);
    expect(store.issued?.key).toMatch(/^atlas_[a-z2-7]{12}_[0-9A-Za-z]{38}$/);
    expect(store.keys).toHaveLength(before + 1);
    expect(JSON.stringify(store.keys)).not.toContain(store.issued!.key);
    store.dismissIssued();
    expect(store.issued).toBeNull();
  });

  it('rotates a key (the old one revoked, a new one with its name shown once) and revokes another', async () => {
    const store = new ApiKeysStore(createMockApi(1));
    await store.load();
    const laptop = store.keys.find((k) => k.name === 'laptop')!;
    await store.rotate(laptop.id);
    expect(store.issued?.name).toBe('laptop');
    expect(store.issued?.id).not.toBe(laptop.id);
    expect(store.keys.find((k) => k.id === laptop.id)?.revokedAt).not.toBeNull();
    await store.revoke(store.issued!.id);
    expect(store.keys.find((k) => k.id === store.issued!.id)?.revokedAt).not.toBeNull();
    await store.rotate(laptop.id);
    expect(store.error).toMatch(/revoked/);
  });
});

describe('AuditStore', () => {
  it('pages through the trail under a filter, and a new search starts over', async () => {
    const api = createMockApi(1);
    const keys = new ApiKeysStore(api);
    for (const name of ['a', 'b', 'c', 'd']) await keys.create(name, null);
    const store = new AuditStore(api, 2);
    await store.search({ type: 'ApiKeyIssuedEvent' });
    expect(store.items).toHaveLength(2);
    expect(store.nextAfter).not.toBeNull();
    await store.more();
    await store.more();
    expect(store.items.map((e) => e.payload.name)).toEqual(['laptop', 'old ci', 'a', 'b', 'c', 'd']);
    expect(store.nextAfter).toBeNull();
    expect(new Set(store.items.map((e) => e.globalIndex)).size).toBe(6);
    await store.search({ type: 'ApiKeyRevokedEvent' });
    expect(store.items.map((e) => e.type)).toEqual(['ApiKeyRevokedEvent']);
  });
});

describe('UsersStore and WorkspacesStore', () => {
  it('creates a user, refuses a taken name, and sets and clears a rate limit', async () => {
    const store = new UsersStore(createMockApi(1));
    await store.load();
    expect(await store.create('erin', 'a long enough password', false)).toBe(true);
    expect(await store.create('erin', 'a long enough password', false)).toBe(false);
    expect(store.error).toMatch(/exists/);
    await store.setRateLimit('erin', 30);
    expect(store.items.find((u) => u.username === 'erin')?.rateLimitPerMinute).toBe(30);
    await store.setRateLimit('erin', null);
    expect(store.items.find((u) => u.username === 'erin')?.rateLimitPerMinute).toBeNull();
  });

  it('lists workspaces by name and makes a new one the caller administers', async () => {
    const store = new WorkspacesStore(createMockApi(1));
    await store.load();
    const made = await store.create('alpha team');
    expect(made?.role).toBe('admin');
    expect(store.items.map((w) => w.name)).toEqual(['alpha team', 'mock desk', 'research']);
  });
});
