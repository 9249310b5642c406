/// What a witness keeps per log: "For each log, uniquely identified by its
/// origin line, the witness is only required to keep track of the latest
/// checkpoint it observed and verified."
public struct WitnessRecord: Sendable, Equatable {
  /// Size and root hash of the latest checkpoint cosigned.
  public let size: Int
  public let rootHash: [UInt8]
  /// That checkpoint as served to monitors: its text, the log signature(s)
  /// the witness verified and the witness's own cosignature.
  public let note: SignedNote
  /// For a PSP heads log: the map root of the latest epoch the witness checked
  /// and the epoch tree's right edge (`spec/log.md` §6).
  public let heads: HeadsRecord?

  public init(size: Int, rootHash: [UInt8], note: SignedNote, heads: HeadsRecord? = nil) {
    self.size = size
    self.rootHash = rootHash
    self.note = note
    self.heads = heads
  }
}

/// What a witness keeps of a heads log besides the checkpoint: 32 bytes and at
/// most 64 hashes, whatever the number of wallets.
public struct HeadsRecord: Sendable, Equatable {
  public let mapRoot: [UInt8]
  public let frontier: EpochFrontier

  public init(mapRoot: [UInt8], frontier: EpochFrontier) {
    self.mapRoot = mapRoot
    self.frontier = frontier
  }

  /// Before the first epoch: the empty map, the empty tree.
  public static let start = HeadsRecord(mapRoot: HeadsMap.empty, frontier: EpochFrontier())
}

/// The records of a witness, by origin. Origins are compared as bytes, not as
/// canonically equivalent Unicode, so that two spellings are two logs.
public struct WitnessState: Sendable, Equatable {
  private var records: [[UInt8]: WitnessRecord] = [:]

  public init() {}

  public subscript(origin: String) -> WitnessRecord? {
    get { records[Array(origin.utf8)] }
    set { records[Array(origin.utf8)] = newValue }
  }
}

/// A witness's HTTP answer, without the transport.
public struct WitnessResponse: Sendable, Equatable {
  public let status: Int
  public let contentType: String
  public let body: [UInt8]

  public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: [UInt8]) {
    self.status = status
    self.contentType = contentType
    self.body = body
  }

  /// An error answer whose body says why, in one line.
  static func refusal(_ status: Int, _ why: String) -> WitnessResponse {
    WitnessResponse(status: status, body: Array((why + "\n").utf8))
  }
}

/// The result of one add-checkpoint: the answer, and the record to store for
/// the checkpoint's origin when (and only when) the witness cosigned.
public struct WitnessOutcome: Sendable, Equatable {
  public let response: WitnessResponse
  public let newRecord: WitnessRecord?

  public var status: Int { response.status }
}
