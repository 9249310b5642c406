import ArgumentParser
import PSPConsent

/// `grant pause`, `grant resume` and `grant revoke`: the same command but for
/// the status action; the work is `GrantStatusChange`.
protocol GrantStatusCommand: AsyncParsableCommand {
  static var action: StatusAction { get }
  var grantID: String { get }
  var actor: ActorOptions { get }
  var home: HomeOptions { get }
  var server: ServerOptions { get }
  var output: OutputOptions { get }
  var trustee: OnBehalfOfOptions { get }
  /// `--yes` given (only `grant revoke` asks a question).
  var assumeYes: Bool { get }
}

extension GrantStatusCommand {
  var assumeYes: Bool { false }

  func validate() throws {
    try server.validateURL(output)
    try GrantStatusChange.validate(grantID, output)
    try trustee.validate(output)
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      try await GrantStatusChange(
        action: Self.action, grantID: grantID, assumeYes: assumeYes,
        onBehalfOf: trustee.onBehalfOf
      ).run(actor, home, server, invocation)
    }
  }
}
