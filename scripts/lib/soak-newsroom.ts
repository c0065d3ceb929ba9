/**
 * The soak's newsroom (scripts/soak.ts): a set of stories on the local newsroom (test/newsroom.ts)
 * that it edits, breaks (500, 503 with Retry-After, truncated bodies, resets), slows, redirects
 * and removes (404, 410) for a while and then mends; and two webhook receivers that fail (500,
 * reset, too slow to answer) and recover. Node only.
 */
import type { HookMode, Newsroom, PageOptions } from '../../test/newsroom';

export type FaultKind = '500' | '503' | 'truncate' | 'reset' | 'slow' | 'redirect' | '404' | '410';
export const FAULT_KINDS: FaultKind[] = ['500', '503', 'truncate', 'reset', 'slow', 'redirect', '404', '410'];

/** A seeded random source (mulberry32), so a run can be repeated with --seed. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}
export type Random = ReturnType<typeof randomSource>;

const WORDS = (
  'council budget bridge tunnel district route service evening residents meeting plan vote mayor ' +
  'officials report city river harbour station school hospital contract delay repair funding ' +
  'committee minister spokesman statement inquiry figures quarter summer winter northern southern'
).split(' ');

/** The text of story `k` in its `edition`: each edition changes a word or two of one paragraph. */
export function storyHtml(k: number, edition: number): string {
  // Each edition moves on the epoch of one paragraph ((edition + p) / 5), which swaps every fourth word of it.
  const words = (p: number, n: number) =>
    Array.from({ length: n }, (_, i) => WORDS[(k * 7 + p * 13 + i * 3 + (i % 4 === 0 ? Math.floor((edition + p) / 5) * 5 : 0)) % WORDS.length]).join(' ');
  const paragraphs = [0, 1, 2, 3, 4].map((p) => `The ${words(p, 14)}, officials said on Tuesday.`);
  const headline = `Story ${k}: the ${WORDS[k % WORDS.length]} ${WORDS[(k * 5) % WORDS.length]}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline} - The Soak Times</title></head>
<body><header><nav><a href="/">Home</a></nav></header><article><h1>${headline}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<p>Edition ${edition} of this story was published by the soak newsroom.</p></article>
<footer>© The Soak Times · ad slot ${edition * 31}</footer></body></html>`;
}

interface Story {
  edition: number;
  fault: { kind: FaultKind; until: number } | null;
}

export class SoakNewsroom {
  readonly stories: Story[];
  faults = 0;
  edits = 0;
  readonly receivers = ['alpha', 'beta'] as const;
  readonly receiverState = new Map<string, { mode: HookMode; until: number }>();
  receiverOutages = 0;

  constructor(
    private readonly newsroom: Newsroom,
    count: number,
    private readonly random: Random,
  ) {
    this.stories = Array.from({ length: count }, () => ({ edition: 1, fault: null }));
    for (let k = 0; k < count; k++) this.publish(k);
    for (const name of this.receivers) this.receiverState.set(name, { mode: 'ok', until: 0 });
  }

  path = (k: number) => `/soak/${k}-story.html`;
  url = (k: number) => `${this.newsroom.origin}${this.path(k)}`;
  /** Where a redirected story moves to (it serves the same text there). */
  private movedPath = (k: number) => `/soak/${k}-moved.html`;

  /** Webhook URLs for WEBHOOK_URLS: one receiver on each of the newsroom's two origins. */
  webhookUrls(): string[] {
    return [`${this.newsroom.origin}/__hooks/alpha`, `${this.newsroom.otherOrigin}/__hooks/beta`];
  }

  received(name: string) {
    return this.newsroom.received(name);
  }

  private publish(k: number): void {
    const story = this.stories[k];
    const html = storyHtml(k, story.edition);
    const options: PageOptions = {};
    this.newsroom.set(this.movedPath(k), html);
    switch (story.fault?.kind) {
      case undefined:
        break;
      case '500':
        this.newsroom.set(this.path(k), '<h1>Internal error</h1>', { status: 500 });
        return;
      case '503':
        this.newsroom.set(this.path(k), '<h1>Busy</h1>', { status: 503, headers: { 'retry-after': '2' } });
        return;
      case '404':
      case '410':
        this.newsroom.set(this.path(k), '<h1>Gone</h1>', { status: Number(story.fault.kind) });
        return;
      case 'redirect':
        this.newsroom.set(this.path(k), '', { status: 301, headers: { location: this.movedPath(k) } });
        return;
      case 'slow':
        // Sometimes inside the fetch timeout the soak sets (4 s), sometimes past it.
        options.delayMs = this.random.pick([1500, 6000]);
        break;
      case 'truncate':
      case 'reset':
        options.fault = story.fault.kind;
        break;
    }
    this.newsroom.set(this.path(k), html, options);
  }

  /** One step of the newsroom's life: mend what is due, then maybe edit a story or break one. */
  step(now: number): void {
    this.stories.forEach((story, k) => {
      if (story.fault && story.fault.until <= now) {
        story.fault = null;
        this.publish(k);
      }
    });
    if (this.random.chance(0.5)) {
      const k = this.random.int(this.stories.length);
      this.stories[k].edition++;
      this.edits++;
      this.publish(k);
    }
    if (this.random.chance(0.45)) {
      const k = this.random.int(this.stories.length);
      if (!this.stories[k].fault) {
        this.stories[k].fault = { kind: this.random.pick(FAULT_KINDS), until: now + this.random.between(4, 25) * 1000 };
        this.faults++;
        this.publish(k);
      }
    }
    for (const name of this.receivers) {
      const state = this.receiverState.get(name)!;
      if (state.until > now) continue;
      // Up for 10-25 s, then down (500, reset, or too slow to answer) for 3-12 s.
      const down = state.mode === 'ok';
      const mode: HookMode = down ? this.random.pick(['fail', 'reset', 'slow'] as const) : 'ok';
      this.receiverState.set(name, { mode, until: now + (down ? this.random.between(3, 12) : this.random.between(10, 25)) * 1000 });
      this.newsroom.hookMode(name, mode, 12_000);
      if (down) {
        this.receiverOutages++;
        this.faults++;
      }
    }
  }

  /** Every story served whole again and every receiver answering: the calm before the checks. */
  mendAll(): void {
    this.stories.forEach((story, k) => {
      story.fault = null;
      this.publish(k);
    });
    for (const name of this.receivers) {
      this.receiverState.set(name, { mode: 'ok', until: Number.POSITIVE_INFINITY });
      this.newsroom.hookMode(name, 'ok');
    }
  }

  describeReceivers(): string {
    return this.receivers.map((name) => `${name} ${this.receiverState.get(name)?.mode}`).join(', ');
  }
}
