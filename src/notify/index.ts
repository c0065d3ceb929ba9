/**
 * Announcing a published change to the world outside Redline: every webhook (src/notify/webhooks.ts)
 * and, where configured, every social account. The ArticleWriter calls it once per change, after
 * the commit and after the check has answered; each channel keeps its own delivery log and retries.
 */
import type { Env } from '../settings';
import type { ChangeRecord } from '../store';
import { publishPosts } from './posts';
import { notifyWebhooks } from './webhooks';

export async function announceChange(env: Env, change: ChangeRecord): Promise<void> {
  await Promise.all([notifyWebhooks(env, change), publishPosts(env, change)]);
}
