/**
 * Calls `probe` until it returns a value other than undefined, or fails after
 * `deadlineMs` with the last value seen — a condition, never a fixed sleep.
 */
export async function pollUntil<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs = 60_000, everyMs = 250): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  while (Date.now() - started < deadlineMs) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
