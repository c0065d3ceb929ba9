/**
 * `npm run bench:cards`: draws sample diff cards (the founding story, and Cyrillic, Arabic and
 * Chinese headlines) with the Worker's own card code (src/cards) under Node, writes them to
 * artifacts/cards/ to look at, and prints the CPU time of each render (best and median of
 * RUNS, after a warm-up that loads the engine and fonts). Node runs the same V8 and the same
 * wasm as workerd; there the Cache API and KV keep each card after its first render.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import satori, { init } from 'satori/standalone';
import { cardContent, type CardContent } from '../src/cards/card-content';
import type { CardFont } from '../src/cards/fonts';
import { renderCardPng, type CardEngine } from '../src/cards/render-card';
import { readArticle } from '../src/cli/read-article';
import { classifyChange } from '../src/diff/kind';
import { diffVersions } from '../src/diff';
import type { ArticleRecord } from '../src/store';

const RUNS = Number(process.env.RUNS ?? 15);
const require = createRequire(import.meta.url);
const file = (spec: string) => readFileSync(require.resolve(spec));
const buffer = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

// The same files src/cards/fonts.ts imports, read from node_modules.
const fontFile = (name: string, weight: 400 | 700, spec: string): CardFont => ({ name, weight, style: 'normal', data: buffer(file(spec)) });
const BASE = [
  fontFile('Noto Sans', 400, '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'),
  fontFile('Noto Sans', 700, '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'),
  fontFile('Noto Sans Cyrillic', 400, '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff'),
  fontFile('Noto Sans Cyrillic', 700, '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff'),
];
const ARABIC = [fontFile('Noto Sans Arabic', 400, '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff')];
const CHINESE = Array.from({ length: 20 }, (_, k) =>
  fontFile(`Noto Sans SC ${119 - k}`, 400, `@fontsource/noto-sans-sc/files/noto-sans-sc-${119 - k}-400-normal.woff`),
);
const SETS = new Map<string, CardFont[]>();
function fontsFor(text: string): Promise<CardFont[]> {
  const key = `${/[\u0600-\u06ff]/.test(text)}${/[\u2e80-\u9fff]/.test(text)}`;
  if (!SETS.has(key)) SETS.set(key, [...BASE, ...(/[\u0600-\u06ff]/.test(text) ? ARABIC : []), ...(/[\u2e80-\u9fff]/.test(text) ? CHINESE : [])]);
  return Promise.resolve(SETS.get(key) ?? BASE);
}

function sample(title: [string, string], text: [string, string], site: string): CardContent {
  const diff = diffVersions({ title: title[0], text: text[0] }, { title: title[1], text: text[1] });
  const at = '2026-11-20T09:30:00.000Z';
  const article = {
    id: '0000000000000000',
    url: `https://${site}/story`,
    site,
    title: title[1],
    versions: [
      { n: 1, fetchedAt: at, title: title[0] },
      { n: 2, fetchedAt: at, title: title[1] },
    ],
  } as ArticleRecord;
  return cardContent({ article, from: 1, to: 2, diff, kinds: classifyChange(diff) });
}

const root = join(import.meta.dirname, '..');
const story = (name: string) => readArticle(join(root, 'test/fixtures/nyt-2016-ryabkov', name));
const [v1, v2] = [story('v1.html'), story('v2.html')];
const foundingDiff = diffVersions(v1, v2);
const at = '2016-11-11T14:00:00.000Z';
const founding = cardContent({
  article: {
    id: '0000000000000000',
    url: 'https://www.nytimes.com/2016/11/11/world/europe/russia-donald-trump.html',
    site: 'www.nytimes.com',
    title: v2.title,
    versions: [
      { n: 1, fetchedAt: at, title: v1.title },
      { n: 2, fetchedAt: at, title: v2.title },
    ],
  } as ArticleRecord,
  from: 1,
  to: 2,
  diff: foundingDiff,
  kinds: classifyChange(foundingDiff),
});

const SAMPLES: Record<string, CardContent> = {
  founding,
  cyrillic: sample(
    ['Рябков: контакты с командой Трампа были', 'Рябков: контакты с командой Трампа продолжались'],
    [
      'Заместитель министра иностранных дел Сергей Рыбаков сказал, что контакты были.',
      'Заместитель министра иностранных дел Сергей Рябков сказал, что контакты продолжались во время кампании.',
    ],
    'ria.ru',
  ),
  arabic: sample(
    ['وزير الخارجية يزور القاهرة', 'وزير الخارجية يزور القاهرة غدا'],
    ['قال المتحدث إن الزيارة ستستمر يومين. وأضاف أن المحادثات مهمة.', 'قال المتحدث إن الزيارة ستستمر ثلاثة أيام. وأضاف أن المحادثات مهمة جدا.'],
    'www.aljazeera.net',
  ),
  chinese: sample(
    ['外交部长将访问北京', '外交部长明天将访问北京'],
    ['发言人说，访问将持续两天。他还表示会谈非常重要。', '发言人说，访问将持续三天。他还表示会谈非常重要，双方将签署协议。'],
    'www.xinhuanet.com',
  ),
};

async function main() {
  await init(file('satori/yoga.wasm'));
  await initWasm(file('@resvg/resvg-wasm/index_bg.wasm'));
  const engine: CardEngine = {
    toSvg: (tree, options) => satori(tree as never, options),
    toPng: (svg) => new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng(),
    fontsFor,
  };
  const out = join(root, 'artifacts/cards');
  mkdirSync(out, { recursive: true });
  const medians: number[] = [];
  for (const [name, content] of Object.entries(SAMPLES)) {
    const cold = process.cpuUsage();
    const png = await renderCardPng(content, engine);
    const coldMs = (process.cpuUsage(cold).user + process.cpuUsage(cold).system) / 1000;
    writeFileSync(join(out, `${name}.png`), png);
    const times: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const start = process.cpuUsage();
      await renderCardPng(content, engine);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    medians.push(median);
    console.log(
      `${name.padEnd(9)} ${String(png.length).padStart(7)} bytes  first ${coldMs.toFixed(0)} ms  then best ${times[0].toFixed(0)} ms, median ${median.toFixed(0)} ms CPU  -> artifacts/cards/${name}.png`,
    );
  }
  medians.sort((a, b) => a - b);
  console.log(
    `card render CPU: median of medians ${medians[Math.floor(medians.length / 2)].toFixed(0)} ms over ${Object.keys(SAMPLES).length} cards x ${RUNS} runs`,
  );
}

await main();
