import ArgumentParser
import Foundation
import Logging
import WalletServer

/// `walletd migrate`: moves an embedded installation to PostgreSQL.
struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Copy walletd's SQLite data into an empty PostgreSQL schema, checked.",
    discussion: """
      Stop walletd first. The copy is one transaction: it is committed only if every table
      holds the same rows and every wallet's log has the same root and extends the head the
      witnesses saw; otherwise nothing is copied. Then copy walletd.key to the data directory
      of every walletd that will use the database, and start walletd with --database.

      Example:
        PSP_DATABASE_PASSWORD=… walletd migrate --from sqlite:/var/lib/psp \\
          --to 'postgres://psp@db.example.lu/psp?schema=walletd'
      """)

  @Option(help: ArgumentHelp("The data directory, as sqlite:DIR.", valueName: "location"))
  var from: String

  @Option(
    help: ArgumentHelp(
      "postgres://USER@HOST[:PORT]/DATABASE?schema=NAME (the password from PSP_DATABASE_PASSWORD).",
      valueName: "location"))
  var to: String

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    guard case .sqlite(let directory) = try StoreLocation(parsing: from, environment: environment)
    else { throw Refused("--from must be sqlite:DIR") }
    guard case .postgres(let target) = try StoreLocation(parsing: to, environment: environment)
    else { throw Refused("--to must be a postgres:// location") }
    let summary: StoreCopier.Summary
    do {
      summary = try await StoreCopier.copy(
        from: directory + "/walletd.sqlite", to: target, logger: Logger(label: "walletd"))
    } catch let failure as StoreCopier.Failure {
      throw Refused(failure.description)
    } catch {
      throw Refused(PostgresFailure.sentence(for: error, location: target))
    }
    print(
      "migrated \(summary.wallets) wallets, \(summary.logEntries) log entries, \(summary.rows) rows "
        + "into \(target); every wallet's log root is the same")
    print(
      "next: copy \(directory)/walletd.key to each walletd's --data-dir, then start walletd with --database"
    )
  }
}

/// A refusal printed as it is, without the usage text.
struct Refused: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
