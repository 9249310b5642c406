import PSPTransparency

/// The settings of a witness: where it keeps its key and state, where it
/// listens, its name, and the logs it witnesses.
public struct WitnessConfiguration: Sendable {
  /// Holds `witness.key` and `witness.sqlite`.
  public var dataDir: String
  /// HOST:PORT; port 0 picks a free port.
  public var listen: String
  /// The witness's key name, e.g. `witness.example.lu/w1`.
  public var name: String
  /// The logs witnessed, each `ORIGIN=VKEY` (an Ed25519 note vkey); repeat an
  /// origin to trust more than one key for it.
  public var logs: [String]
  /// Whether the logs are PSP heads logs (`spec/log.md` §6), growing only
  /// through `POST /psp-v1/add-epoch`; false for plain c2sp.org/tlog-witness logs.
  public var headsLogs: Bool = true

  public init(
    dataDir: String, listen: String = "127.0.0.1:8490", name: String, logs: [String],
    headsLogs: Bool = true
  ) {
    self.dataDir = dataDir
    self.listen = listen
    self.name = name
    self.logs = logs
    self.headsLogs = headsLogs
  }

  /// Host and port of `listen`.
  public func hostAndPort() throws(WitnessServerError) -> (String, Int) {
    guard let colon = listen.lastIndex(of: ":"),
      let port = Int(listen[listen.index(after: colon)...]),
      (0...65535).contains(port), colon > listen.startIndex
    else { throw .configuration("listen must be HOST:PORT") }
    return (String(listen[..<colon]), port)
  }

  /// The logs, read. The origin ends at the first '=': an Ed25519 vkey holds
  /// none (its 33 bytes of base64 need no padding), an origin may not.
  public func parsedLogs() throws(WitnessServerError) -> [(
    origin: String, key: Ed25519NoteVerifier
  )] {
    var parsed: [(origin: String, key: Ed25519NoteVerifier)] = []
    for log in logs {
      guard let equals = log.firstIndex(of: "="), equals > log.startIndex else {
        throw .configuration("a log must be ORIGIN=VKEY, got \(log)")
      }
      do {
        parsed.append(
          (
            String(log[..<equals]),
            try Ed25519NoteVerifier(vkey: String(log[log.index(after: equals)...]))
          ))
      } catch {
        throw .configuration("the log \(log[..<equals]): \(error.description)")
      }
    }
    return parsed
  }
}
