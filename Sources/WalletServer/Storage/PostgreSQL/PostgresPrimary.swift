import Foundation
import Logging
import NIOCore
import PSPWallet
import PostgresNIO

/// Which of a location's hosts walletd writes to and reads from: the primary.
///
/// The hosts are tried in their order; a host that cannot be reached, or that is
/// a standby (`pg_is_in_recovery()`), is skipped. A primary whose timeline is
/// lower than the highest this process has seen on these hosts is skipped too:
/// it is an old primary started again after a standby was promoted, and what it
/// holds has forked from what the promoted standby acknowledged. Writing there
/// would lose writes; reading there would show a past that the new primary does
/// not have. The fence holds for the life of the process (it is not stored).
///
/// The fence is kept once per host list and database in a process, so that every
/// connection of a walletd — writers, the witnessed log's, the reads' pool, the
/// migrator — raises and obeys the same fence, whatever its schema.
struct PostgresPrimary: Sendable {
  /// Whom to connect to, as: user, database, schema (its own per caller).
  private let location: PostgresLocation
  private let state: State

  /// What the connections to one host list have learnt.
  private final class State: @unchecked Sendable {
    let lock = NSLock()
    var highestTimeline: Int64 = 0
    var chosenHost: PostgresLocation.Host?
  }

  private static let registryLock = NSLock()
  nonisolated(unsafe) private static var registry: [String: State] = [:]

  /// The primary of the location's hosts, with the fence shared by every
  /// location on these hosts and database.
  static func of(_ location: PostgresLocation) -> PostgresPrimary {
    let key = location.hosts.map(\.description).joined(separator: ",") + "/" + location.database
    let state = registryLock.withLock {
      if let known = registry[key] { return known }
      let made = State()
      registry[key] = made
      return made
    }
    return PostgresPrimary(location: location, state: state)
  }

  /// The host last found to be the primary, if any was.
  var chosen: PostgresLocation.Host? { state.lock.withLock { state.chosenHost } }

  /// The highest timeline seen on a primary of these hosts (0 before the first).
  var fence: Int64 { state.lock.withLock { state.highestTimeline } }

  /// Whether the server is a standby, and the timeline it writes on. The
  /// timeline is read from the current WAL file's name as well as from the last
  /// checkpoint: a standby just promoted writes on its new timeline at once, but
  /// its checkpoint shows it only once the next checkpoint is done.
  static let probe = """
    SELECT pg_is_in_recovery(),
      CASE WHEN pg_is_in_recovery() THEN 0
        ELSE ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::bigint END,
      (SELECT timeline_id FROM pg_control_checkpoint())::bigint
    """

  /// What the probe says of a host: a standby, or a primary on a timeline.
  enum Role {
    case standby
    case primary(timeline: Int64)
  }

  static func role(_ answer: [[SQLValue]]) -> Role? {
    guard let row = answer.first, row.count == 3, case .integer(let recovery) = row[0],
      case .integer(let walTimeline) = row[1], case .integer(let checkpointTimeline) = row[2]
    else { return nil }
    return recovery != 0 ? .standby : .primary(timeline: max(walTimeline, checkpointTimeline))
  }

  /// A primary's timeline, or nil and why the host is not one in `reasons`.
  private static func timeline(
    _ answer: [[SQLValue]], of host: PostgresLocation.Host, reasons: inout [String]
  ) -> Int64? {
    switch role(answer) {
    case .primary(let timeline): return timeline
    case .standby: reasons.append("\(host) is a standby")
    case nil: reasons.append("\(host) answered the probe wrongly")
    }
    return nil
  }

  /// Judges `host` once chosen: nil if walletd may use it (then it is the
  /// chosen host and its timeline raises the fence), or why not.
  func admit(_ host: PostgresLocation.Host, standby: Bool, timeline: Int64) -> String? {
    if standby { return "\(host) is a standby" }
    return state.lock.withLock {
      let highest = state.highestTimeline
      if timeline < highest {
        return "\(host) is on timeline \(timeline), below timeline \(highest) seen: an old primary"
      }
      state.highestTimeline = timeline
      state.chosenHost = host
      return nil
    }
  }

  /// No host is a primary walletd may use. Names each host tried and why it
  /// was skipped; never the password.
  struct NoPrimary: Error, CustomStringConvertible {
    let reasons: [String]
    var description: String {
      "no PostgreSQL primary among the hosts: " + reasons.joined(separator: "; ")
    }
  }

