/** The Worker: the Hono app answers HTTP; the cron checks the articles that are due. */
import { runTick } from './check';
export { ArticleWriter } from './check';
import { settingsFrom, type Env } from './env';
import { app } from './web/app';

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const report = await runTick(env, settingsFrom(env), new Date(controller.scheduledTime));
    console.log(`tick: ${report.due} due, ${report.checked} checked, ${report.changed} changed, ${report.failed} failed`);
  },
} satisfies ExportedHandler<Env>;
