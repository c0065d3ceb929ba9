/**
 * The Worker's card engine, loaded on the first card an isolate draws and kept after: satori's
 * JavaScript, its layout wasm (yoga, 72 KB), resvg's wasm (2.4 MB) and the fonts are dynamic
 * imports, so a request that draws no card never compiles or evaluates any of them. The wasm
 * files and fonts are separate modules of the upload, not part of the main script.
 */
import { fontsFor } from './fonts';
import type { CardEngine } from './render-card';

let engine: Promise<CardEngine> | null = null;

async function load(): Promise<CardEngine> {
  const [{ default: satori, init }, { Resvg, initWasm }, yoga, resvg] = await Promise.all([
    import('satori/standalone'),
    import('@resvg/resvg-wasm'),
    import('satori/yoga.wasm'),
    import('@resvg/resvg-wasm/index_bg.wasm'),
  ]);
  await init(yoga.default);
  await initWasm(resvg.default);
  return {
    toSvg: (tree, options) => satori(tree as never, options),
    toPng: (svg) => new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng(),
    fontsFor,
  };
}

export function cardEngine(): Promise<CardEngine> {
  engine ??= load().catch((error) => {
    engine = null;
    throw error;
  });
  return engine;
}
