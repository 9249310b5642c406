import Foundation
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient
import WalletServer

@Suite("Slow clients and restarts")
struct SlowClientAndRestartTests {
  /// Many connections that send half a request and then stall do not keep
  /// walletd from answering a legitimate client.
  @Test func stalledConnectionsDoNotBlockOthers() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    var sockets: [Int32] = []
    defer { for fd in sockets { close(fd) } }
    for _ in 0..<100 {
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      address.sin_port = in_port_t(UInt16(h.daemon.port).bigEndian)
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      try #require(connected == 0)
      let partial = Array(
        "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"tok".utf8)
      _ = partial.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
      sockets.append(fd)
    }
    // walletd has no idle timeout: were it blocked, it would never answer. The
    // bound only tells an answer from none, however loaded the machine is.
    let started = Date()
    _ = try await h.citizen.grants()
    #expect(Date().timeIntervalSince(started) < 30)
  }

  /// A second walletd on a port already taken says so and stops, instead of
  /// waiting for ever to listen.
  @Test func aTakenPortIsRefusedAtStart() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    var other = DaemonConfiguration()
    let directory = TestDirectory()
    other.dataDir = directory.path
    other.listen = "127.0.0.1:\(h.daemon.port)"
    do {
      _ = try await WalletDaemon.start(other)
      Issue.record("a second walletd listened on a taken port")
    } catch let error as APIError {
      #expect(error.detail.contains("could not listen on 127.0.0.1:\(h.daemon.port)"))
    }
    // The first one goes on serving.
    _ = try await h.citizen.grants()
  }

  /// A request recorded before a restart is refused after it: sessions live
  /// in memory only, and the client opens a new one by itself.
  @Test func aRequestReplayedAfterARestartIsRefused() async throws {
    let h = try await ServerHarness.start(fill: false)
    let raw = try await RawClient.open(h.url, identity: h.maria)
    let path = "/v1/wallets/\(h.citizen.walletID)/grants"
    #expect(try await raw.request("GET", path, counter: 1).0 == 200)
    await h.daemon.stop()
    // The same data (and store), a new process: nothing of its memory kept.
    var configuration = h.configuration
    configuration.listen = "127.0.0.1:0"
    let restarted = try await WalletDaemon.start(configuration)
    defer { Task { await restarted.stop() } }
    let replayer = RawClient(
      url: restarted.baseURL, identity: h.maria, session: raw.session, key: raw.key)
    let (status, data) = try await replayer.request("GET", path, counter: 1)
    #expect(status == 401)
    #expect(RawClient.problem(data)?.code == "unauthenticated")
    // The wallet is intact, and its owner carries on with a new session.
    let again = try await CitizenClient.connect(
      Transport(baseURL: restarted.baseURL, identity: h.maria, trust: h.trust(h.maria)),
      wallet: h.citizen.walletID)
    #expect(try await again.grants().isEmpty)
    #expect(try await again.verifyLog(since: nil).intact)
  }
}
