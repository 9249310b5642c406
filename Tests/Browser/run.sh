#!/usr/bin/env bash
# The browser tests (Tests/Browser/README.md): headless Chromium, driven by
# Selenium, plays the demo story through `wallet-cli app --demo`'s pages.
# Installs what is missing (Debian packages, a venv with pinned Python
# packages, axe-core), builds wallet-cli if needed, runs the tests.
#   Tests/Browser/run.sh              every test
#   Tests/Browser/run.sh -k sheets    pytest's arguments
# PSP_SCREENSHOTS: where the screenshots go (default .build/browser-screenshots).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
venv="$root/.build/browser-venv"
axe_wheel_version="0.1.8" # axe-playwright-python, which bundles axe-core 4.12.1 (MPL-2.0)
axe_sha256="84494fec757e4710dc751c8d7a636e457f4532f08f85c86dc9070133fbff53bc"

# 1. Debian packages, only those missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser tests: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. The venv, with the pinned packages (requirements.txt), once.
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s Tests/Browser/requirements.txt "$venv/.requirements" 2>/dev/null; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r Tests/Browser/requirements.txt
  cp Tests/Browser/requirements.txt "$venv/.requirements"
fi

# 3. axe-core, the one file, from the PyPI wheel that bundles it (checked).
if ! echo "$axe_sha256  $venv/axe.min.js" | sha256sum -c --status 2>/dev/null; then
  wheels="$(mktemp -d)"
  "$venv/bin/pip" download -q --disable-pip-version-check --no-deps \
    "axe-playwright-python==$axe_wheel_version" -d "$wheels"
  "$venv/bin/python" - "$wheels" "$venv/axe.min.js" <<'EOF'
import pathlib, sys, zipfile
wheel = next(pathlib.Path(sys.argv[1]).glob("*.whl"))
with zipfile.ZipFile(wheel) as z:
    pathlib.Path(sys.argv[2]).write_bytes(z.read("axe_playwright_python/axe.min.js"))
EOF
  rm -rf "$wheels"
  echo "$axe_sha256  $venv/axe.min.js" | sha256sum -c --status \
    || { echo "browser tests: axe.min.js is not the expected axe-core 4.12.1" >&2; exit 1; }
fi

# 4. wallet-cli (swift build does nothing when it is up to date).
build_log="$(mktemp)"
if ! swift build --product wallet-cli >"$build_log" 2>&1; then
  tail -30 "$build_log" >&2
  rm -f "$build_log"
  echo "browser tests: wallet-cli did not build" >&2
  exit 1
fi
rm -f "$build_log"
bin="$(swift build --show-bin-path)"

# 5. The tests.
export PSP_WALLET_CLI="$bin/wallet-cli"
export PYTHONDONTWRITEBYTECODE=1 # nothing written beside the tests
export PSP_AXE="$venv/axe.min.js"
export PSP_SCREENSHOTS="${PSP_SCREENSHOTS:-$root/.build/browser-screenshots}"
mkdir -p "$PSP_SCREENSHOTS"
echo "browser tests: $(chromium --version 2>/dev/null | head -1), screenshots in $PSP_SCREENSHOTS"
status=0
timeout 600 "$venv/bin/python" -m pytest -p no:cacheprovider -q -rfEsx Tests/Browser "$@" \
  || status=$?
case "$status" in
  0) ;;
  5) echo "browser tests: no test ran" >&2 ;;
  124) echo "browser tests: stopped after 10 minutes" >&2 ;;
esac
exit "$status"
