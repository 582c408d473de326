/** Polls `fn` every 500 ms until it returns a value, or fails naming `what` after `timeoutMs`. */
export async function pollUntil<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 40_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Polls `check` until it is true, or fails naming `what` after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  await pollUntil(async () => ((await check()) ? true : undefined), what, timeoutMs);
}
