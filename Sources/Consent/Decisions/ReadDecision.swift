import PSPWallet

/// An administration's request to read under a grant.
public struct ReadRequest: Sendable, Equatable {
  /// Key id of the authenticated caller.
  public let requester: String
  public let purpose: Purpose
  /// The fields asked for; nil asks for every granted field.
  public let fields: [FieldID]?

  public init(requester: String, purpose: Purpose, fields: [FieldID]? = nil) {
    self.requester = requester
    self.purpose = purpose
    self.fields = fields
  }
}

/// What a read may return.
public struct ReadPermission: Sendable, Equatable {
  public let fields: [FieldID]
  /// True for a one-time grant: the read consumes it, atomically with its log entry.
  public let consumesGrant: Bool
}

/// Decides a read (`spec/consent.md` §"Reading under a grant"). Pure: the
/// verified grant, the statuses and the time are passed in. The order of the
/// checks is fixed so that the logged reason is the same on every platform.
public enum ReadDecision {
  public static func decide(
    _ request: ReadRequest, grant: Grant, state: ConsentState, at now: Int64
  ) throws(ConsentRefusal) -> ReadPermission {
    guard request.requester == grant.grantee else { throw .wrongGrantee }
    guard request.purpose == grant.claims.purpose else { throw .wrongPurpose }
    guard !state.revoked.contains(grant.id) else { throw .revoked }
    if let parent = grant.claims.procuration, state.revoked.contains(parent) {
      throw .procurationRevoked
    }
    guard !state.paused.contains(grant.id) else { throw .paused }
    guard now >= grant.notBefore else { throw .notYetValid }
    guard now < grant.expires else { throw .expired }
    if grant.claims.kind == .oneShot && state.consumed.contains(grant.id) { throw .alreadyUsed }
    let asked = request.fields.map { Array(Set($0)).sorted() } ?? grant.fields
    let extra = asked.filter { !grant.fields.contains($0) }
    guard extra.isEmpty else { throw .fieldsNotGranted(extra) }
    return ReadPermission(fields: asked, consumesGrant: grant.claims.kind == .oneShot)
  }
}
