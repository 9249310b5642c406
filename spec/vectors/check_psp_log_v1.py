#!/usr/bin/env python3
"""Checks spec/vectors/psp-log-v1.json from the text of spec/log.md alone.

An implementation independent of the Swift code: it shares no code with it and
was written from log.md (and the C2SP texts it cites). It recomputes, from the
file's `setup` (seeds, origin, wallets and their entries, the moves of each
epoch):

  - every leaf and root of the wallets' logs (RFC 9162, log.md §2.3);
  - the heads keys, heads leaves and map roots (log.md §3), from the definition;
  - the epoch log's roots and a witness's frontier (log.md §4, §6.4);
  - the checkpoint texts, and, if the `cryptography` package is installed, the
    Ed25519 note signatures and cosignatures byte for byte (Ed25519 is
    deterministic), the vkeys and key IDs (signed-note, tlog-cosignature);

and it plays a witness (log.md §6.3) on the three add-epoch bodies, decodes
and verifies the heads proofs (log.md §3.4) and the receipts (log.md §5), and
checks that every `expect-fail` case is refused.

Run from the repository root (Python 3.9 or later):

    python3 spec/vectors/check_psp_log_v1.py

It prints one line per check and exits with status 1 if any fails. Without
`cryptography` (pip install cryptography) the signatures are skipped, and it
says so; every hash is still checked.
"""

import base64
import hashlib
import json
import os
import sys

try:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from cryptography.hazmat.primitives import serialization
    from cryptography.exceptions import InvalidSignature

    HAVE_ED25519 = True
except ImportError:  # pragma: no cover
    HAVE_ED25519 = False

HERE = os.path.dirname(os.path.abspath(__file__))
FAILURES = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else "  " + detail))
    if not ok:
        FAILURES.append(name)


class Refused(Exception):
    pass


def H(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


def u64(n):
    return n.to_bytes(8, "big")


# ---------------------------------------------------------------- log.md §2.3
# RFC 9162 §2.1, SHA-256. Leaves are entries; leaf hash HASH(00 || d).


def leaf_hash(entry):
    return H(b"\x00", entry)


def k_of(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaf_hashes):
    n = len(leaf_hashes)
    if n == 0:
        return H(b"")
    if n == 1:
        return leaf_hashes[0]
    k = k_of(n)
    return H(b"\x01", mth(leaf_hashes[:k]), mth(leaf_hashes[k:]))


def path(m, leaves):
    n = len(leaves)
    if n == 1:
        return []
    k = k_of(n)
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m, leaves, b):
    n = len(leaves)
    if m == n:
        return [] if b else [mth(leaves)]
    k = k_of(n)
    if m <= k:
        return subproof(m, leaves[:k], b) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def consistency(m, leaves):
    if m == 0 or m == len(leaves):
        return []
    return subproof(m, leaves, True)


