/** Non-JS modules the card renderer imports (wrangler.toml [[rules]] and wrangler's wasm rule). */
declare module '*.woff' {
  const data: ArrayBuffer;
  export default data;
}
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
