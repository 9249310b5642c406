import CSodium
import Foundation

/// What the figures were measured on: they mean nothing without it.
enum MachineDescription {
  static func print() {
    let cpu =
      lines("/proc/cpuinfo").first { $0.hasPrefix("model name") }.map { value(of: $0) } ?? "unknown"
    let memory =
      lines("/proc/meminfo").first { $0.hasPrefix("MemTotal") }.map { value(of: $0) } ?? "unknown"
    Swift.print("## Machine")
    Swift.print("")
    Swift.print("- cores (online): \(ProcessInfo.processInfo.activeProcessorCount)")
    Swift.print("- CPU: \(cpu)")
    Swift.print("- memory: \(memory)")
    Swift.print("- libsodium: \(String(cString: sodium_version_string()))")
    Swift.print(
      "- load average at start: \(loadAverage()); CPU pressure at start: \(cpuPressure())")
    Swift.print("- date: \(ISO8601DateFormatter().string(from: Date()))")
    Swift.print("")
  }

  /// The 1-, 5- and 15-minute load averages: other work on a shared machine
  /// shows here, and moves every absolute figure.
  static func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
      .joined(separator: " ") ?? "unknown"
  }

  /// The share of time some runnable task waited for a CPU (Linux PSI, 10 s
  /// and 60 s averages): above a few percent, others were using the cores.
  static func cpuPressure() -> String {
    guard let line = lines("/proc/pressure/cpu").first(where: { $0.hasPrefix("some") }) else {
      return "unknown"
    }
    return line.split(separator: " ").dropFirst().prefix(2).map {
      $0.replacingOccurrences(of: "=", with: " ") + "%"
    }
    .joined(separator: ", ")
  }

  private static func lines(_ path: String) -> [String] {
    ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(
      String.init)
  }

  private static func value(of line: String) -> String {
    line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
      ?? ""
  }
}

/// This process's memory, from /proc/self/status. walletd runs in this
/// process, so this is the daemon's memory plus the load generator's.
enum ProcessMemory {
  /// Resident set size and its peak, in KiB.
  static func resident() -> (current: Int, peak: Int) {
    let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func kilobytes(_ key: String) -> Int {
      guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else {
        return 0
      }
      return Int(
        line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
    return (kilobytes("VmRSS:"), kilobytes("VmHWM:"))
  }
}

/// CPU time (user and system) this process has used, in seconds.
enum ProcessCPU {
  static func seconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

/// CPU time all processes of the machine spent busy (/proc/stat), in
/// seconds. Minus this process's own, it shows what others took meanwhile.
enum MachineCPU {
  static func busySeconds() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
      let line = text.split(separator: "\n").first, line.hasPrefix("cpu ")
    else { return .nan }
    let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
    guard ticks.count >= 5 else { return .nan }
    // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
    let busy = ticks.reduce(0, +) - ticks[3] - ticks[4]
    return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
  }
}
