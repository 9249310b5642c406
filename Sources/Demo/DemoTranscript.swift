import PSPWallet

/// What the demo did and saw, step by step: who acted, what they did, whether
/// it was allowed or refused (with walletd's code), and what they saw.
public struct DemoTranscript: Sendable, Codable {
  public struct Step: Sendable, Codable {
    public let number: Int
    public let actor: String
    public let action: String
    /// "ok" or "refused".
    public let outcome: String
    public let code: String?
    public let detail: String
    /// Field id → value as the actor saw it (decrypted on their side).
    public let fieldsSeen: [String: String]?
  }

  public var steps: [Step] = []
  public var logIntact: Bool? = nil

  public var refusals: [Step] { steps.filter { $0.outcome == "refused" } }
}
