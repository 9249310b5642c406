import Foundation
import PSPCrypto

/// walletd's own signing key (it signs checkpoints): `walletd.key` in the data
/// dir, a `k4.secret` PASERK, mode 0600, made on first start. Losing it only
/// means later checkpoints are signed by a new key, which clients notice.
public enum DaemonKey {
  public static func loadOrCreate(in directory: String) throws -> SigningKey {
    let url = URL(fileURLWithPath: directory).appendingPathComponent("walletd.key")
    let fm = FileManager.default
    if let data = fm.contents(atPath: url.path) {
      var bytes = [UInt8](data)
      defer { wipe(&bytes) }
      let text = bytes.prefix { $0 != 0x0A }
      return try Paserk.signingKey(from: SecureBytes(copying: text))
    }
    let key = SigningKey()
    let paserk = Paserk.encodeSecret(key)
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw APIError.unavailable("walletd.key cannot be created") }
    defer { close(fd) }
    let written = paserk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == paserk.count, fsync(fd) == 0 else { throw APIError.unavailable("walletd.key cannot be written") }
    return key
  }
}
