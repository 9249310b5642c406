import Foundation

/// Slows brute force on authentication: failures are counted per client
/// address and minute; past the budget, failing requests are answered 429 and
/// new handshakes from that address wait for the next minute. A request that
/// authenticates is never refused here, so a legitimate client with its
/// session keeps working while an attacker on the same address is throttled.
public final class FailureLimiter: @unchecked Sendable {
  public let budgetPerMinute: Int
  private let lock = NSLock()
  private var failures: [String: (minute: Int64, count: Int)] = [:]

  public init(budgetPerMinute: Int = 30) { self.budgetPerMinute = budgetPerMinute }

  public func isThrottled(_ address: String, at now: Int64) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard let entry = failures[address], entry.minute == now / 60 else { return false }
    return entry.count >= budgetPerMinute
  }

  public func recordFailure(_ address: String, at now: Int64) {
    lock.lock()
    defer { lock.unlock() }
    let minute = now / 60
    if failures.count > 10_000 { failures = failures.filter { $0.value.minute == minute } }
    let current = failures[address]
    failures[address] = (minute, current?.minute == minute ? current!.count + 1 : 1)
  }
}
