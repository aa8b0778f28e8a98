import { cookieValue } from './cookies';

/**
 * The workspace this browser acts in, when it is not the caller's default: the `atlas-workspace`
 * cookie, which the server reads after the `Atlas-Workspace` header. A cookie and not a header
 * because links (package downloads) and page loads send no headers, and every request must act
 * in the workspace the page header shows. It names a workspace, grants nothing: the server still
 * checks the caller's role there (404 for a workspace they are not in).
 */
export const WORKSPACE_COOKIE = 'atlas-workspace';

export function chosenWorkspace(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  return cookieValue(cookies, WORKSPACE_COOKIE) || null;
}

/** Acts in `workspaceId` from the next request on (null: the caller's default workspace again). */
export function chooseWorkspace(workspaceId: string | null): void {
  if (typeof document === 'undefined') return;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = workspaceId
    ? `${WORKSPACE_COOKIE}=${encodeURIComponent(workspaceId)}; Path=/; SameSite=Strict; Max-Age=31536000${secure}`
    : `${WORKSPACE_COOKIE}=; Path=/; SameSite=Strict; Max-Age=0${secure}`;
}
