import { browser } from '$app/environment';
import { createHttpApi, type AtlasApi } from './api';
import { createMockApi } from './mockApi';

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
  instance ??= mockModeOn() ? createMockApi() : createHttpApi();
  return instance;
}
