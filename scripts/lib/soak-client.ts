/**
 * The soak's HTTP client for one Redline: every call counted, given a time limit, and checked
 * against the statuses it may answer; a 5xx or an unexpected status is kept as evidence.
 */
export interface CallRecord {
  method: string;
  path: string;
  status: number | 'timeout' | 'network';
  detail: string;
}

/** How long one call took: to its status and headers, and to the end of its body. */
export interface CallTiming {
  method: string;
  path: string;
  /** When the call started, in ms since the epoch. */
  startedAt: number;
  headersMs: number | null;
  totalMs: number;
  bytes: number;
}

export class SoakClient {
  calls = 0;
  readonly serverErrors: CallRecord[] = [];
  readonly unexpected: CallRecord[] = [];
  /** Every call's timing, in the order they ended (for the run's slowest calls and percentiles). */
  timings: CallTiming[] = [];

  constructor(
    readonly origin: string,
    private readonly token: string,
    private readonly timeoutMs = 45_000,
  ) {}

  /** One call; answers its status and body text. `ok` lists the statuses it may answer. */
  async call(method: string, path: string, options: { body?: BodyInit; json?: unknown; ok?: number[]; auth?: boolean; headers?: Record<string, string> } = {}) {
    this.calls++;
    const headers: Record<string, string> = { ...options.headers };
    if (options.auth !== false) headers.authorization = `Bearer ${this.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    const ok = options.ok ?? [200];
    const startedAt = Date.now();
    let headersMs: number | null = null;
    const timed = (bytes: number) => this.timings.push({ method, path, startedAt, headersMs, totalMs: Date.now() - startedAt, bytes });
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.origin}${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);
      headersMs = Date.now() - startedAt;
      text = await response.text();
    } catch (error) {
      timed(0);
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      // Whether the answer had begun tells a stalled body from a request never answered.
      const when = headersMs === null ? 'before any answer' : `${headersMs} ms after its headers came`;
      const record: CallRecord = {
        method,
        path,
        status: timedOut ? 'timeout' : 'network',
        detail: `${String(error instanceof Error ? (error.cause ?? error.message) : error)} (${when}; started ${new Date(startedAt).toISOString()})`,
      };
      this.unexpected.push(record);
      return { status: 0, text: '', headers: new Headers() };
    }
    timed(text.length);
    if (response.status >= 500) this.serverErrors.push({ method, path, status: response.status, detail: text.slice(0, 200) });
    else if (!ok.includes(response.status)) this.unexpected.push({ method, path, status: response.status, detail: text.slice(0, 200) });
    return { status: response.status, text, headers: response.headers };
  }

  async json<T>(method: string, path: string, options: Parameters<SoakClient['call']>[2] = {}): Promise<T | null> {
    const { status, text } = await this.call(method, path, options);
    if (!(options.ok ?? [200]).includes(status) || !text) return null;
    try {
      return JSON.parse(text) as T;
    } catch {
      this.unexpected.push({ method, path, status, detail: `not JSON: ${text.slice(0, 100)}` });
      return null;
    }
  }
}
