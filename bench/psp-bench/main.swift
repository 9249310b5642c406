import Foundation

/// psp-bench MODE [options]: prints Markdown (the machine, then tables) on
/// standard output. See bench/README.md.
let usage = """
  usage: psp-bench crypto|citizen|reads|scale|witnessed|stores|all [options]
    --runs N            crypto: runs per side, median reported (default 5)
    --seconds S         crypto: seconds per run (default 1); reads, scale alone: measured seconds per row (default 10)
    --repetitions N     citizen: citizens timed (default 20)
    --connections LIST  reads: concurrent connections (default 1,16,64); scale alone: one number (default 64)
    --sizes LIST        scale: wallet counts, growing (default 1000,10000)
    --witnesses LIST    witnessed: witness counts (default 0,1,3)
    --epoch-interval MS witnessed: walletd's shortest time between epochs (default 0)
    --database URL      stores (required), scale: the PostgreSQL server (postgres://…), a fresh schema on it
  """

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first,
  ["crypto", "citizen", "reads", "scale", "witnessed", "stores", "all"].contains(mode)
else {
  FileHandle.standardError.write(Data((usage + "\n").utf8))
  exit(2)
}

/// `--name value` pairs after the mode.
func parseOptions(_ words: ArraySlice<String>) -> [String: String] {
  var options: [String: String] = [:]
  var words = words
  while let name = words.popFirst() {
    guard name.hasPrefix("--"), let value = words.popFirst() else {
      FileHandle.standardError.write(Data("psp-bench: unexpected \(name)\n\(usage)\n".utf8))
      exit(2)
    }
    options[String(name.dropFirst(2))] = value
  }
  return options
}
let options = parseOptions(arguments.dropFirst())

func list(_ name: String) -> [Int]? {
  options[name].map { $0.split(separator: ",").compactMap { Int($0) } }
}
func number(_ name: String) -> Double? { options[name].flatMap(Double.init) }

do {
  MachineDescription.print()
  let started = monotonicNanoseconds()
  if mode == "crypto" || mode == "all" {
    try CryptoBenchmark.run(runs: Int(number("runs") ?? 5), seconds: number("seconds") ?? 1)
  }
  if mode == "citizen" || mode == "all" {
    try await CitizenBenchmark.run(repetitions: Int(number("repetitions") ?? 20))
  }
  if mode == "reads" || mode == "all" {
    var readOptions = ReadsBenchmark.Options()
    if let connections = list("connections") { readOptions.connections = connections }
    if mode == "reads", let seconds = number("seconds") { readOptions.seconds = seconds }
    try await ReadsBenchmark.run(readOptions)
  }
  if mode == "stores" {
    guard let database = options["database"] else {
      throw BenchError.setup(
        "stores needs --database postgres://… (scripts/pg-cluster.sh start DIR)")
    }
    var storeOptions = StoresBenchmark.Options(database: database)
    if let connections = list("connections") { storeOptions.connections = connections }
    if let seconds = number("seconds") { storeOptions.seconds = seconds }
    try await StoresBenchmark.run(storeOptions)
  }
  if mode == "scale" || mode == "all" {
    var scaleOptions = ScaleBenchmark.Options()
    if let sizes = list("sizes") { scaleOptions.sizes = sizes }
    if mode == "scale", let connections = list("connections")?.first {
      scaleOptions.connections = connections
    }
    if mode == "scale", let seconds = number("seconds") { scaleOptions.seconds = seconds }
    if mode == "scale" { scaleOptions.database = options["database"] }
    try await ScaleBenchmark.run(scaleOptions)
  }
  if mode == "witnessed" || mode == "all" {
    var witnessedOptions = WitnessedReadsBenchmark.Options()
    if let counts = list("witnesses") { witnessedOptions.witnesses = counts }
    if mode == "witnessed", let connections = list("connections")?.first {
      witnessedOptions.connections = connections
    }
    if mode == "witnessed", let seconds = number("seconds") { witnessedOptions.seconds = seconds }
    if let interval = number("epoch-interval") { witnessedOptions.epochInterval = Int(interval) }
    try await WitnessedReadsBenchmark.run(witnessedOptions)
  }
  print(
    "Whole run: \(format(Double(monotonicNanoseconds() - started) / 1e9, 0)) s; load average at the end: \(MachineDescription.loadAverage()); "
      + "CPU pressure at the end: \(MachineDescription.cpuPressure()).")
} catch {
  DataDirectories.shared.removeAll()
  FileHandle.standardError.write(Data("psp-bench: \(error)\n".utf8))
  exit(1)
}
