import Foundation
import PSPCrypto
import Testing

@testable import PSPWallet

/// The reference a citizen gives their personne de confiance (spec/reference.md):
/// it reads back whatever the case, spaces and dashes, and every single wrong
/// character, every swap of neighbours and every truncation is refused.
@Suite("Wallet reference")
struct WalletReferenceTests {
  static func seedKey(_ byte: UInt8) throws -> SigningKey {
    try SigningKey(seed: SecureBytes(copying: [UInt8](repeating: byte, count: 32)))
  }

  static func sample() throws -> WalletReference {
    WalletReference(wallet: try WalletID(bytes: Array(0..<16)), owner: try seedKey(1).publicKey)
  }

  @Test func roundTrip() throws {
    for _ in 0..<50 {
      let owner = SigningKey().publicKey
      let reference = WalletReference(wallet: WalletID(), owner: owner)
      let read = try WalletReference(reference.description)
      #expect(read == reference)
      #expect(read.matches(owner))
      #expect(!read.matches(SigningKey().publicKey))
      #expect(try WalletReference(reference.canonical) == reference)
    }
  }

  @Test func printedForm() throws {
    let text = try Self.sample().description
    #expect(text.hasPrefix("PSP-"))
    #expect(text.count == 4 + 54 + 13)
    let groups = text.split(separator: "-")
    #expect(groups.count == 15)
    #expect(groups.dropFirst().dropLast().allSatisfy { $0.count == 4 })
    #expect(groups.last?.count == 2)
  }

