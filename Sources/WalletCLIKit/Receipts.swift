import Foundation
import PSPConsent
import PSPWallet

/// The receipts an identity keeps: the proofs (tlog-proof text, `spec/log.md`
/// §5) that what it did — an administration's reading, a request filed — is in
/// the person's log as the witnesses confirmed it. They are its evidence
/// later, whatever walletd then shows. One file each in
/// `<home>/<name>.receipts/`, named `<wallet>-<statement>-<n>.tlog-proof`: ids
/// only (never a person's name or a value), `n` counting from 1 for each
/// wallet and statement. A receipt is never overwritten.
enum Receipts {
  static let fileExtension = "tlog-proof"

  /// Writes `text` as the next receipt of `wallet` and `statement`; returns its file.
  static func keep(
    _ text: String, home: Home, name: String, wallet: WalletID, statement: StatementID
  ) throws(Message) -> URL {
    let folder = home.receiptsURL(name)
    try home.createIfNeeded()
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch { throw Messages.fileUnwritable }
    let bytes = Array(text.utf8)
    let prefix = "\(wallet)-\(statement)-"
    let taken = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".\(fileExtension)") }.count
    // Created with O_EXCL: a number another run took meanwhile is skipped, never written over.
    for number in (taken + 1)...(taken + 100) {
      let url = folder.appendingPathComponent("\(prefix)\(number).\(fileExtension)")
      let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
      if fd < 0 {
        if errno == EEXIST { continue }
        throw Messages.fileUnwritable
      }
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      let synced = fsync(fd) == 0
      close(fd)
      guard written == bytes.count, synced else {
        unlink(url.path)
        throw Messages.fileUnwritable
      }
      return url
    }
    throw Messages.fileUnwritable
  }
}

extension Home {
  /// The receipts kept by the identity `name`.
  func receiptsURL(_ name: String) -> URL {
    url.appendingPathComponent("\(name).receipts", isDirectory: true)
  }
}
