import type { ApiKey, Member, User, Workspace } from '$lib/types';

/**
 * The people, workspaces and keys mock mode starts with, and the stories show: shaped like the
 * server's answers (contract schemas Workspace, Member, User, ApiKey), so a screen designed on them
 * works against the server unchanged.
 */
export const MOCK_USER = 'mock';
/** The workspace of the contract's quota and usage fixtures. */
const DESK = '5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10';
const RESEARCH = '7c1e4d2a-3b5f-4a9e-8c6d-2f0b1a9e5d31';

export const workspaces: Workspace[] = [
  { id: DESK, name: 'mock desk', createdAt: '2026-11-02T09:00:00Z', role: 'admin' },
  { id: RESEARCH, name: 'research', createdAt: '2026-11-20T14:30:00Z', role: 'viewer' }
];

export const users: User[] = [MOCK_USER, 'dana', 'vic', 'olivia'].map((username, i) => ({
  id: `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`, username, systemAdmin: username === MOCK_USER,
  defaultWorkspaceId: username === 'olivia' ? RESEARCH : DESK, rateLimitPerMinute: username === 'dana' ? 120 : null
}));

export const members: Record<string, Member[]> = {
  [DESK]: [
    { username: 'dana', role: 'trader', since: '2026-11-03T10:00:00Z' },
    { username: MOCK_USER, role: 'admin', since: '2026-11-02T09:00:00Z' },
    { username: 'vic', role: 'viewer', since: '2026-11-04T08:15:00Z' }
  ],
  [RESEARCH]: [
    { username: MOCK_USER, role: 'viewer', since: '2026-11-20T14:30:00Z' },
    { username: 'olivia', role: 'admin', since: '2026-11-20T14:30:00Z' }
  ]
};

export const keys: ApiKey[] = [
  { id: 'laptopkey234', name: 'laptop', createdAt: '2026-11-02T09:05:00Z', expiresAt: null, lastUsedAt: '2026-12-01T17:42:00Z', revokedAt: null },
  { id: 'oldcikey5677', name: 'old ci', createdAt: '2026-11-05T12:00:00Z', expiresAt: '2027-01-01T00:00:00Z', lastUsedAt: null,
    revokedAt: '2026-11-30T08:00:00Z' }
];
