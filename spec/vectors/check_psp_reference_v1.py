#!/usr/bin/env python3
"""Checks spec/vectors/psp-reference-v1.json against spec/reference.md alone
(written from the spec, not from the Swift code): every valid reference and
every typed form reads back to the wallet and owner digest given, the owner
digest is the first 16 bytes of the k4.pid digest, and every invalid text is
refused with the error named. Python 3 standard library only."""
import base64, json, os, sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

def read(text):
    values = []
    for ch in text:
        if ch in " \t-":
            continue
        ch = ch.upper() if "a" <= ch <= "z" else ch
        ch = {"I": "1", "L": "1", "O": "0"}.get(ch, ch)
        values.append(ALPHABET.index(ch) if ch in ALPHABET else -1)
    prefix = [ALPHABET.index(c) for c in "PSP"]
    if values[:3] != prefix:
        return "not-a-reference"
    if len(values) != 3 + 54:
        return "wrong-length"
    if -1 in values:
        return "not-in-alphabet"
    remainder = 0
    for v in values:
        remainder = (remainder * 32 + v) % 1021
    if values[-2] * 32 + values[-1] >= 1021 or remainder != 0:
        return "mistyped"
    number = int("".join(format(v, "05b") for v in values[3:-2]), 2)
    if number & 0xF:
        return "mistyped"
    payload = (number >> 4).to_bytes(32, "big")
    return payload[:16], payload[16:]

def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "psp-reference-v1.json")
    vectors = json.load(open(path))
    for v in vectors["valid"]:
        pid = v["ownerKeyID"][len("k4.pid."):]
        digest = base64.urlsafe_b64decode(pid + "=" * (-len(pid) % 4))
        assert digest[:16].hex() == v["ownerDigest"], v["ownerKeyID"]
        for text in [v["reference"], v["canonical"]] + v["typed"]:
            wallet, owner = read(text)
            assert wallet.hex() == v["wallet"] and owner.hex() == v["ownerDigest"], text
        groups = v["reference"].split("-")
        assert groups[0] == "PSP" and "".join(groups[1:]) == v["canonical"][3:]
    for v in vectors["invalid"]:
        assert read(v["text"]) == v["error"], (v["text"], read(v["text"]))
    print("psp-reference-v1: %d valid, %d invalid: ok" % (len(vectors["valid"]), len(vectors["invalid"])))

if __name__ == "__main__":
    sys.exit(main())
