#!/usr/bin/env bash
# Builds the libFuzzer target with the crypto sources and runs it for a bounded
# time (default 60 s; FUZZ_SECONDS to change). Exits non-zero on any crash.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out" fuzz/corpus/token
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name FuzzParsers \
  -I Sources/CSodium -I Sources/CHygiene Sources/Crypto/*.swift Sources/Crypto/PASETO/*.swift fuzz/FuzzParsers.swift \
  -lsodium -o "$out/fuzz-parsers"
# Seed corpus: the shared PASETO vectors' tokens and PASERK strings.
python3 - <<'PY'
import json, glob, hashlib, os
for path in glob.glob("../shared/vectors/paseto/*.json"):
    for t in json.load(open(path))["tests"]:
        for k in ("token", "paserk"):
            v = t.get(k)
            if v:
                name = hashlib.sha1(v.encode()).hexdigest()
                open(os.path.join("fuzz/corpus/token", name), "w").write(v)
PY
"$out/fuzz-parsers" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -timeout=5 fuzz/corpus/token
