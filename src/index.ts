/** The Worker: the Hono app answers HTTP; the cron finds what is due; the queue runs the checks. */
import { noteTrouble, runTick } from './cron/tick';
export { ArticleWriter } from './check';
import { settingsFrom, type Env } from './settings';
import { consumeChecks } from './cron/queue-consumer';
export { CheckRunner } from './cron/check-runner';
export { CheckDispatcher } from './cron/check-dispatcher';
export { ReadIndex } from './store/read-index';
export { Agenda } from './store/agenda';
export { SourceReader } from './discovery/source-reader';
export { AuthGuard } from './web/auth-guard';
import { installMetrics, metricsResponse, tallied } from './metrics';
import { app } from './web/app';
import { debugResponse } from './web/debug';
import { redeliverOwed } from './cron/redelivery';

export default {
  async fetch(request, env, ctx) {
    installMetrics(env);
    return metricsResponse(request, env) ?? (await debugResponse(request, env)) ?? app.fetch(request, env, ctx);
  },
  async scheduled(controller, env, _ctx) {
    installMetrics(env);
    // The tick, then the owed webhooks, whose sending runs in an invocation of its own (src/cron/redelivery.ts).
    await tallied('tick', () => tickThenRedeliver(env, new Date(controller.scheduledTime)));
  },
  async queue(batch, env, _ctx) {
    installMetrics(env);
    const report = await consumeChecks(batch, env);
    console.log(`checks batch: ${report.checked} checked, ${report.changed} changed, ${report.retried} retried, ${report.dead} dead-lettered`);
  },
} satisfies ExportedHandler<Env>;

/** A cron tick, then the owed webhook deliveries; each records its own failure and lets the other run. */
async function tickThenRedeliver(env: Env, at: Date): Promise<void> {
  try {
    const report = await runTick(env, settingsFrom(env), at);
    console.log(
      `tick: ${report.due} due, ${report.queued} queued, ${report.checked} checked, ${report.changed} changed, ${report.failed} failed, ` +
        `${report.carried} carried over, ${report.sourcesRead} sources read, ${report.discovered} discovered` +
        (report.troubles.length ? `, ${report.troubles.length} step(s) failed and carried over` : ''),
    );
  } catch (error) {
    // runTick records its own failing steps; this is the last resort for anything else.
    await noteTrouble(env, 'cron tick', `the tick stopped: ${error instanceof Error ? error.message : String(error)}`, at);
  }
  try {
    // Webhook deliveries that failed every attempt are owed: each tick sends them again.
    const owed = await redeliverOwed(env);
    if (owed.tried) console.log(`webhooks: ${owed.delivered} of ${owed.tried} owed deliveries delivered`);
  } catch (error) {
    await noteTrouble(
      env,
      'webhook redelivery',
      `stopped: ${error instanceof Error ? error.message : String(error)}; the owed deliveries wait for the next tick`,
      at,
    );
  }
}
