import Foundation
import PSPProcess
import PSPCrypto
import Testing
import WalletServer

/// Optional TLS: with a certificate and key, walletd answers HTTPS (checked
/// with curl against that certificate) and refuses plain HTTP.
@Suite("TLS")
struct TLSTests {
  func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = try ChildProcess.start(tool, arguments, output: .capture)
    let data = process.readOutput()
    return (process.waitUntilExit(), String(decoding: data, as: UTF8.self))
  }

  @Test func walletdSpeaksHTTPSWithItsCertificate() async throws {
    let directory = TestDirectory()
    let certificate = directory.path + "/cert.pem"
    let key = directory.path + "/key.pem"
    let (made, _) = try run("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
    ])
    try #require(made == 0, "openssl could not make a test certificate")
    var configuration = DaemonConfiguration()
    configuration.dataDir = directory.path + "/data"
    configuration.listen = "127.0.0.1:0"
    configuration.tlsCertificate = certificate
    configuration.tlsKey = key
    let daemon = try await WalletDaemon.start(configuration)
    defer { Task { await daemon.stop() } }
    #expect(daemon.baseURL.hasPrefix("https://"))
    let (status, body) = try run("curl", ["-s", "--cacert", certificate, daemon.baseURL + "/healthz"])
    #expect(status == 0)
    #expect(body.contains("alive"))
    // Plain HTTP to the same port gets no answer, and a client that does not
    // trust the certificate refuses it.
    let plain = try run("curl", ["-s", "--max-time", "3", "http://127.0.0.1:\(daemon.port)/healthz"])
    #expect(!plain.1.contains("alive"))
    let untrusted = try run("curl", ["-s", "--max-time", "3", daemon.baseURL + "/healthz"])
    #expect(untrusted.0 != 0)
  }

  @Test func halfAConfigurationIsRefused() async throws {
    let directory = TestDirectory()
    var configuration = DaemonConfiguration()
    configuration.dataDir = directory.path
    configuration.listen = "127.0.0.1:0"
    configuration.tlsCertificate = directory.path + "/cert.pem"
    await #expect(throws: (any Error).self) { _ = try await WalletDaemon.start(configuration) }
  }
}
