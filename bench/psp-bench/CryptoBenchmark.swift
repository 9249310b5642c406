import CSodium
import Foundation
import PSPCrypto

/// The PSPCrypto API against the libsodium call it wraps, same inputs, same
/// machine, interleaved run by run so that drift (other work on the machine,
/// frequency changes) hits both sides alike. The raw side does exactly what
/// the API promises and no more: it draws a fresh nonce where the API does,
/// but writes into buffers allocated once, where the API returns new arrays or
/// guarded memory. The ratio is therefore the whole cost of the safe API.
enum CryptoBenchmark {
  struct Case {
    let name: String
    let swift: () -> Void
    let raw: () -> Void
  }

  static func run(runs: Int, seconds: Double) throws {
    guard sodium_init() >= 0 else { throw BenchError.setup("libsodium does not initialise") }
    print("## crypto: PSPCrypto vs raw libsodium")
    print("")
    print(
      "Median of \(runs) runs of ≥ \(format(seconds, 1)) s each per side, Swift and raw runs interleaved."
    )
    print("")
    var table = MarkdownTable(
      "operation", "PSPCrypto ns/op", "raw libsodium ns/op", "ratio", "≤ 1.1×")
    for benchmark in try cases() {
      var swift: [Double] = []
      var raw: [Double] = []
      for run in 0..<runs {
        // Alternate which side goes first, so neither always runs warmer.
        if run % 2 == 0 {
          swift.append(nanosecondsPerCall(seconds: seconds, benchmark.swift))
          raw.append(nanosecondsPerCall(seconds: seconds, benchmark.raw))
        } else {
          raw.append(nanosecondsPerCall(seconds: seconds, benchmark.raw))
          swift.append(nanosecondsPerCall(seconds: seconds, benchmark.swift))
        }
      }
      let s = Samples(swift).median
      let r = Samples(raw).median
      table.add(
        benchmark.name, format(s, 0), format(r, 0), format(s / r, 2) + "×",
        s / r <= 1.1 ? "yes" : "no")
    }
    table.print()
  }

  static func cases() throws -> [Case] {
    try aeadCases(size: 64) + aeadCases(size: 4096) + signatureCases() + sealedBoxCases()
      + hashCases(size: 64) + hashCases(size: 4096) + macCases()
  }

  static func aeadCases(size: Int) throws -> [Case] {
    let key = SymmetricKey()
    let rawKey = key.withUnsafeBytes { Array($0) }
    let message = randomBytes(size)
    let ad = randomBytes(32)
    let sealed = try XChaCha20Poly1305.seal(message, using: key, authenticating: ad)
    let combined = sealed.ciphertextAndTag
    let nonce = sealed.nonce.bytes
    var rawNonce = [UInt8](repeating: 0, count: 24)
    var out = [UInt8](repeating: 0, count: size + 16)
    var plain = [UInt8](repeating: 0, count: size)
    var length: UInt64 = 0
    let label = size >= 1024 ? "\(size / 1024) KiB" : "\(size) B"
    return [
      Case(
        name: "XChaCha20-Poly1305 seal \(label)",
        swift: { blackHole(try! XChaCha20Poly1305.seal(message, using: key, authenticating: ad)) },
        raw: {
          randombytes_buf(&rawNonce, 24)
          _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
            &out, &length, message, UInt64(size), ad, UInt64(ad.count), nil, rawNonce, rawKey)
        }),
      Case(
        name: "XChaCha20-Poly1305 open \(label)",
        swift: { blackHole(try! XChaCha20Poly1305.open(sealed, using: key, authenticating: ad)) },
        raw: {
          let code = crypto_aead_xchacha20poly1305_ietf_decrypt(
            &plain, &length, nil, combined, UInt64(combined.count), ad, UInt64(ad.count), nonce,
            rawKey)
          precondition(code == 0)
        }),
    ]
  }

  static func signatureCases() throws -> [Case] {
    let key = SigningKey()
    let rawSecret = key.secretKey.withUnsafeBytes { Array($0) }
    let publicKey = key.publicKey
    let message = randomBytes(64)
    let signature = key.signature(for: message)
    var out = [UInt8](repeating: 0, count: 64)
    return [
      Case(
        name: "Ed25519 sign 64 B", swift: { blackHole(key.signature(for: message)) },
        raw: { _ = crypto_sign_detached(&out, nil, message, 64, rawSecret) }),
      Case(
        name: "Ed25519 verify 64 B",
        swift: { precondition(publicKey.isValidSignature(signature, for: message)) },
        raw: {
          precondition(
            crypto_sign_verify_detached(signature.bytes, message, 64, publicKey.bytes) == 0)
        }),
    ]
  }

  static func sealedBoxCases() throws -> [Case] {
    let recipient = AgreementKey()
    let rawSecret = recipient.withUnsafeSecretBytes { Array($0) }
    let publicKey = recipient.publicKey
    let message = randomBytes(32)
    let box = try SealedBox.seal(message, to: publicKey)
    var out = [UInt8](repeating: 0, count: 32 + 48)
    var plain = [UInt8](repeating: 0, count: 32)
    return [
      Case(
        name: "sealed box seal 32 B",
        swift: { blackHole(try! SealedBox.seal(message, to: publicKey)) },
        raw: { _ = crypto_box_seal(&out, message, 32, publicKey.bytes) }),
      Case(
        name: "sealed box open 32 B",
        swift: { blackHole(try! SealedBox.open(box, with: recipient)) },
        raw: {
          precondition(
            crypto_box_seal_open(&plain, box, UInt64(box.count), publicKey.bytes, rawSecret) == 0)
        }),
    ]
  }

  static func hashCases(size: Int) -> [Case] {
    let message = randomBytes(size)
    var out = [UInt8](repeating: 0, count: 32)
    let label = size >= 1024 ? "\(size / 1024) KiB" : "\(size) B"
    return [
      Case(
        name: "BLAKE2b-256 \(label)", swift: { blackHole(try! BLAKE2b.hash([message])) },
        raw: { _ = crypto_generichash(&out, 32, message, UInt64(size), nil, 0) })
    ]
  }

  /// The keyed BLAKE2b-256 that authenticates every request to walletd.
  static func macCases() -> [Case] {
    let key = SymmetricKey()
    let rawKey = key.withUnsafeBytes { Array($0) }
    let message = randomBytes(256)
    var out = [UInt8](repeating: 0, count: 32)
    return [
      Case(
        name: "BLAKE2b-256 keyed (request MAC) 256 B",
        swift: { blackHole(BLAKE2b.mac([message], key: key)) },
        raw: { _ = crypto_generichash(&out, 32, message, 256, rawKey, 32) })
    ]
  }
}

enum BenchError: Error, CustomStringConvertible {
  case setup(String)
  var description: String {
    switch self {
    case .setup(let why): "psp-bench: \(why)"
    }
  }
}
