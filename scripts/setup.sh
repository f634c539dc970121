#!/usr/bin/env bash
# Installs what Guang needs on a fresh Debian machine, skipping whatever is already there at the right
# version. `setup.sh app` is enough to build and serve; `setup.sh test` adds the browser test tools.
# Nothing here downloads a prebuilt binary outside the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
WASM_SPLIT_VERSION="0.2.4"
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ] \
  || [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  # --locked fails: the registry lacks one dependency version pinned in wasm-bindgen-cli's own lock file.
  say "installing wasm-bindgen-cli $WBG_VERSION (about 5 minutes)"
  cargo install --force "wasm-bindgen-cli@$WBG_VERSION"
fi

# The wasm splitter the release build's post-build hook runs (scripts/split-wasm.mjs; Trunk cannot split).
# It has no --version: cargo's list of installed packages says which one is there.
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)"
  cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

# npm packages: binaryen's wasm-opt (Debian's binaryen 108 corrupts the wasm) and Playwright's runner.
stamp="node_modules/.guang-lock-sha"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
[ "$(node_modules/.bin/wasm-opt --version | awk '{print $3}')" = "132" ] || { echo "wasm-opt 132 missing" >&2; exit 1; }

if [ "$mode" = "test" ]; then
  need=()
  # WebKitGTK (the engine of every iPhone webview) and Firefox ESR for `make test-engines`; WebKitGTK needs
  # a display, which xvfb gives it.
  for pkg in chromium chromium-driver fonts-noto-cjk webkit2gtk-driver firefox-esr xvfb xauth; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} from Debian"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}"
  fi
  chromium_major="$(/usr/bin/chromium --version | grep -o '[0-9]*' | head -1)"
  driver_major="$(/usr/bin/chromedriver --version | grep -o '[0-9]*' | head -1)"
  [ "$chromium_major" = "$driver_major" ] || { echo "chromium $chromium_major != chromedriver $driver_major" >&2; exit 1; }
  if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
    cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
  fi
fi
if [ "$mode" = "test" ]; then
  say "ready (test): trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt 132, geckodriver $GECKODRIVER_VERSION"
else
  say "ready ($mode): trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt 132"
fi
