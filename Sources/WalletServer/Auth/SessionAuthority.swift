import WalletAPI

/// Opens sessions and authenticates requests: `SessionTable` where one
/// walletd keeps them in memory, `SharedSessions` where several walletd
/// share a database.
protocol SessionAuthority: Sendable {
  func open(_ request: SessionRequest, at now: Int64) async throws(APIError) -> SessionResponse
  func authenticate(
    session id: String, counter: UInt64, mac: [UInt8], method: String, path: String, body: [UInt8],
    at now: Int64
  ) async throws(APIError) -> Caller
}

extension SessionTable: SessionAuthority {}