def verify_inclusion(h, m, n, proof, root):
    if m < 0 or m >= n:
        return False
    fn, sn, x = m, n - 1, h
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 == 1 or fn == sn:
            x = H(b"\x01", p, x)
            if fn & 1 == 0:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            x = H(b"\x01", x, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and x == root


def verify_consistency(m, r1, n, r2, proof):
    if m < 0 or m > n:
        return False
    if m == n:
        return proof == [] and r1 == r2
    if m == 0:
        return proof == []
    p = list(proof)
    if m & (m - 1) == 0:
        p = [r1] + p
    if not p:
        return False
    fn, sn = m - 1, n - 1
    while fn & 1 == 1:
        fn >>= 1
        sn >>= 1
    fr = sr = p[0]
    for c in p[1:]:
        if sn == 0:
            return False
        if fn & 1 == 1 or fn == sn:
            fr = H(b"\x01", c, fr)
            sr = H(b"\x01", c, sr)
            if fn & 1 == 0:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = H(b"\x01", sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == r1 and sr == r2


# ------------------------------------------------------------------ log.md §3
EMPTY = bytes(32)


def heads_key(wallet):
    return H(b"PSP-v1/heads-key\x00", wallet)


def bit(key, depth):
    return (key[depth >> 3] >> (7 - (depth & 7))) & 1


def heads_leaf(key, size, root):
    return H(b"\x02", key, u64(size), root)


def node(left, right):
    return H(b"\x03", left, right)


def map_root(heads, depth=0):
    """heads: list of (key, size, root). The definition of log.md §3.2."""
    if not heads:
        return EMPTY
    if len(heads) == 1:
        k, s, r = heads[0]
        return heads_leaf(k, s, r)
    left = [h for h in heads if bit(h[0], depth) == 0]
    right = [h for h in heads if bit(h[0], depth) == 1]
    return node(map_root(left, depth + 1), map_root(right, depth + 1))


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        if n < 0 or len(self.data) - self.pos < n:
            raise Refused("truncated")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def uint(self, width):
        return int.from_bytes(self.take(width), "big")

    def finish(self):
        if self.pos != len(self.data):
            raise Refused("bytes after the end")


def read_head(r):
    size = r.uint(8)
    root = r.take(32)
    if size >= 2 ** 63:
        raise Refused("size")
    if size == 0 and root != H(b""):
        raise Refused("empty head")
    return (size, root)


def read_heads_proof(r):
    count = r.uint(2)
    if count > 256:
        raise Refused("more than 256 siblings")
    siblings = [r.take(32) for _ in range(count)]
    kind = r.uint(1)
    if kind == 0:
        terminal = ("empty",)
    elif kind == 1:
        terminal = ("head", read_head(r))
    elif kind == 2:
        other = r.take(32)
        terminal = ("other", other, read_head(r))
    else:
        raise Refused("terminal")
    return siblings, terminal


def fold(h, key, siblings):
    for depth in range(len(siblings) - 1, -1, -1):
        h = node(siblings[depth], h) if bit(key, depth) else node(h, siblings[depth])
    return h


def terminal_hash(key, siblings, terminal):
    if terminal[0] == "empty":
        return EMPTY
    if terminal[0] == "head":
        size, root = terminal[1]
        return heads_leaf(key, size, root)
    other, (size, root) = terminal[1], terminal[2]
    if other == key or any(bit(other, d) != bit(key, d) for d in range(len(siblings))):
        raise Refused("the other wallet must share the path and differ")
    return heads_leaf(other, size, root)


def proof_root(key, proof):
    siblings, terminal = proof
    return fold(terminal_hash(key, siblings, terminal), key, siblings)


def verify_heads_proof(key, proof, root):
    if proof_root(key, proof) != root:
        raise Refused("the heads proof does not lead to the root")
    return proof[1][1] if proof[1][0] == "head" else None


def root_setting(key, proof, size, root):
    siblings, terminal = proof
    leaf = heads_leaf(key, size, root)
    if terminal[0] in ("empty", "head"):
        return fold(leaf, key, siblings)
    terminal_hash(key, siblings, terminal)
    other, (osize, oroot) = terminal[1], terminal[2]
    split = len(siblings)
    while bit(other, split) == bit(key, split):
        split += 1
    other_leaf = heads_leaf(other, osize, oroot)
    inner = node(other_leaf, leaf) if bit(key, split) else node(leaf, other_leaf)
    for depth in range(split - 1, len(siblings) - 1, -1):
        inner = node(EMPTY, inner) if bit(key, depth) else node(inner, EMPTY)
    return fold(inner, key, siblings)


# ------------------------------------------------------------------ log.md §4
def read_update(data):
    r = Reader(data)
    key = r.take(32)
    proof = read_heads_proof(r)
    head = read_head(r)
    count = r.uint(1)
    if count > 63:
        raise Refused("more than 63 consistency hashes")
    proof_lines = [r.take(32) for _ in range(count)]
    r.finish()
    return key, proof, head, proof_lines


def apply_update(update, root):
    key, proof, (size, hroot), cons = update
    old = verify_heads_proof(key, proof, root)
    if old is not None:
        osize, oroot = old
        if not (osize <= size and verify_consistency(osize, oroot, size, hroot, cons)):
            raise Refused("head shrank or was rewritten")
    elif cons:
        raise Refused("a new wallet has no consistency proof")
    return root_setting(key, proof, size, hroot)


def frontier_append(frontier, size, map_root_bytes):
    carry = leaf_hash(map_root_bytes)
    n = size
    frontier = list(frontier)
    while n & 1:
        carry = H(b"\x01", frontier.pop(), carry)
        n >>= 1
    frontier.append(carry)
    return frontier, size + 1


def frontier_root(frontier):
    if not frontier:
        return H(b"")
    r = frontier[-1]
    for h in reversed(frontier[:-1]):
        r = H(b"\x01", h, r)
    return r


def b64(data):
    return base64.b64encode(data).decode()


def unb64(text):
    data = base64.b64decode(text, validate=True)
    if b64(data) != text:
        raise Refused("not canonical base64")
    return data


def checkpoint_text(origin, size, root):
    return "%s\n%d\n%s\n" % (origin, size, b64(root))


def parse_note(text):
    """signed-note: text, the last blank line, signature lines."""
    if not text.endswith("\n"):
        raise Refused("a note ends in a newline")
    cut = text.rindex("\n\n")
    body, block = text[:cut + 1], text[cut + 2:]
    sigs = []
    for line in block[:-1].split("\n"):
        if not line.startswith("\u2014 "):
            raise Refused("signature line")
        name, sig = line[2:].split(" ")
        raw = unb64(sig)
        sigs.append((name, raw[:4], raw[4:]))
    return body, sigs


def parse_checkpoint(body):
    lines = body[:-1].split("\n")
    size = lines[1]
    if not size.isdigit() or (len(size) > 1 and size[0] == "0"):
        raise Refused("size")
    root = unb64(lines[2])
    if len(root) != 32:
        raise Refused("root")
    return lines[0], int(size), root


def parse_add_epoch(text):
    lines = text.split("\n")
    if lines[0] != "psp-v1/add-epoch" or not lines[1].startswith("updates "):
        raise Refused("header")
    n = int(lines[1][8:])
    updates = [read_update(unb64(lines[2 + i])) for i in range(n)]
    rest = lines[2 + n:]
    if not rest[0].startswith("old "):
        raise Refused("old line")
    old = int(rest[0][4:])
    proof, i = [], 1
    while rest[i] != "":
        proof.append(unb64(rest[i]))
        i += 1
    note = "\n".join(rest[i + 1:])
    return updates, old, proof, note


def parse_tlog_proof(text):
    lines = text.split("\n")
    if lines[0] != "c2sp.org/tlog-proof@v1":
        raise Refused("header")
    i, extra = 1, None
    if lines[1].startswith("extra "):
        extra = unb64(lines[1][6:])
        i = 2
    if not lines[i].startswith("index "):
        raise Refused("index")
    index = int(lines[i][6:])
    proof = []
    i += 1
    while lines[i] != "":
        proof.append(unb64(lines[i]))
        i += 1
    return extra, index, proof, "\n".join(lines[i + 1:])


def read_extra(extra):
    r = Reader(extra)
    wallet = r.take(16)
    proof = read_heads_proof(r)
    kind = r.uint(1)
    entry = None
    if kind == 1:
        index = r.uint(8)
        count = r.uint(1)
        if count > 63:
            raise Refused("inclusion too long")
        inclusion = [r.take(32) for _ in range(count)]
        length = r.uint(4)
        if length > 1 << 20:
            raise Refused("entry too long")
        entry = (index, inclusion, r.take(length))
    elif kind != 0:
        raise Refused("kind")
    r.finish()
    return wallet, proof, entry


# ------------------------------------------------------------ signed notes
def key_id(name, sig_type, public):
    return H(name.encode(), b"\n", bytes([sig_type]), public)[:4]


def public_key(seed):
    private = Ed25519PrivateKey.from_private_bytes(seed)
    return private, private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def vkey(name, sig_type, public):
    return "%s+%s+%s" % (name, key_id(name, sig_type, public).hex(), b64(bytes([sig_type]) + public))


def ed25519_ok(public, signature, message):
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        return True
    except InvalidSignature:
        return False


def cosignature_message(body, timestamp):
    return ("cosignature/v1\ntime %d\n" % timestamp).encode() + body.encode()


def verify_note(body, sigs, log, witnesses, quorum):
    """tlog-proof steps 2 and 3: the log's signature, then k of n witnesses."""
    origin, size, root = parse_checkpoint(body)
    lname, lpub = log
    if origin != lname:
        raise Refused("unknown origin")
    logged = False
    cosigners = {}
    for name, kid, sig in sigs:
        if name == lname and kid == key_id(lname, 0x01, lpub):
            if not HAVE_ED25519 or ed25519_ok(lpub, sig, body.encode()):
                logged = True
            else:
                raise Refused("the log's signature fails")
        for wname, wpub in witnesses:
            if name == wname and kid == key_id(wname, 0x04, wpub):
                t = int.from_bytes(sig[:8], "big")
                if HAVE_ED25519 and not ed25519_ok(wpub, sig[8:], cosignature_message(body, t)):
                    raise Refused("a cosignature fails")
                cosigners.setdefault(wname, t)
    if not logged:
        raise Refused("not signed by the log")
    if len(cosigners) < quorum:
        raise Refused("quorum")
    return size, root, cosigners


def verify_wallet_proof(text, wallet, log, witnesses, quorum):
    """log.md §5.3."""
    extra, index, epoch_path, note = parse_tlog_proof(text)
    if extra is None:
        raise Refused("no extra data")
    w, proof, entry = read_extra(extra)
    if w != wallet:
        raise Refused("another wallet")
    if proof[1][0] != "head":
        raise Refused("the wallet is not in the map")
    size, root = proof[1][1]
    if entry is not None:
        i, inclusion, data = entry
        if not (i < size and verify_inclusion(leaf_hash(data), i, size, inclusion, root)):
            raise Refused("the entry is not in the head")
    mroot = proof_root(heads_key(wallet), proof)
    body, sigs = parse_note(note)
    csize, croot, cosigners = verify_note(body, sigs, log, witnesses, quorum)
    if not verify_inclusion(leaf_hash(mroot), index, csize, epoch_path, croot):
        raise Refused("the map root is not in the epoch log")
    return index, csize, (size, root), entry, cosigners


def main():
    with open(os.path.join(HERE, "psp-log-v1.json"), encoding="utf-8") as f:
        vectors = json.load(f)
    setup = vectors["setup"]
    out = {t["name"]: t for t in vectors["tests"]}

    def output(name):
        return out[name]["output"]

    origin = setup["log-origin"]
    wallets = {n: bytes.fromhex(w["id"]) for n, w in setup["wallets"].items()}
    entries = {n: [e.encode() for e in w["entries"]] for n, w in setup["wallets"].items()}
    leaves = {n: [leaf_hash(e) for e in es] for n, es in entries.items()}

    # §2.3 and §3: the wallets' heads after the last epoch, the keys, the leaves.
    sizes = {}
    for moves in setup["epochs"]:
        sizes.update(moves)
    for n in sorted(wallets):
        key = heads_key(wallets[n])
        root = mth(leaves[n][:sizes[n]])
        check("heads-key-" + n, key.hex() == output("heads-key-" + n))
        check("wallet-root-" + n, root.hex() == output("wallet-root-" + n))
        check("heads-leaf-" + n, heads_leaf(key, sizes[n], root).hex() == output("heads-leaf-" + n))

    # §3, §4: the map after each epoch, from the definition; the epoch log.
    current, map_roots = {}, []
    for moves in setup["epochs"]:
        current.update(moves)
        heads = [(heads_key(wallets[n]), s, mth(leaves[n][:s])) for n, s in current.items()]
        map_roots.append(map_root(heads))
    for i, r in enumerate(map_roots):
        check("map-root-epoch-%d" % i, r.hex() == output("map-root-epoch-%d" % i))
    epoch_leaves = [leaf_hash(r) for r in map_roots]
    for size in range(1, len(map_roots) + 1):
        check("epoch-root-size-%d" % size, mth(epoch_leaves[:size]).hex() == output("epoch-root-size-%d" % size))
    frontier, fsize = [], 0
    for r in map_roots:
        frontier, fsize = frontier_append(frontier, fsize, r)
    check("witness-frontier-size-3", (u64(fsize) + b"".join(frontier)).hex() == output("witness-frontier-size-3"))
    check("frontier root", frontier_root(frontier) == mth(epoch_leaves))

    # Checkpoint texts, keys and signatures.
    for size in range(1, len(map_roots) + 1):
        body, sigs = parse_note(output("checkpoint-note-size-%d" % size))
        check("checkpoint-note-size-%d text" % size, body == checkpoint_text(origin, size, mth(epoch_leaves[:size])))
    log_seed = bytes.fromhex(setup["log-seed"])
    witness_setup = setup["witnesses"]
    if HAVE_ED25519:
        log_private, log_public = public_key(log_seed)
        check("log-vkey", vkey(origin, 0x01, log_public) == output("log-vkey"))
        witnesses = []
        for i, w in enumerate(witness_setup):
            wprivate, wpublic = public_key(bytes.fromhex(w["seed"]))
            witnesses.append((w["name"], wpublic))
            check("witness-vkey-w%d" % (i + 1), vkey(w["name"], 0x04, wpublic) == output("witness-vkey-w%d" % (i + 1)))
            body, _ = parse_note(output("checkpoint-note-size-3"))
            t = int(w["timestamp"])
            line = "\u2014 %s %s\n" % (
                w["name"], b64(key_id(w["name"], 0x04, wpublic) + u64(t) + wprivate.sign(cosignature_message(body, t))))
            check("cosignature-w%d-size-3" % (i + 1), line == output("cosignature-w%d-size-3" % (i + 1)))
        for size in range(1, len(map_roots) + 1):
            body, sigs = parse_note(output("checkpoint-note-size-%d" % size))
            line = "\u2014 %s %s\n" % (origin, b64(key_id(origin, 0x01, log_public) + log_private.sign(body.encode())))
            check("checkpoint-note-size-%d signature" % size, output("checkpoint-note-size-%d" % size) == body + "\n" + line)
        body, sigs = parse_note(output("checkpoint-cosigned-size-3"))
        try:
            verify_note(body, sigs, (origin, log_public), witnesses, 2)
            check("checkpoint-cosigned-size-3 (2 of 2)", True)
        except Refused as e:
            check("checkpoint-cosigned-size-3 (2 of 2)", False, str(e))
        bad = output("cosignature-w1-size-3-time-changed")
        try:
            verify_note(body, parse_note(body + "\n" + bad)[1], (origin, log_public), witnesses, 1)
            check("cosignature-w1-size-3-time-changed refused", False)
        except Refused:
            check("cosignature-w1-size-3-time-changed refused", True)
    else:
        print("skip signatures: the Python package `cryptography` is not installed")
        log_public = None
        witnesses = [(w["name"], None) for w in witness_setup]

    # §6.3: a witness replays the three epochs from the empty map.
    state_root, stored_size, stored_root, wfrontier, wsize = EMPTY, 0, H(b""), [], 0
    after_epoch_1 = None
    for epoch in range(len(map_roots)):
        updates, old, proof, note = parse_add_epoch(output("add-epoch-%d" % epoch))
        body, sigs = parse_note(note)
        corigin, csize, croot = parse_checkpoint(body)
        ok = old == stored_size and csize == old + 1 and corigin == origin
        ok = ok and (proof == [] if old == 0 else verify_consistency(stored_size, stored_root, csize, croot, proof))
        seen = set()
        root = state_root
        for u in updates:
            ok = ok and u[0] not in seen
            seen.add(u[0])
            root = apply_update(u, root)
        nf, nsize = frontier_append(wfrontier, wsize, root)
        ok = ok and nsize == csize and frontier_root(nf) == croot and root == map_roots[epoch]
        check("add-epoch-%d replayed" % epoch, ok)
        if epoch == 1:
            after_epoch_1 = (root, csize, croot, nf, nsize)
        state_root, stored_size, stored_root, wfrontier, wsize = root, csize, croot, nf, nsize
    key_b = heads_key(wallets["B"])
    update = read_update(bytes.fromhex(output("heads-update-epoch-0-B")))
    check("heads-update-epoch-0-B decodes (B beside A)", update[0] == key_b and update[1][1][0] == "other")
    for name in ["add-epoch-2-head-shrinks", "add-epoch-2-history-rewritten"]:
        root, size, croot, nf, nsize = after_epoch_1
        updates, old, proof, note = parse_add_epoch(output(name))
        try:
            for u in updates:
                root = apply_update(u, root)
            check(name + " refused", False)
        except Refused:
            check(name + " refused", True)

    # §3.4: heads proofs in the map after epoch 2.
    root2 = map_roots[-1]
    pa = read_heads_proof(Reader(bytes.fromhex(output("heads-proof-A"))))
    check("heads-proof-A", verify_heads_proof(heads_key(wallets["A"]), pa, root2) == (sizes["A"], mth(leaves["A"][:sizes["A"]])))
    for name, kind in [("D", "empty"), ("E", "other")]:
        key = heads_key(bytes.fromhex(setup["absent"][name]))
        r = Reader(bytes.fromhex(output("heads-proof-absent-" + name)))
        p = read_heads_proof(r)
        r.finish()
        check("heads-proof-absent-" + name, p[1][0] == kind and verify_heads_proof(key, p, root2) is None)

    # §5: the receipt and the head proof.
    log = (origin, log_public) if HAVE_ED25519 else (origin, None)
    quorum = 2 if HAVE_ED25519 else 0
    index, csize, head, entry, cos = verify_wallet_proof(output("receipt-A-4"), wallets["A"], log, witnesses, quorum)
    check("receipt-A-4", index == csize - 1 == 2 and head[0] == 5 and entry[0] == 4 and entry[2] == entries["A"][4])
    extra, _, _, _ = parse_tlog_proof(output("receipt-A-4"))
    check("receipt-A-4-extra", extra.hex() == output("receipt-A-4-extra"))
    index, csize, head, entry, cos = verify_wallet_proof(output("head-proof-B"), wallets["B"], log, witnesses, quorum)
    check("head-proof-B", entry is None and head == (4, mth(leaves["B"][:4])))
    for name, wallet in [("receipt-A-4-entry-changed", "A"), ("receipt-A-4-as-wallet-B", "B")]:
        try:
            verify_wallet_proof(output(name), wallets[wallet], log, witnesses, quorum)
            check(name + " refused", False)
        except Refused:
            check(name + " refused", True)

    print("%d check(s) failed" % len(FAILURES) if FAILURES else "all checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
