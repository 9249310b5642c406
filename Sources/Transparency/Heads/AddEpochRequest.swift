/// The body of a PSP witness's `POST /psp-v1/add-epoch` (`spec/log.md` §6):
/// one epoch of the heads log, that is the moves of the wallets whose logs
/// grew, then a c2sp.org/tlog-witness add-checkpoint body for the epoch log
/// grown by exactly one leaf:
///
///     psp-v1/add-epoch
///     updates <decimal>
///     <standard base64 of one HeadsUpdate>     (that many lines)
///     old <decimal>
///     <base64 hash>                            (consistency proof lines)
///
///     <checkpoint note>
public struct AddEpochRequest: Sendable, Equatable {
  public static let header = "psp-v1/add-epoch"
  /// Moves in one epoch at most; walletd leaves the rest to the next epoch.
  public static let maximumUpdates = 20_000
  /// The largest body; an update line is at most `maximumUpdateLine` bytes.
  public static let maximumByteCount = 64 << 20
  static let maximumUpdateLine = 16 << 10

  public let updates: [HeadsUpdate]
  public let checkpoint: AddCheckpointRequest

  public init(updates: [HeadsUpdate], checkpoint: AddCheckpointRequest) throws(TransparencyError) {
    guard updates.count <= Self.maximumUpdates else {
      throw .malformedHeads("at most \(Self.maximumUpdates) moves in one epoch")
    }
    // Written so that no size, however large, can overflow.
    guard checkpoint.checkpoint.size > 0, checkpoint.oldSize == checkpoint.checkpoint.size - 1
    else {
      throw .malformedHeads("an epoch grows the epoch log by exactly one leaf")
    }
    self.updates = updates
    self.checkpoint = checkpoint
  }

  public static func parse(_ body: some Collection<UInt8>) throws(TransparencyError)
    -> AddEpochRequest
  {
    let body = Array(body)
    guard body.count <= maximumByteCount else { throw .malformedHeads("the body is too large") }
    var position = 0
    func line() throws(TransparencyError) -> String {
      guard let end = body[position...].prefix(maximumUpdateLine + 1).firstIndex(of: 0x0A) else {
        throw .malformedHeads("a line is missing its newline, or is too long")
      }
      let bytes = body[position..<end]
      guard !bytes.contains(where: { $0 < 0x20 || $0 > 0x7E }) else {
        throw .malformedHeads("header lines are printable ASCII")
      }
      position = end + 1
      return String(decoding: bytes, as: UTF8.self)
    }
    guard try line() == header else { throw .malformedHeads("the first line must be \(header)") }
    let count = try line()
    guard count.hasPrefix("updates "), let n = DecimalText.parse(count.dropFirst(8)),
      n <= maximumUpdates
    else {
      throw .malformedHeads(
        "expected 'updates' and a decimal without leading zeroes, at most \(maximumUpdates)")
    }
    var updates: [HeadsUpdate] = []
    for _ in 0..<n {
      guard let bytes = StandardBase64.decode(try line()) else {
        throw .malformedHeads("an update line must be canonical standard base64")
      }
      updates.append(try HeadsUpdate.decode(bytes))
    }
    let checkpoint = try AddCheckpointRequest.parse(body[position...])
    return try AddEpochRequest(updates: updates, checkpoint: checkpoint)
  }

  public func serialized() -> [UInt8] {
    var head = "\(Self.header)\nupdates \(updates.count)\n"
    for update in updates { head += StandardBase64.encode(update.encoded()) + "\n" }
    return Array(head.utf8) + checkpoint.serialized()
  }
}
