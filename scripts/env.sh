# Sourced by the other scripts: the tools they need, in the order they must be found.
# npm's binaryen comes first so that no other wasm-opt (Debian's 108 breaks init()) is used;
# cargo-installed tools (wasm-pack, wasm-bindgen) may not be on a fresh login's PATH.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
