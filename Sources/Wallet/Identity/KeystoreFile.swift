import Foundation

/// Reading and writing a keystore file: JSON, mode 0600, replaced atomically (a
/// crash leaves the old file or the new one, never half of one).
extension Keystore {
  public func write(to url: URL, replacing: Bool = false) throws(KeystoreError) {
    let fm = FileManager.default
    if !replacing && fm.fileExists(atPath: url.path) { throw .alreadyExists(url.path) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do { data = try encoder.encode(self) } catch { throw .io("encoded") }
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try fm.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch { throw .io("written") }
    // Created 0600 by open(2) itself: the file is never readable by others,
    // not even for the moment between creating and chmod-ing it.
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw .io("written") }
    let bytes = [UInt8](data)
    let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd) == 0
    close(fd)
    guard written == bytes.count, synced else {
      try? fm.removeItem(at: temporary)
      throw .io("written")
    }
    // rename(2) replaces the target atomically; then the directory is synced
    // so the rename itself survives a crash.
    guard rename(temporary.path, url.path) == 0 else {
      try? fm.removeItem(at: temporary)
      throw .io("written")
    }
    let dirfd = open(directory.path, O_RDONLY)
    if dirfd >= 0 {
      fsync(dirfd)
      close(dirfd)
    }
  }

  public static func read(from url: URL) throws(KeystoreError) -> Keystore {
    guard FileManager.default.fileExists(atPath: url.path) else { throw .fileNotFound(url.path) }
    let data: Data
    do { data = try Data(contentsOf: url) } catch { throw .io("read") }
    guard data.count < 64 * 1024 else { throw .corrupted("too large") }
    let keystore: Keystore
    do { keystore = try JSONDecoder().decode(Keystore.self, from: data) } catch {
      throw .corrupted("not a keystore")
    }
    _ = try keystore.publicIdentity()
    return keystore
  }
}
