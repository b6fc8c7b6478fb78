// The classic script's module (`augenblick.classic.js`): its bytes are in the script, and are
// compiled synchronously when `Augenblick.init` first asks (Chrome compiles wasm of any size
// synchronously on the main thread since 114; V8 compiles each function at its first
// call), so the first decision waits for no second request. Inside `init`, a compile that
// fails (a CSP without 'wasm-unsafe-eval') is a rejection, and the slots show their default.
import bytes from "#wasm-bytes";

export function moduleSource() {
  return new WebAssembly.Module(bytes);
}
