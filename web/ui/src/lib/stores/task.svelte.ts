import { describeError } from '$lib/services/api';

/**
 * What every admin store shares: one piece of work at a time shows as busy, and its failure as a
 * sentence a person can act on (the problem's detail and where the input was wrong), not a throw.
 */
export class Task {
  busy = $state(false);
  error = $state<string | null>(null);

  protected async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.error = null;
    try {
      return await work();
    } catch (e) {
      this.error = describeError(e);
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
