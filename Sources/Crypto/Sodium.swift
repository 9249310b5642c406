import CSodium

/// libsodium must be initialised once before any other call; `sodium_init` is
/// idempotent and thread-safe, and a static `let` runs it exactly once.
enum Sodium {
  private static let initialised: Bool = sodium_init() >= 0

  /// Every public entry point that reaches libsodium goes through this first.
  static func ensureInitialised() throws(CryptoError) {
    guard initialised else { throw .libraryUnavailable }
  }

  /// Turns a libsodium return code into a typed error at the boundary.
  static func check(_ code: Int32, _ error: CryptoError) throws(CryptoError) {
    guard code == 0 else { throw error }
  }
}

// Guarded buffers always have a base address (`SecureBytes` allocates at least
// one byte), so these views are safe on them; never use them on a Swift array.
extension UnsafeRawBufferPointer {
  var bytePointer: UnsafePointer<UInt8> { baseAddress!.assumingMemoryBound(to: UInt8.self) }
}

extension UnsafeMutableRawBufferPointer {
  var bytePointer: UnsafeMutablePointer<UInt8> { baseAddress!.assumingMemoryBound(to: UInt8.self) }
}
