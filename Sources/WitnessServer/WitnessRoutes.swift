import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import PSPCrypto
import PSPTransparency

/// The two endpoints of c2sp.org/tlog-witness, with the submission and
/// monitoring prefixes both at the root, and the PSP's epoch endpoint:
///
/// - `POST /add-checkpoint`: the witness logic (`WitnessCore`) in a
///   transaction of the store;
/// - `POST /psp-v1/add-epoch`: one epoch of a PSP heads log (`spec/log.md`
///   §6), checked move by move, in a transaction of the store;
/// - `GET /<lowercase hex SHA-256 of the origin>/checkpoint`: the latest
///   cosigned checkpoint, "404 Not Found" if the witness never cosigned one.
struct WitnessRoutes: Sendable {
  let core: WitnessCore
  let store: WitnessStore
  let clock: @Sendable () -> UInt64

  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.post("/add-checkpoint") { request, _ in await addCheckpoint(request) }
    router.post("/psp-v1/add-epoch") { request, _ in await addEpoch(request) }
    router.get("/:originHash/checkpoint") { _, context in
      await latest(originHash: context.parameters.get("originHash") ?? "")
    }
    return router
  }

  private func addCheckpoint(_ request: Request) async -> Response {
    var request = request
    let body: [UInt8]
    do {
      body = Array(
        try await request.collectBody(upTo: AddCheckpointRequest.maximumByteCount).readableBytesView
      )
    } catch {
      return Self.text(
        413, "the body is larger than \(AddCheckpointRequest.maximumByteCount) bytes\n")
    }
    let parsed: AddCheckpointRequest
    do { parsed = try AddCheckpointRequest.parse(body) } catch {
      return Self.text(400, error.description + "\n")
    }
    // The transaction waits for SQLite's lock and fsync: off the cooperative pool.
    let (core, store, now) = (core, store, clock())
    do {
      let outcome = try await NIOThreadPool.singleton.runIfActive {
        try store.addCheckpoint(parsed, core: core, now: now)
      }
      return Self.response(outcome.response)
    } catch {
      return Self.text(500, "the witness could not record the checkpoint\n")
    }
  }

  private func addEpoch(_ request: Request) async -> Response {
    var request = request
    let body: [UInt8]
    do {
      body = Array(
        try await request.collectBody(upTo: AddEpochRequest.maximumByteCount).readableBytesView)
    } catch {
      return Self.text(413, "the body is larger than \(AddEpochRequest.maximumByteCount) bytes\n")
    }
    // Parsing up to 64 MiB and checking up to 20,000 moves take long: off the
    // cooperative pool, like the transaction (the moves are checked inside it,
    // against the map root it reads).
    let (core, store, now) = (core, store, clock())
    do {
      let answer = try await NIOThreadPool.singleton.runIfActive { () throws -> WitnessResponse in
        let parsed: AddEpochRequest
        do throws(TransparencyError) { parsed = try AddEpochRequest.parse(body) } catch {
          return WitnessResponse(status: 400, body: Array((error.description + "\n").utf8))
        }
        return try store.addEpoch(parsed, core: core, now: now).response
      }
      return Self.response(answer)
    } catch {
      return Self.text(500, "the witness could not record the epoch\n")
    }
  }

  private func latest(originHash: String) async -> Response {
    // "The origin hash is the SHA-256 hash of the log's origin, hex encoded, in lowercase."
    guard originHash.utf8.count == 64, (try? Encoding.fromHex(originHash)) != nil else {
      return Self.text(404, "not an origin hash\n")
    }
    let store = store
    let found: [UInt8]?
    do {
      found = try await NIOThreadPool.singleton.runIfActive {
        try store.latestNote(originHash: originHash)
      }
    } catch {
      return Self.text(500, "the witness could not read its state\n")
    }
    guard let note = found else {
      return Self.text(404, "no checkpoint cosigned for this origin\n")
    }
    return Self.response(WitnessResponse(status: 200, body: note))
  }

  static func response(_ answer: WitnessResponse) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = answer.contentType
    return Response(
      status: HTTPResponse.Status(code: answer.status), headers: headers,
      body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
  }

  static func text(_ status: Int, _ text: String) -> Response {
    response(WitnessResponse(status: status, body: Array(text.utf8)))
  }
}
