import type { Caller } from '$lib/services/api';

/** Who is signed in, as the header shows it; null until known (or after signing out). */
class CallerState {
  current = $state<Caller | null>(null);

  set(value: Caller | null) {
    this.current = value;
  }
}

export const caller = new CallerState();
