import CSodium

/// Secret bytes in libsodium guarded memory (`sodium_malloc`: guard pages,
/// `mlock`, a canary). The memory is zeroed and released by `sodium_free` when the
/// last reference goes. The bytes are reachable only inside `withUnsafeBytes`, so
/// no copy outlives the closure unless the caller makes one on purpose.
///
/// Immutable after initialisation, hence safe to share between tasks.
public final class SecureBytes: @unchecked Sendable {
  private let pointer: UnsafeMutableRawPointer
  public let count: Int

  /// Allocates `count` bytes and lets `initializer` fill them. If it throws, the
  /// memory is zeroed and released before the error propagates.
  public init<E: Error>(
    count: Int,
    initializer: (UnsafeMutableRawBufferPointer) throws(E) -> Void
  ) throws(E) {
    precondition(count >= 0)
    guard (try? Sodium.ensureInitialised()) != nil,
      let pointer = sodium_malloc(max(count, 1))
    else {
      // Allocation failure of guarded memory is not recoverable at this level.
      fatalError(CryptoError.outOfSecureMemory.description)
    }
    // The initializer runs before the stored properties are set: a throw from a
    // fully initialised class instance would also run `deinit`, freeing the
    // region a second time. Here the region is freed once, by this catch.
    do {
      try initializer(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    } catch {
      sodium_free(pointer)
      throw error
    }
    self.pointer = pointer
    self.count = count
  }

  /// Fresh random secret bytes from the system CSPRNG.
  public convenience init(randomCount count: Int) {
    self.init(count: count) { buffer in
      if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
    }
  }

  /// Copies `bytes` into guarded memory. The caller should wipe its own copy
  /// (see `wipe(_:)`); this exists for keys read from a vector, a keystore or a
  /// sealed box, where the bytes exist briefly outside guarded memory anyway.
  public convenience init(copying bytes: some Collection<UInt8>) {
    self.init(count: bytes.count) { buffer in
      _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
    }
  }

  deinit {
    // sodium_free zeroes the region before unmapping it.
    sodium_free(pointer)
  }

  public func withUnsafeBytes<R, E: Error>(
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try body(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  /// Constant-time comparison (`sodium_memcmp`); lengths are not secret.
  public func constantTimeEquals(_ other: SecureBytes) -> Bool {
    guard count == other.count else { return false }
    return other.withUnsafeBytes { otherBytes in
      sodium_memcmp(pointer, otherBytes.baseAddress!, count) == 0
    }
  }

  /// A slice of this secret as a new guarded buffer.
  public func subrange(_ range: Range<Int>) -> SecureBytes {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    return SecureBytes(count: range.count) { target in
      target.copyMemory(
        from: UnsafeRawBufferPointer(start: pointer + range.lowerBound, count: range.count))
    }
  }
}

/// Zeroes an ordinary array in place (`sodium_memzero`, which the compiler may
/// not optimise away). For the short moments a secret must sit in `[UInt8]`.
public func wipe(_ bytes: inout [UInt8]) {
  bytes.withUnsafeMutableBytes { buffer in
    if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
  }
}

/// Constant-time comparison of two public-length byte strings.
public func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  guard a.count == b.count else { return false }
  if a.isEmpty { return true }
  return a.withUnsafeBytes { pa in
    b.withUnsafeBytes { pb in sodium_memcmp(pa.baseAddress!, pb.baseAddress!, a.count) == 0 }
  }
}
