import Foundation

/// Order statistics over measured samples. Percentiles use the nearest-rank
/// method, so a reported p99 is a latency some request really had.
struct Samples {
  private(set) var sorted: [Double]

  init(_ values: [Double]) { sorted = values.sorted() }

  var count: Int { sorted.count }
  var median: Double { percentile(50) }

  func percentile(_ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}

/// Monotonic time in nanoseconds (not wall time: immune to clock steps).
@inline(__always) func monotonicNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func format(_ value: Double, _ digits: Int = 1) -> String {
  value.isNaN ? "–" : String(format: "%.\(digits)f", value)
}
