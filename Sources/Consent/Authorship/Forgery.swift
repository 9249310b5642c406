import PSPWallet

/// What a client found when something walletd returned is not what its author
/// signed (`spec/consent.md` §"A platform that cannot lie"). Each case names what
/// it is about — a field id, an administration id — never a value or a key.
public enum Forgery: Error, Equatable, Sendable, CustomStringConvertible {
  /// A record that no statement of its author (the owner, or a trustee allowed
  /// to update it) covers: the platform returned data the citizen did not write.
  case recordNotAuthored(FieldID)
  /// A record or sealed key outside the grantor's latest manifest for the grant.
  case recordNotGranted(FieldID)
  /// A grant that does not verify under the citizen's key (or its
  /// procuration), or is not addressed to this administration for this purpose.
  case grantInvalid
  /// A manifest not signed by the grantor, or for another grant or wallet.
  case manifestInvalid
  /// A manifest older than one this client has already seen for the grant.
  case manifestRolledBack(seen: Int, served: Int)
  /// An administration whose certificate does not verify under a pinned registrar key.
  case certificateInvalid(String)
  /// A certificate older than the one whose keys this client accepted for the
  /// administration, bringing other keys: an old certificate served again.
  case certificateRolledBack(String)
  /// An administration whose certified keys differ from those this client
  /// remembers: the person must see both and confirm.
  case administrationKeysChanged(String)
  /// The citizen's keys walletd gave do not match the wallet's consent receipt,
  /// or differ from those this client pinned for the wallet.
  case ownerKeyMismatch
  /// walletd shows as in force a grant the citizen revoked, or still serves
  /// keys the revocation removed.
  case revocationIgnored(grant: String)
  /// An answer that served data or used a one-shot statement without a valid
  /// receipt: its log entry is not proven in the witnessed log, or says
  /// something else than what was done.
  case receiptInvalid(String)
  /// A witnessed checkpoint older than one this client has already seen: the
  /// platform shows an earlier state of the log (a backup restored).
  case logRolledBack(seen: Int, served: Int)
  /// The witnesses' cosignatures are older than the client accepts: the
  /// platform could not get its current log cosigned.
  case checkpointStale(minutes: Int)
  /// A one-shot procuration under which a second filing is shown.
  case secondFilingUnderOneShot(String)

  public var description: String {
    switch self {
    case .receiptInvalid(let why): "the proof that this access is in the citizen's log is not valid (\(why))"
    case .logRolledBack(let seen, let served):
      "the platform shows an older state of the log (\(served) epochs; this client already saw \(seen))"
    case .checkpointStale(let minutes):
      "the witnesses have not confirmed the log for \(minutes) minutes or more"
    case .secondFilingUnderOneShot(let procuration):
      "a second filing is shown under the one-time mandate \(procuration)"
    case .recordNotAuthored(let field):
      "the platform returned data for the field \(field) that the citizen did not write"
    case .recordNotGranted(let field):
      "the platform returned data for the field \(field) that the grant does not give"
    case .grantInvalid: "the grant returned is not one the citizen gave to this administration"
    case .manifestInvalid:
      "the list of what the grant gives is not signed by the person who gave it"
    case .manifestRolledBack(let seen, let served):
      "the platform served an older list of what the grant gives (number \(served); this client already saw number \(seen))"
    case .certificateInvalid(let id):
      "the administration \(id) is not certified by the registration authority"
    case .certificateRolledBack(let id):
      "the platform served an old certificate of the administration \(id), with keys it no longer uses"
    case .administrationKeysChanged(let id):
      "the keys of the administration \(id) changed since the last time"
    case .ownerKeyMismatch: "the citizen's keys do not match the wallet's signed consent receipt"
    case .revocationIgnored(let grant): "the platform ignores the revocation of the grant \(grant)"
    }
  }
}