  /// The key id printed by `procuration create` gives the same reference as the key.
  @Test func fromKeyID() throws {
    let owner = try Self.seedKey(1).publicKey
    let wallet = try WalletID(bytes: Array(0..<16))
    let fromID = try WalletReference(wallet: wallet, ownerKeyID: Paserk.identifier(of: owner))
    #expect(fromID == WalletReference(wallet: wallet, owner: owner))
    #expect(throws: CryptoError.self) {
      try WalletReference(wallet: wallet, ownerKeyID: "k4.pid.short")
    }
  }

  @Test func caseSpacesDashesAndConfusables() throws {
    let reference = try Self.sample()
    let typed = reference.description.lowercased().replacingOccurrences(of: "-", with: " ")
    #expect(try WalletReference(typed) == reference)
    #expect(try WalletReference("  " + reference.canonical.lowercased() + "\t") == reference)
    #expect(
      try WalletReference(reference.description.replacingOccurrences(of: "-", with: "--"))
        == reference)
    // I and L are read as 1, O as 0 (Crockford).
    let confused = String(
      reference.canonical.dropFirst(3).map { $0 == "1" ? "l" : $0 == "0" ? "O" : $0 })
    #expect(confused != String(reference.canonical.dropFirst(3)))
    #expect(try WalletReference("psp " + confused) == reference)
  }

  /// Every character replaced by every other one of the alphabet (the prefix included).
  @Test func everySingleSubstitutionIsCaught() throws {
    let canonical = Array(try Self.sample().canonical)
    let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    var tried = 0
    for index in canonical.indices {
      for other in alphabet where other != canonical[index] {
        var typed = canonical
        typed[index] = other
        #expect(throws: WalletReference.Problem.self) { try WalletReference(String(typed)) }
        tried += 1
      }
    }
    #expect(tried == 57 * 31)
  }

  @Test func everyAdjacentSwapIsCaught() throws {
    for _ in 0..<20 {
      let canonical = Array(
        WalletReference(wallet: WalletID(), owner: SigningKey().publicKey).canonical)
      for index in canonical.indices.dropLast() where canonical[index] != canonical[index + 1] {
        var typed = canonical
        typed.swapAt(index, index + 1)
        #expect(throws: WalletReference.Problem.self) { try WalletReference(String(typed)) }
      }
    }
  }

  @Test func truncationAndExtension() throws {
    let canonical = try Self.sample().canonical
    for count in 0..<canonical.count {
      #expect(throws: WalletReference.Problem.self) {
        try WalletReference(String(canonical.prefix(count)))
      }
    }
    #expect(throws: WalletReference.Problem.wrongLength(53)) {
      try WalletReference(String(canonical.dropLast()))
    }
    #expect(throws: WalletReference.Problem.wrongLength(55)) {
      try WalletReference(canonical + "0")
    }
  }

  @Test func refusals() throws {
    let canonical = try Self.sample().canonical
    #expect(throws: WalletReference.Problem.notAReference) {
      try WalletReference("PSQ" + canonical.dropFirst(3))
    }
    #expect(throws: WalletReference.Problem.notAReference) {
      try WalletReference(String(canonical.dropFirst(3)))
    }
    #expect(throws: WalletReference.Problem.notAReference) {
      try WalletReference("vlHO_Ne7A_-aKaHZ9W-UbA")
    }
    #expect(throws: WalletReference.Problem.notInAlphabet) {
      try WalletReference(String(canonical.dropLast()) + "U")
    }
    #expect(throws: WalletReference.Problem.notInAlphabet) {
      try WalletReference(canonical.prefix(10) + "." + canonical.dropFirst(11))
    }
    var mistyped = Array(canonical)
    mistyped[20] = mistyped[20] == "A" ? "B" : "A"
    #expect(throws: WalletReference.Problem.mistyped) { try WalletReference(String(mistyped)) }
  }

  /// A check value of 1021 to 1023 (ZX, ZY, ZZ) is never written, so never read.
  @Test func nonCanonicalCheckIsRefused() throws {
    let canonical = try Self.sample().canonical
    let body = Array(canonical.dropLast(2))
    let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    let values = body.map { alphabet.firstIndex(of: $0)! }
    let remainder = WalletReference.remainder(values + [0, 0])
    // The check plus 1021 is congruent, but not canonical when it fits in two characters.
    let check = (1021 - remainder) % 1021
    guard check + 1021 < 1024 else { return }
    let high = check + 1021
    let typed = String(body) + String(alphabet[high / 32]) + String(alphabet[high % 32])
    #expect(throws: WalletReference.Problem.mistyped) { try WalletReference(typed) }
  }

  // MARK: vectors (spec/vectors/psp-reference-v1.json)

  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("spec/vectors/psp-reference-v1.json")

  struct Valid: Codable, Equatable {
    let wallet: String
    let walletID: String
    let ownerSeed: String
    let ownerKeyID: String
    let ownerDigest: String
    let canonical: String
    let reference: String
    let typed: [String]
  }

  struct Invalid: Codable, Equatable {
    let text: String
    let error: String
  }

  struct File: Codable, Equatable {
    let name: String
    let note: String
    let valid: [Valid]
    let invalid: [Invalid]
  }

  static func generate() throws -> File {
    var valid: [Valid] = []
    for (walletBytes, seed) in [
      (Array(UInt8(0)..<16), UInt8(1)), ([UInt8](repeating: 0xff, count: 16), 2),
      ([UInt8](repeating: 0, count: 16), 3),
    ] {
      let wallet = try WalletID(bytes: walletBytes)
      let owner = try seedKey(seed).publicKey
      let reference = WalletReference(wallet: wallet, owner: owner)
      let body = reference.canonical.dropFirst(3)
      valid.append(
        Valid(
          wallet: Encoding.hex(walletBytes), walletID: wallet.description,
          ownerSeed: Encoding.hex([UInt8](repeating: seed, count: 32)),
          ownerKeyID: Paserk.identifier(of: owner),
          ownerDigest: Encoding.hex(reference.ownerDigest),
          canonical: reference.canonical, reference: reference.description,
          typed: [
            reference.description.lowercased().replacingOccurrences(of: "-", with: " "),
            "psp" + body.map { $0 == "1" ? "L" : $0 == "0" ? "o" : $0 },
          ]))
    }
    let first = valid[0].canonical
    var swapped = Array(first)
    swapped.swapAt(10, 11)
    var substituted = Array(first)
    substituted[30] = substituted[30] == "Q" ? "R" : "Q"
    func name(_ text: String) -> String {
      do {
        _ = try WalletReference(text)
        return "none"
      } catch {
        switch error {
        case .notAReference: return "not-a-reference"
        case .wrongLength: return "wrong-length"
        case .notInAlphabet: return "not-in-alphabet"
        case .mistyped: return "mistyped"
        }
      }
    }
    let invalid = [
      String(substituted), String(swapped), String(first.dropLast()), first + "0",
      "PSQ" + first.dropFirst(3), String(first.dropLast()) + "U", valid[0].walletID,
    ].map { Invalid(text: $0, error: name($0)) }
    return File(
      name: "psp-reference-v1",
      note:
        "Wallet references (spec/reference.md), generated by Tests/WalletTests/WalletReferenceTests.swift. Owner keys are Ed25519 keys from the 32-byte seed shown; ownerDigest is the first 16 bytes of the k4.pid digest. Every 'typed' text reads as 'canonical'; every 'invalid' text is refused with 'error'.",
      valid: valid, invalid: invalid)
  }

  /// To regenerate after a deliberate format change: PSP_WRITE_VECTORS=1 swift test --filter WalletReferenceTests
  @Test func vectors() throws {
    let generated = try Self.generate()
    if ProcessInfo.processInfo.environment["PSP_WRITE_VECTORS"] == "1" {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      try encoder.encode(generated).write(to: Self.file)
    }
    let committed = try JSONDecoder().decode(File.self, from: Data(contentsOf: Self.file))
    #expect(committed == generated)
    // The committed vectors read back independently of how they were made.
    for vector in committed.valid {
      let wallet = try WalletID(bytes: Encoding.fromHex(vector.wallet))
      let owner = try SigningKey(seed: SecureBytes(copying: Encoding.fromHex(vector.ownerSeed)))
        .publicKey
      for text in [vector.reference, vector.canonical] + vector.typed {
        let read = try WalletReference(text)
        #expect(read.wallet == wallet)
        #expect(read.matches(owner))
        #expect(Encoding.hex(read.ownerDigest) == vector.ownerDigest)
        #expect(read.canonical == vector.canonical)
      }
      #expect(vector.ownerKeyID.hasPrefix("k4.pid."))
    }
    #expect(committed.invalid.allSatisfy { $0.error != "none" })
  }
}
