import PSPConsent

/// The add-checkpoint logic of c2sp.org/tlog-witness as a pure state machine:
/// a request and the stored record in, an answer and the new record out. The
/// caller reads the record and stores the new one in one atomic step, so that
/// two requests never both move the same log (the race the spec describes).
public struct WitnessCore: Sendable {
  /// The witness's key: its cosignatures are the answers.
  public let cosigner: CosignatureV1Signer
  /// Log keys by origin bytes; several for one origin allow a key rotation.
  private let logs: [[UInt8]: [Ed25519NoteVerifier]]
  /// Whether the logs are PSP heads logs (`spec/log.md` §6): they then grow
  /// only through `addEpoch`, which checks every wallet's move; the plain
  /// add-checkpoint only cosigns again the checkpoint already cosigned.
  public let headsLogs: Bool

  /// `logs`: each log's origin and one of its keys (repeat an origin for more keys).
  public init(
    cosigner: CosignatureV1Signer, logs: [(origin: String, key: Ed25519NoteVerifier)],
    headsLogs: Bool = false
  ) throws(TransparencyError) {
    self.headsLogs = headsLogs
    var byOrigin: [[UInt8]: [Ed25519NoteVerifier]] = [:]
    for (origin, key) in logs {
      // An origin no checkpoint could carry (empty, a newline) is refused here.
      _ = try TlogCheckpoint(origin: origin, size: 0, rootHash: MerkleTree.root([]))
      byOrigin[Array(origin.utf8), default: []].append(key)
    }
    for keys in byOrigin.values { try SignedNote.checkDistinct(keys) }
    self.cosigner = cosigner
    self.logs = byOrigin
  }

  public func isKnown(origin: String) -> Bool { logs[Array(origin.utf8)] != nil }

  /// The pure form over a whole state: parses `body` (400 if malformed),
  /// decides with the record of the checkpoint's origin, and returns the
  /// answer and, when the witness cosigned, the state that follows.
  public func addCheckpoint(_ body: [UInt8], state: WitnessState, now: UInt64)
    -> (response: WitnessResponse, newState: WitnessState?)
  {
    let request: AddCheckpointRequest
    do { request = try AddCheckpointRequest.parse(body) } catch {
      return (.refusal(400, error.description), nil)
    }
    let origin = request.checkpoint.origin
    let outcome = addCheckpoint(request, stored: state[origin], now: now)
    guard let record = outcome.newRecord else { return (outcome.response, nil) }
    var next = state
    next[origin] = record
    return (outcome.response, next)
  }

  /// Decides one request against `stored`, the record of its origin (nil if
  /// the witness never cosigned for it), in the order of tlog-witness.
  public func addCheckpoint(_ request: AddCheckpointRequest, stored: WitnessRecord?, now: UInt64)
    -> WitnessOutcome
  {
    let checkpoint = request.checkpoint
    // "If the checkpoint origin is unknown, the witness MUST respond with a
    // "404 Not Found" HTTP status code."
    guard let keys = logs[Array(checkpoint.origin.utf8)] else {
      return refuse(404, "unknown log origin")
    }
    // "403 Forbidden" if "no signature from a trusted key for the origin is
    // present, or a signature line's key name and ID match a trusted key but
    // the signature itself fails to verify". Unknown keys are ignored.
    let logSignatures: [NoteSignature]
    do { logSignatures = try request.note.verify(by: keys) } catch {
      return refuse(403, error.description)
    }
    // "The old size MUST be equal to or lower than the checkpoint size.
    // Otherwise, the witness MUST respond with a "400 Bad Request"".
    guard request.oldSize <= checkpoint.size else {
      return refuse(400, "the old size is larger than the checkpoint's")
    }
    // "The witness MUST check that the old size matches the size of the latest
    // checkpoint it cosigned (...) (or zero if it never cosigned (...)). If it
    // doesn't match, (...) "409 Conflict" (...) the tree size of the latest
    // cosigned checkpoint in decimal, followed by a newline".
    let storedSize = stored?.size ?? 0
    guard request.oldSize == storedSize else {
      return WitnessOutcome(
        response: WitnessResponse(
          status: 409, contentType: "text/x.tlog.size", body: Array("\(storedSize)\n".utf8)),
        newRecord: nil)
    }
    // "A checkpoint of size zero MUST have the root hash of the empty tree".
    guard checkpoint.hasConsistentEmptyRoot else {
      return refuse(422, "a tree of size 0 has the empty tree's root")
    }
    if let failure = consistencyFailure(request, stored: stored) { return refuse(422, failure) }
    if headsLogs {
      // A heads log grows only with the moves of its wallets.
      guard request.oldSize == checkpoint.size else {
        return refuse(422, "this log grows only through /psp-v1/add-epoch, with its wallets' heads")
      }
      guard let heads = stored == nil ? HeadsRecord.start : stored?.heads else {
        return refuse(422, "the witness holds no heads for this log")
      }
      return cosign(request, logSignatures: logSignatures, now: now, heads: heads)
    }
    return cosign(request, logSignatures: logSignatures, now: now, heads: nil)
  }

