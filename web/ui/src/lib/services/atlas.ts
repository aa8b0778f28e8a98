import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { createHttpApi, type AtlasApi } from './api';
import { createMockApi } from './mockApi';
import { chooseWorkspace } from './workspaceChoice';

/**
 * The API the app uses: the real server, or fixtures when mock mode is on — at build time
 * (UI_MOCK=on) or per visit (`?mock=on`, remembered for the tab) so a designer can flip it live.
 */
export function mockModeOn(): boolean {
  if (import.meta.env.VITE_UI_MOCK === 'on') return true;
  if (!browser) return false;
  const flag = new URL(window.location.href).searchParams.get('mock');
  if (flag === 'on' || flag === 'off') sessionStorage.setItem('atlas.mock', flag);
  return sessionStorage.getItem('atlas.mock') === 'on';
}

let instance: AtlasApi | null = null;

export function atlasApi(): AtlasApi {
  instance ??= mockModeOn() ? createMockApi() : createHttpApi({ onUnauthenticated: toLogin });
  return instance;
}

/** Where the login page sends the browser back to (this tab only). */
export const NEXT_KEY = 'atlas.next';

/** The session is over (or there never was one): to the login page, and back here after it. */
export function toLogin(): void {
  if (!browser || window.location.pathname === resolve('/login')) return;
  sessionStorage.setItem(NEXT_KEY, window.location.pathname + window.location.search);
  void goto(resolve('/login'), { replaceState: true });
}

/**
 * Acts in another workspace from now on (the `atlas-workspace` cookie) and loads the page again
 * in full, so nothing fetched for the previous workspace stays on screen. A run's or a paper
 * session's page goes back to its list: it belongs to the workspace being left.
 */
export function switchWorkspace(workspaceId: string): void {
  chooseWorkspace(workspaceId);
  const here = window.location.pathname;
  // A run or a paper session belongs to a workspace (its page would be a 404 in the other): back to
  // its list. The login page, reached by a switch made while signing in finishes, is no place to
  // land once signed in.
  const lists = [resolve('/runs'), resolve('/sessions')];
  const list = lists.find((l) => here.startsWith(`${l}/`));
  window.location.assign(list ?? (here === resolve('/login') ? resolve('/') : here));
}
