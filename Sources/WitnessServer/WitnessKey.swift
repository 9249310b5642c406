import Foundation
import PSPCrypto

/// The witness's Ed25519 key: `witness.key` in the data dir, a `k4.secret`
/// PASERK, mode 0600, made on first start. Losing it means a new witness
/// identity, which every policy pinning the old vkey must learn again.
enum WitnessKey {
  static let fileName = "witness.key"

  static func loadOrCreate(in directory: String) throws(WitnessServerError) -> SigningKey {
    let path = directory + "/" + fileName
    if FileManager.default.fileExists(atPath: path) { return try load(path) }
    let key = SigningKey()
    let paserk = Paserk.encodeSecret(key)
    // O_EXCL: two first starts racing never overwrite each other's key.
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw .key("\(fileName) cannot be created") }
    defer { close(fd) }
    let written = paserk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == paserk.count, fsync(fd) == 0 else {
      throw .key("\(fileName) cannot be written")
    }
    return key
  }

  private static func load(_ path: String) throws(WitnessServerError) -> SigningKey {
    var status = stat()
    guard stat(path, &status) == 0 else { throw .key("\(fileName) cannot be read") }
    // A key others can read is no longer only the witness's.
    guard status.st_mode & 0o077 == 0 else {
      throw .key("\(fileName) must be readable by its owner only (mode 0600)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .key("\(fileName) cannot be read")
    }
    var bytes = [UInt8](data)
    defer { wipe(&bytes) }
    do {
      return try Paserk.signingKey(from: SecureBytes(copying: bytes.prefix { $0 != 0x0A }))
    } catch {
      throw .key("\(fileName) is not a k4.secret PASERK")
    }
  }
}
