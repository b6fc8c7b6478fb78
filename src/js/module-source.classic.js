// The classic script's module (`augenblick.classic.js`): its bytes are in the script,
// compiled synchronously as the script runs (Chrome compiles wasm of any size synchronously
// on the main thread since 114; V8 compiles each function at its first call), so the first
// decision waits for no second request.
import bytes from "#wasm-bytes";

export const moduleSource = new WebAssembly.Module(bytes);
