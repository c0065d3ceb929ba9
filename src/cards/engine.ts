/**
 * The Worker's card engine, loaded on the first card an isolate draws and kept after. Nothing of
 * it is in the main script: satori's and resvg's JavaScript are one generated module of their own
 * (vendor/engine.mjs, built by scripts/build-card-engine.ts and uploaded beside the main script:
 * wrangler.toml find_additional_modules), resvg's wasm (2.4 MB) and satori's layout wasm (yoga,
 * 72 KB) are wasm modules, and the fonts are data modules (fonts.ts). A request that draws no card
 * never compiles or evaluates any of them.
 */
import { fontsFor } from './fonts';
import type { CardEngine } from './render-card';

/** What vendor/engine.mjs exports (scripts/build-card-engine.ts). */
interface EngineModule {
  satori: typeof import('satori/standalone').default;
  initSatori: typeof import('satori/standalone').init;
  Resvg: typeof import('@resvg/resvg-wasm').Resvg;
  initResvg: typeof import('@resvg/resvg-wasm').initWasm;
}

// Specifiers in a variable: the bundler leaves these imports alone, so the module stays separate.
// In the uploaded Worker the bundle sits at the root of base_dir (src/), where the engine is
// ./cards/vendor/engine.mjs; under vitest this file is run from src/cards/ itself.
const ENGINE_MODULES = ['./cards/vendor/engine.mjs', './vendor/engine.mjs'];

async function importEngine(): Promise<EngineModule> {
  let first: unknown = null;
  for (const specifier of ENGINE_MODULES) {
    try {
      return (await import(/* @vite-ignore */ specifier)) as EngineModule;
    } catch (error) {
      first ??= error;
    }
  }
  throw first;
}

let engine: Promise<CardEngine> | null = null;

async function load(): Promise<CardEngine> {
  const [{ satori, initSatori, Resvg, initResvg }, yoga, resvg] = await Promise.all([
    importEngine(),
    import('satori/yoga.wasm'),
    import('@resvg/resvg-wasm/index_bg.wasm'),
  ]);
  await initSatori(yoga.default);
  await initResvg(resvg.default);
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
