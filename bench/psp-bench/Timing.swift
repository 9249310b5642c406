import Foundation

/// Keeps a result alive so the optimiser cannot drop the work that made it.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// Runs `body` in batches until at least `seconds` have passed; returns
/// nanoseconds per call. The batch size is found first (≥ 10 ms a batch), so
/// reading the clock costs nothing next to the work measured.
func nanosecondsPerCall(seconds: Double, _ body: () -> Void) -> Double {
  var batch = 1
  while true {
    let start = monotonicNanoseconds()
    for _ in 0..<batch { body() }
    if monotonicNanoseconds() - start >= 10_000_000 { break }
    batch *= 2
  }
  let budget = UInt64(seconds * 1e9)
  var calls = 0
  let start = monotonicNanoseconds()
  var elapsed: UInt64 = 0
  repeat {
    for _ in 0..<batch { body() }
    calls += batch
    elapsed = monotonicNanoseconds() - start
  } while elapsed < budget
  return Double(elapsed) / Double(calls)
}

/// Times one operation `repetitions` times (each call is long: milliseconds).
func millisecondsPerCall(_ repetitions: Int, _ body: () async throws -> Void) async rethrows
  -> Samples
{
  var values: [Double] = []
  for _ in 0..<repetitions {
    let start = monotonicNanoseconds()
    try await body()
    values.append(Double(monotonicNanoseconds() - start) / 1e6)
  }
  return Samples(values)
}
