import Foundation
import PSPCrypto
import PSPWallet
import WalletAPI

// libFuzzer target for walletd's request parsers, compiled together with the
// Hummingbird-free files of WalletServer they live in (StrictJSON, APIError,
// SessionTable, ReplayWindow, Caller, DaemonConfiguration; see run.sh). The
// first byte chooses:
//
// - a request body type, decoded by `StrictJSON` (depth bound, Codable, refusal
//   of unknown members); what it accepts must be accepted again once re-encoded;
// - a session handshake: the claims are signed by the fixture's client and
//   opened by a fresh `SessionTable`;
// - a run of authenticated requests on an open session, each with a counter,
//   a right or wrong MAC and a known or unknown session id: the session table
//   must accept exactly what a reference replay window accepts;
// - the three authentication header texts (`RequestAuthentication.parseHeaders`):
//   what it accepts must print back to the same texts.

private let bodyParsers: [@Sendable ([UInt8]) -> Void] = [
  { strict(SessionRequest.self, $0) }, { strict(AdministrationCertificateView.self, $0) },
  { strict(OpenWalletRequest.self, $0) }, { strict(CloseRequest.self, $0) },
  { strict(FieldsRequest.self, $0) },
  { strict(GrantRequest.self, $0) }, { strict(StatusChangeRequest.self, $0) },
  { strict(ProcurationRequest.self, $0) }, { strict(FilingRequest.self, $0) },
  { strict(FilingResponseRequest.self, $0) }, { strict(ReadRequestBody.self, $0) },
  {
    guard let configuration = strict(DaemonConfiguration.self, $0) else { return }
    _ = try? configuration.hostAndPort()
    _ = try? configuration.operatorPublicKey()
    _ = try? configuration.registrarPublicKeys()
  },
]

private let now = FuzzFixture.now
private let client = FuzzFixture.client
private let handshake = try! SignedStatement.sign(
  SessionRequestClaims(
    key: client.signingKey.publicKey, encryptionKey: client.encryptionKey.publicKey, at: now),
  type: SessionRequestClaims.type, with: client.signingKey)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequests(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let rest = Array(UnsafeBufferPointer(start: start + 1, count: count - 1))
  let choice = Int(start[0]) % (bodyParsers.count + 3)
  if choice < bodyParsers.count {
    bodyParsers[choice](rest)
  } else if choice == bodyParsers.count {
    let table = SessionTable(daemonKey: FuzzFixture.daemon.publicKey)
    let token = FuzzFixture.sign(rest, type: SessionRequestClaims.type, with: client.signingKey)
    _ = try? table.open(SessionRequest(token: token), at: now)
  } else if choice == bodyParsers.count + 1 {
    authenticatedRequests(rest)
  } else {
    headerTexts(rest)
  }
  return 0
}

/// The input split at the first two 0x0A bytes into session, counter and MAC texts.
private func headerTexts(_ bytes: [UInt8]) {
  let parts = bytes.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
    .map { String(decoding: $0, as: UTF8.self) }
  guard parts.count == 3,
    let parsed = RequestAuthentication.parseHeaders(session: parts[0], counter: parts[1], mac: parts[2])
  else { return }
  // Strict means one text per value: the accepted counter and MAC print back to what was sent.
  guard String(parsed.counter) == parts[1], Encoding.base64URL(parsed.mac) == parts[2] else {
    fatalError("parseHeaders accepted a non-canonical counter or MAC text")
  }
}

@discardableResult
private func strict<T: Codable>(_ type: T.Type, _ body: [UInt8]) -> T? {
  guard let value = try? StrictJSON.decode(T.self, from: body) else { return nil }
  guard let again = try? JSONEncoder().encode(value),
    (try? StrictJSON.decode(T.self, from: Array(again))) != nil
  else {
    fatalError("StrictJSON refuses its own encoding of an accepted \(T.self)")
  }
  return value
}

/// Each request is 9 bytes: flags (bit 0: a wrong MAC, bit 1: an unknown
/// session) and a big-endian counter. The body varies with the request, so a
/// MAC for one request never fits another.
private func authenticatedRequests(_ bytes: [UInt8]) {
  let table = SessionTable(daemonKey: FuzzFixture.daemon.publicKey)
  guard let response = try? table.open(SessionRequest(token: handshake), at: now),
    let secret = try? SealedBox.open(response.sealedKey.bytes, with: client.encryptionKey),
    let key = try? SymmetricKey(secret)
  else { fatalError("a valid handshake was refused") }
  var model = ReferenceWindow()
  var offset = 0
  while offset + 9 <= bytes.count {
    let flags = bytes[offset]
    let counter = bytes[offset + 1..<offset + 9].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    offset += 9
    let body = Array(bytes[offset - 9..<offset])
    var mac = RequestAuthentication.mac(
      key: key, method: "POST", path: "/v1/wallets", counter: counter, body: body)
    if flags & 1 != 0 { mac[Int(flags >> 2) % mac.count] ^= 1 }
    let session = flags & 2 == 0 ? response.session : response.session + "x"
    let accepted =
      (try? table.authenticate(
        session: session, counter: counter, mac: mac, method: "POST", path: "/v1/wallets",
        body: body, at: now + 1))
      != nil
    let expected = flags & 3 == 0 && model.accept(counter)
    guard accepted == expected else {
      fatalError(
        "the session table \(accepted ? "accepted" : "refused") counter \(counter) (flags \(flags & 3))"
      )
    }
  }
}

/// The replay rule of `spec/api.md` §4.3, written from the spec as plainly as
/// possible: counters start at 1, each is accepted once, and one more than
/// 1023 below the highest accepted is refused.
private struct ReferenceWindow {
  var accepted = Set<UInt64>()
  var highest: UInt64 = 0

  mutating func accept(_ counter: UInt64) -> Bool {
    guard counter > 0, !accepted.contains(counter), counter > highest || highest - counter < 1024
    else { return false }
    accepted.insert(counter)
    highest = max(highest, counter)
    return true
  }
}
