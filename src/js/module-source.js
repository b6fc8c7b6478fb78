// Where the ESM build's `Augenblick.init` loads the module from: `augenblick_bg.wasm` beside
// the entry point, which bundlers (Vite, webpack) find by this very pattern and emit.
export function moduleSource() {
  return new URL("augenblick_bg.wasm", import.meta.url);
}