  /// The primaries found among the hosts, each with its connection: every
  /// host is asked (not the first that answers), so that of an old primary
  /// started again and the standby promoted since, the later timeline wins
  /// even in a walletd that never saw the promotion. Two primaries on one
  /// timeline cannot be told apart: the first listed is kept, and it is logged.
  private func choose<Connection>(
    _ found: [(Connection, PostgresLocation.Host, Int64)], reasons: inout [String],
    close: (Connection) -> Void, logger: Logger
  ) -> Connection? {
    guard let best = found.max(by: { $0.2 < $1.2 }).map({ top in found.first { $0.2 == top.2 }! })
    else { return nil }
    if found.count > 1 {
      logger.critical(
        "more than one PostgreSQL host is a primary; walletd uses the one on the latest timeline",
        metadata: ["hosts": "\(found.map { "\($0.1) (timeline \($0.2))" })"])
    }
    for (connection, host, _) in found where host != best.1 { close(connection) }
    if let refusal = admit(best.1, standby: false, timeline: best.2) {
      close(best.0)
      reasons.append(refusal)
      return nil
    }
    return best.0
  }

  /// A connection to the primary, and its host; the caller closes it. With one
  /// host, a failure to reach it is thrown as it is.
  func connect(logger: Logger) async throws -> (PostgresConnection, PostgresLocation.Host) {
    var reasons: [String] = []
    var found: [(PostgresConnection, PostgresLocation.Host, Int64)] = []
    for host in location.hosts {
      let connection: PostgresConnection
      do {
        connection = try await PostgresConnection.connect(
          configuration: PostgresConnect.configuration(for: location, host: host),
          id: .random(in: 1...Int.max), logger: logger)
      } catch {
        if location.hosts.count == 1 { throw error }
        reasons.append(reason(error, host))
        continue
      }
      do {
        var answer: [[SQLValue]] = []
        for try await row in try await connection.query(
          PostgresQuery(unsafeSQL: Self.probe), logger: logger)
        {
          answer.append(try PostgresValues.row(row))
        }
        if let timeline = Self.timeline(answer, of: host, reasons: &reasons) {
          found.append((connection, host, timeline))
          continue
        }
      } catch {
        reasons.append(reason(error, host))
      }
      try? await connection.close()
    }
    var closing: [PostgresConnection] = []
    let chosen = choose(found, reasons: &reasons, close: { closing.append($0) }, logger: logger)
    for connection in closing { try? await connection.close() }
    if let chosen, let host = found.first(where: { $0.0 === chosen })?.1 { return (chosen, host) }
    throw NoPrimary(reasons: reasons)
  }

  /// The same, waited for on the calling thread (never an event loop's).
  func connectWaiting(logger: Logger) throws -> PostgresConnection {
    var reasons: [String] = []
    var found: [(PostgresConnection, PostgresLocation.Host, Int64)] = []
    for host in location.hosts {
      let connection: PostgresConnection
      do {
        connection = try PostgresConnection.connect(
          on: PostgresConnection.defaultEventLoopGroup.next(),
          configuration: PostgresConnect.configuration(for: location, host: host),
          id: .random(in: 1...Int.max), logger: logger
        ).wait()
      } catch {
        if location.hosts.count == 1 { throw error }
        reasons.append(reason(error, host))
        continue
      }
      do {
        let answer = try connection.query(PostgresQuery(unsafeSQL: Self.probe), logger: logger)
          .wait().rows.map(PostgresValues.row)
        if let timeline = Self.timeline(answer, of: host, reasons: &reasons) {
          found.append((connection, host, timeline))
          continue
        }
      } catch {
        reasons.append(reason(error, host))
      }
      try? connection.close().wait()
    }
    if let chosen = choose(
      found, reasons: &reasons, close: { try? $0.close().wait() }, logger: logger)
    {
      return chosen
    }
    throw NoPrimary(reasons: reasons)
  }

  /// Finds the primary again (after the one used failed) and returns its host.
  func find(logger: Logger) async throws -> PostgresLocation.Host {
    let (connection, host) = try await connect(logger: logger)
    try? await connection.close()
    return host
  }

  private func reason(_ error: any Error, _ host: PostgresLocation.Host) -> String {
    PostgresFailure.sentence(
      for: error,
      location: PostgresLocation(
        user: location.user, password: location.password, hosts: [host],
        database: location.database, schema: location.schema))
  }
}
