/// Which request counters of a session were already used: the highest seen and
/// a window of 1024 below it (as IPsec's anti-replay window). A counter is
/// accepted once; one older than the window is refused. Clients may send
/// requests concurrently and out of order within the window.
struct ReplayWindow: Sendable {
  static let size: UInt64 = 1024
  private var highest: UInt64 = 0
  private var seen = [UInt64](repeating: 0, count: Int(size / 64))

  /// Marks `counter` as used; false if it was used or is too old. Counters start at 1.
  mutating func accept(_ counter: UInt64) -> Bool {
    guard counter > 0 else { return false }
    if counter > highest {
      let shift = counter - highest
      if shift >= Self.size {
        seen = [UInt64](repeating: 0, count: seen.count)
      } else {
        for _ in 0..<shift { clear((highest &+ 1 &+ Self.size) % Self.size); highest &+= 1 }
      }
      highest = counter
      set(counter % Self.size)
      return true
    }
    guard highest - counter < Self.size else { return false }
    let slot = counter % Self.size
    if isSet(slot) { return false }
    set(slot)
    return true
  }

  private func isSet(_ slot: UInt64) -> Bool { seen[Int(slot / 64)] & (1 << (slot % 64)) != 0 }
  private mutating func set(_ slot: UInt64) { seen[Int(slot / 64)] |= 1 << (slot % 64) }
  private mutating func clear(_ slot: UInt64) { seen[Int(slot / 64)] &= ~(1 << (slot % 64)) }
}
