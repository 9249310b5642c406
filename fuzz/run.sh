#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a bounded time (FUZZ_SECONDS
# per target, default 60; FUZZ_TARGETS to choose, default all). Exits non-zero
# on any crash, hang or sanitizer report. See fuzz/README.md.
#
# The library modules are compiled by swiftc, not SwiftPM, each with
# -sanitize=fuzzer,address so libFuzzer sees their coverage. Hummingbird is
# never built: the request target takes only the WalletServer files that do
# not import it. SwiftPM's generated `Bundle.module` is replaced by
# fuzz/Support/*Bundle.swift, which point at the resources in Sources/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=.build/fuzz
modules=$out/modules
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-token records statements requests transparency}
export SWIFT_BACKTRACE=enable=no # libFuzzer and ASan report crashes; the Swift backtracer would only stall them
mkdir -p "$modules"
includes=(-I "$modules" -I Sources/CSodium -I Sources/CHygiene -I Sources/CSQLite)
flags=(-O -parse-as-library -swift-version 6 "${includes[@]}")

module() { # name, sources…
  local name=$1
  shift
  swiftc "${flags[@]}" -wmo -sanitize=fuzzer,address -module-name "$name" -emit-module -emit-library -static \
    -o "$modules/lib$name.a" -emit-module-path "$modules/$name.swiftmodule" "$@"
}
libraries=(-L "$modules" -lWalletAPI -lPSPConsent -lPSPWallet -lPSPCrypto -lsodium -lsqlite3)

# The token target keeps its first build: the crypto sources compiled in with it.
swiftc "${flags[@]}" -sanitize=fuzzer,address -module-name FuzzParsers \
  Sources/Crypto/*.swift Sources/Crypto/PASETO/*.swift fuzz/FuzzParsers.swift -lsodium -o "$out/fuzz-token"

module PSPCrypto Sources/Crypto/*.swift Sources/Crypto/PASETO/*.swift
module PSPWallet $(find Sources/Wallet -name '*.swift' | sort) "$root/fuzz/Support/WalletBundle.swift"
module PSPConsent $(find Sources/Consent -name '*.swift' | sort) "$root/fuzz/Support/ConsentBundle.swift"
module WalletAPI Sources/WalletAPI/*.swift
fixture=fuzz/Support/FuzzFixture.swift
swiftc "${flags[@]}" -sanitize=fuzzer,address -module-name FuzzRecords fuzz/FuzzRecords.swift "${libraries[@]}" \
  -o "$out/fuzz-records"
swiftc "${flags[@]}" -sanitize=fuzzer,address -module-name FuzzStatements fuzz/FuzzStatements.swift "$fixture" \
  "${libraries[@]}" -o "$out/fuzz-statements"
swiftc "${flags[@]}" -sanitize=fuzzer,address -module-name FuzzRequests fuzz/FuzzRequests.swift "$fixture" \
  Sources/WalletServer/HTTP/StrictJSON.swift Sources/WalletServer/Service/APIError.swift \
  Sources/WalletServer/Service/Caller.swift Sources/WalletServer/Auth/SessionTable.swift \
  Sources/WalletServer/Auth/ReplayWindow.swift Sources/WalletServer/Daemon/DaemonConfiguration.swift \
  Sources/WalletServer/Storage/StoreError.swift Sources/WalletServer/Storage/StoreLocation.swift \
  Sources/WalletServer/Storage/PostgresLocation.swift \
  "${libraries[@]}" -o "$out/fuzz-requests"
module PSPTransparency $(find Sources/Transparency -name '*.swift' | sort)
swiftc "${flags[@]}" -sanitize=fuzzer,address -module-name FuzzTransparency fuzz/FuzzTransparency.swift \
  -L "$modules" -lPSPTransparency "${libraries[@]}" -o "$out/fuzz-transparency"
# The seed generator has its own main, so it links ASan only (the coverage
# hooks the modules call are ASan's no-op defaults there).
swiftc "${flags[@]}" -sanitize=address -module-name SeedCorpus fuzz/SeedCorpus.swift "$fixture" "${libraries[@]}" \
  -o "$out/seed-corpus"

# Seed corpora: the tokens and PASERK strings of the PASETO vectors in Tests/Vectors, and one
# valid input per parser for the other targets.
mkdir -p fuzz/corpus/token
python3 - <<'PY'
import json, glob, hashlib, os
for path in glob.glob("Tests/Vectors/paseto/*.json"):
    for t in json.load(open(path))["tests"]:
        for k in ("token", "paserk"):
            v = t.get(k)
            if v:
                name = hashlib.sha1(v.encode()).hexdigest()
                open(os.path.join("fuzz/corpus/token", name), "w").write(v)
PY
# The witnessed log's seeds: the vectors of spec/vectors/psp-log-v1.json, each
# behind the selector of its parser (fuzz/FuzzTransparency.swift).
mkdir -p fuzz/corpus/transparency
python3 - <<'PY'
import json, hashlib, os
kinds = [("add-epoch", 0, "text"), ("receipt-", 1, "text"), ("head-proof", 1, "text"),
         ("heads-proof", 2, "hex"), ("heads-update", 3, "hex"), ("checkpoint-", 4, "text")]
for t in json.load(open("spec/vectors/psp-log-v1.json"))["tests"]:
    for prefix, selector, form in kinds:
        if t["name"].startswith(prefix) and isinstance(t.get("output"), str):
            body = t["output"].encode() if form == "text" else bytes.fromhex(t["output"])
            data = bytes([selector]) + body
            open(os.path.join("fuzz/corpus/transparency", hashlib.sha1(data).hexdigest()), "wb").write(data)
            break
PY
"$out/seed-corpus" fuzz/corpus

status=0
for target in $targets; do
  echo "== fuzz-$target: $seconds s"
  set +e
  "$out/fuzz-$target" -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix="$out/crash-$target-" "fuzz/corpus/$target" 2>&1 | tee "$out/fuzz-$target.log" |
    grep -E "^Done [0-9]+ runs|ERROR|Fatal error|deadly signal|timeout"
  code=${PIPESTATUS[0]}
  set -e
  if [ "$code" -ne 0 ]; then
    echo "fuzz-$target FAILED; reproducer: $(ls -t "$out"/crash-"$target"-* 2>/dev/null | head -1)" >&2
    tail -30 "$out/fuzz-$target.log" >&2
    status=1
  fi
done
exit $status
