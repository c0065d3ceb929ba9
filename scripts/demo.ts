/**
 * `npm run demo`: offline, in well under 30 s. A local newsroom publishes the founding story,
 * Redline (wrangler dev, local KV) tracks it, the newsroom corrects it, and the demo prints the
 * URLs of the diff page and the feeds that now show <del>Rybakov</del> <ins>Ryabkov</ins>.
 *
 *   npm run demo             prints the URLs and stops everything it started
 *   npm run demo -- --keep   keeps Redline and the newsroom running until Ctrl-C, to browse
 */
import { adminDashboard } from './lib/admin-sign-in';
import { foundingStory, startRedline } from './lib/redline-dev';

const CORRECTED = '<del>Rybakov</del> <ins>Ryabkov</ins>';
const keep = process.argv.includes('--keep');
const started = Date.now();
const say = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(4)} s] ${line}`);

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Resolves on the first of Ctrl-C, a kill or a hang-up. */
const stopSignal = new Promise<string>((resolve) => {
  for (const signal of SIGNALS) process.once(signal, () => resolve(signal));
});

async function main(): Promise<void> {
  say('starting Redline (wrangler dev, local KV in a temporary folder) ...');
  const redline = await startRedline();
  say(`redline: listening on ${redline.origin}`);
  let story: Awaited<ReturnType<typeof foundingStory>> | null = null;
  // Stopped early, the demo still stops what it started (wrangler dev runs in its own process group).
  void stopSignal.then(async (signal) => {
    if (keep) return;
    say(`${signal}: stopping`);
    await story?.newsroom.close();
    await redline.stop();
    process.exit(130);
  });
  try {
    story = await foundingStory(redline, say);
    const diffUrl = `${redline.origin}/articles/${story.id}/diff/1/2`;
    const feeds = ['/feed.xml', '/feed.atom', '/feed.json', `/articles/${story.id}/feed.xml`].map((path) => `${redline.origin}${path}`);
    for (const url of [diffUrl, ...feeds]) {
      const body = await (await fetch(url)).text();
      const shown =
        body.split(CORRECTED).length - 1 ||
        body.split(CORRECTED.replace(/</g, '&lt;').replace(/>/g, '&gt;')).length - 1 ||
        body.split(JSON.stringify(CORRECTED).slice(1, -1)).length - 1;
      if (!shown) throw new Error(`${url} does not show ${CORRECTED}`);
    }
    // The diff card: drawn on this first request, a 1200x630 PNG (PNG signature, IHDR size).
    const cardUrl = `${diffUrl}.png`;
    const card = new Uint8Array(await (await fetch(cardUrl)).arrayBuffer());
    const view = new DataView(card.buffer);
    if (card[1] !== 0x50 || view.getUint32(16) !== 1200 || view.getUint32(20) !== 630) throw new Error(`${cardUrl} is not a 1200x630 PNG`);
    const kinds = await redline.api<{ changes: { kinds: string[] }[] }>('/changes?limit=1');
    say(`checked: every URL below shows ${CORRECTED} (kinds: ${kinds.changes[0]?.kinds.join(', ')})`);
    const dashboard = await adminDashboard(redline.origin, redline.token);
    if (!dashboard.includes(`/admin/articles/${story.id}/check`)) throw new Error('the admin dashboard does not list the story');
    say(`checked: /admin signs in with the token "${redline.token}" and lists the story`);
    console.log(`
The correction, word by word:
  diff page        ${diffUrl}
  side by side     ${diffUrl}?view=side
  diff card (PNG)  ${cardUrl}   (${Math.round(card.length / 1024)} KB; the diff page's og:image)
  history          ${redline.origin}/articles/${story.id}
  RSS feed         ${feeds[0]}
  Atom feed        ${feeds[1]}
  JSON Feed        ${feeds[2]}
  the article's    ${feeds[3]}
  site record      ${redline.origin}/sites/127.0.0.1
  API (OpenAPI)    ${redline.origin}/api/v1/openapi.json   docs: ${redline.origin}/api/docs
  version 1 text   ${redline.origin}/articles/${story.id}/versions/1   raw HTML: ${redline.origin}/articles/${story.id}/versions/1/source
  admin            ${redline.origin}/admin   (sign in with the token: ${redline.token})
`);
    if (keep) {
      say('running until Ctrl-C (admin token: demo-token)');
      await stopSignal;
    } else {
      console.log(`These URLs stop when the demo ends. To browse them: npm run demo -- --keep`);
    }
  } finally {
    await story?.newsroom.close();
    await redline.stop();
  }
  say('done');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
