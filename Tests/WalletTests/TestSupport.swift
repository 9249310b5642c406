import Foundation
import PSPCrypto
import PSPWallet

/// A fresh directory under the system temp dir, removed when the value goes.
final class TemporaryDirectory: @unchecked Sendable {
  let url: URL
  init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("psp-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Argon2id at its cheapest, so keystore tests take milliseconds; the real
/// defaults are exercised by the parameters' own tests and the benchmarks.
func fastArgon2id() -> Argon2idParameters { try! Argon2idParameters(iterations: 1, memoryBytes: 64 * 1024) }

func secret(_ text: String) -> SecureBytes { SecureBytes(copying: Array(text.utf8)) }

let acceptance = ConsentAcceptance(terms: .current, language: .french, acceptedAt: 1_790_000_000)

/// Whether `needle` occurs anywhere in the file's bytes.
func file(_ path: String, contains needle: [UInt8]) -> Bool {
  guard let data = FileManager.default.contents(atPath: path), !needle.isEmpty else { return false }
  let haystack = [UInt8](data)
  guard haystack.count >= needle.count else { return false }
  for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
    if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
  }
  return false
}
