// Polls an assertion until it passes, for effects that happen after the message that caused them (alarms, D1).

export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 3000, intervalMs = 20 } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (performance.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
