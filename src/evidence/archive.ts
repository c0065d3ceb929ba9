/**
 * The Internet Archive's Save Page Now (SPN2): when SAVE_PAGE_NOW is "true", each new version's
 * URL is sent for capture, so a reader can check the page at a third party as well as in our own
 * snapshot. Off by default: it sends every tracked URL to archive.org.
 *
 *   POST {origin}/save                      url=...   (authorization: LOW key:secret)  -> {url, job_id}
 *   GET  {origin}/save/status/{job_id}                                                  -> {status, timestamp, original_url}
 *
 * A job is polled a few times (SAVE_PAGE_NOW_POLL_SECONDS apart); the capture is then
 * {origin}/web/{timestamp}/{original_url}. Still pending after the last poll, it stays "pending"
 * (the history page says a capture was requested). Every call goes through src/net.
 */
import { fetchOutbound } from '../net';
import type { ArchiveCapture } from '../store';

export interface CaptureSettings {
  origin: string;
  auth: string | null;
  pollMs: number;
  maxPolls: number;
  allowPrivateUrls: boolean;
}

export const DEFAULT_SAVE_PAGE_NOW_ORIGIN = 'https://web.archive.org';
const MAX_POLLS = 6;
const TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 64 * 1024;

/** The Worker settings this reads (a part of Env, named here so evidence/ needs nothing from settings.ts). */
export interface CaptureEnv {
  SAVE_PAGE_NOW?: string;
  SAVE_PAGE_NOW_AUTH?: string;
  SAVE_PAGE_NOW_ORIGIN?: string;
  SAVE_PAGE_NOW_POLL_SECONDS?: string;
  ALLOW_PRIVATE_URLS?: string;
}

/** The settings, or null when captures are off (the default). */
export function captureSettingsFrom(env: CaptureEnv): CaptureSettings | null {
  if (env.SAVE_PAGE_NOW !== 'true') return null;
  const seconds = Number(env.SAVE_PAGE_NOW_POLL_SECONDS);
  return {
    origin: (env.SAVE_PAGE_NOW_ORIGIN || DEFAULT_SAVE_PAGE_NOW_ORIGIN).replace(/\/+$/, ''),
    auth: env.SAVE_PAGE_NOW_AUTH || null,
    pollMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 10) * 1000,
    maxPolls: MAX_POLLS,
    // The endpoint is the operator's own setting, not a page's URL: a local fake in tests and dev.
    allowPrivateUrls: env.ALLOW_PRIVATE_URLS === 'true',
  };
}

interface SpnAnswer {
  job_id?: string;
  status?: string;
  timestamp?: string;
  original_url?: string;
  message?: string;
}

export interface CaptureOptions {
  /** Tests only: stands in for the global fetch. */
  transport?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

async function call(url: string, settings: CaptureSettings, options: CaptureOptions, body?: URLSearchParams): Promise<SpnAnswer | string> {
  const got = await fetchOutbound(url, {
    method: body ? 'POST' : 'GET',
    body,
    headers: { accept: 'application/json', ...(settings.auth ? { authorization: `LOW ${settings.auth}` } : {}) },
    expect: 'json',
    policy: { allowPrivateUrls: settings.allowPrivateUrls },
    maxBytes: MAX_ANSWER_BYTES,
    timeoutMs: TIMEOUT_MS,
    transport: options.transport,
  });
  if (!got.ok) return got.message;
  try {
    return JSON.parse(new TextDecoder().decode(got.bytes)) as SpnAnswer;
  } catch {
    return 'Save Page Now answered something that is not JSON';
  }
}

/** Asks for a capture of `pageUrl` and follows the job until it succeeds, fails or the polls run out. */
export async function requestCapture(pageUrl: string, settings: CaptureSettings, options: CaptureOptions = {}): Promise<ArchiveCapture> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const requestedAt = now().toISOString();
  const failure = (error: string, jobId: string | null = null): ArchiveCapture => ({ status: 'error', requestedAt, url: null, jobId, error });
  const started = await call(`${settings.origin}/save`, settings, options, new URLSearchParams({ url: pageUrl, skip_first_archive: '1' }));
  if (typeof started === 'string') return failure(started);
  if (!started.job_id) return failure(started.message ?? 'Save Page Now gave no job id');
  const jobId = started.job_id;
  for (let poll = 0; poll < settings.maxPolls; poll++) {
    await sleep(settings.pollMs);
    const status = await call(`${settings.origin}/save/status/${encodeURIComponent(jobId)}`, settings, options);
    if (typeof status === 'string') continue; // a failed poll is not a failed capture: ask again
    if (status.status === 'success' && status.timestamp && /^\d{14}$/.test(status.timestamp)) {
      return { status: 'success', requestedAt, url: `${settings.origin}/web/${status.timestamp}/${status.original_url ?? pageUrl}`, jobId, error: null };
    }
    if (status.status === 'error') return failure(status.message ?? 'the capture failed', jobId);
  }
  return { status: 'pending', requestedAt, url: null, jobId, error: null };
}
