/** What the tick sends to the CHECKS queue: one due article, with what the consumer needs to be polite. */
export interface CheckMessage {
  id: string;
  /** The interval of the tier it was listed under (to notice it aged out); null when newly tracked. */
  every: number | null;
  /** The outlet, for per-host limits; null when the tick did not know it. */
  host: string | null;
  /** The scheduled time of the tick that found it due. */
  at: string;
}

export function isCheckMessage(body: unknown): body is CheckMessage {
  if (!body || typeof body !== 'object') return false;
  const m = body as Record<string, unknown>;
  return (
    typeof m.id === 'string' &&
    /^[0-9a-f]{16}$/.test(m.id) &&
    (m.every === null || (typeof m.every === 'number' && m.every > 0)) &&
    (m.host === null || typeof m.host === 'string') &&
    typeof m.at === 'string' &&
    !Number.isNaN(Date.parse(m.at))
  );
}