  /// One epoch of a heads log (`spec/log.md` §6): the add-checkpoint checks,
  /// then every wallet's move from the map root the witness holds, then the
  /// epoch tree grown by the new map root must have the checkpoint's root.
  public func addEpoch(_ request: AddEpochRequest, stored: WitnessRecord?, now: UInt64) -> WitnessOutcome {
    guard headsLogs else { return refuse(404, "this witness follows no heads log") }
    let tlog = request.checkpoint
    guard let keys = logs[Array(tlog.checkpoint.origin.utf8)] else { return refuse(404, "unknown log origin") }
    let logSignatures: [NoteSignature]
    do { logSignatures = try tlog.note.verify(by: keys) } catch { return refuse(403, error.description) }
    let storedSize = stored?.size ?? 0
    guard tlog.oldSize == storedSize else {
      return WitnessOutcome(
        response: WitnessResponse(status: 409, contentType: "text/x.tlog.size", body: Array("\(storedSize)\n".utf8)),
        newRecord: nil)
    }
    if let failure = consistencyFailure(tlog, stored: stored) { return refuse(422, failure) }
    guard let before = stored == nil ? HeadsRecord.start : stored?.heads else {
      return refuse(422, "the witness holds no heads for this log")
    }
    let mapRoot: [UInt8]
    do { mapRoot = try EpochTransition.apply(request.updates, to: before.mapRoot) } catch {
      return refuse(422, error.description)
    }
    var frontier = before.frontier
    frontier.append(mapRoot: mapRoot)
    guard frontier.size == tlog.checkpoint.size, frontier.root == tlog.checkpoint.rootHash else {
      return refuse(422, TransparencyError.epochMismatch("the epoch tree with the new map root has another root").description)
    }
    return cosign(tlog, logSignatures: logSignatures, now: now, heads: HeadsRecord(mapRoot: mapRoot, frontier: frontier))
  }

  /// The 422 checks; nil when the checkpoint extends what was cosigned.
  private func consistencyFailure(_ request: AddCheckpointRequest, stored: WitnessRecord?)
    -> String?
  {
    let checkpoint = request.checkpoint
    // "If the old size is zero, the consistency proof MUST be empty, because
    // the empty tree is consistent with any tree".
    if request.oldSize == 0 {
      return request.consistencyProof.isEmpty
        ? nil : "the consistency proof from size 0 must be empty"
    }
    // Here oldSize == stored size > 0, so there is a record.
    guard let stored else { return "no record of the old size" }
    // "If the old size matches the checkpoint size, the witness MUST check that
    // the root hashes are also identical"; otherwise RFC 6962 §2.1.2.
    if request.oldSize == checkpoint.size, checkpoint.rootHash != stored.rootHash {
      return "same size as the cosigned checkpoint, another root hash"
    }
    let consistent = MerkleTree.verifyConsistency(
      oldSize: stored.size, oldRoot: stored.rootHash, newSize: checkpoint.size,
      newRoot: checkpoint.rootHash,
      proof: request.consistencyProof)
    return consistent ? nil : "the consistency proof does not verify"
  }

  /// "If all the checks above pass, the witness MUST update its record of the
  /// latest cosigned checkpoint and respond with a "200 Success" (...) one or
  /// more note signature lines". The record keeps the log signatures verified.
  private func cosign(
    _ request: AddCheckpointRequest, logSignatures: [NoteSignature], now: UInt64, heads: HeadsRecord?
  ) -> WitnessOutcome {
    // The text as the log signed it (parsing is strict, so it is also `checkpoint.text`).
    let text = request.note.text
    let checkpoint = request.checkpoint
    do {
      let cosignature = try cosigner.cosign(text, timestamp: now)
      var kept: [NoteSignature] = []
      for signature in logSignatures where !kept.contains(signature) { kept.append(signature) }
      let note = try SignedNote(text: text, signatures: kept + [cosignature])
      return WitnessOutcome(
        response: WitnessResponse(status: 200, body: Array(cosignature.line.utf8)),
        newRecord: WitnessRecord(size: checkpoint.size, rootHash: checkpoint.rootHash, note: note, heads: heads))
    } catch {
      // Only a clock at 0 or past 2^63 - 1 gets here: no cosignature then.
      return refuse(500, error.description)
    }
  }

  private func refuse(_ status: Int, _ why: String) -> WitnessOutcome {
    WitnessOutcome(response: .refusal(status, why), newRecord: nil)
  }
}
