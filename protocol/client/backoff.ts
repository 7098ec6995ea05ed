// Reconnect delays: exponential with full jitter, capped, so a room's sockets do not all return at once.

export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(10_000, 250 * 2 ** Math.min(attempt, 10));
  return Math.round(cap / 2 + (random() * cap) / 2);
}
