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
      // Created with 0600 from the start: the file is never readable by others.
      guard fm.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
      else { throw KeystoreError.io("written") }
      let handle = try FileHandle(forWritingTo: temporary)
      try handle.synchronize()
      try handle.close()
      // rename(2) replaces the target atomically.
      guard rename(temporary.path, url.path) == 0 else { throw KeystoreError.io("written") }
    } catch {
      try? fm.removeItem(at: temporary)
      throw .io("written")
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
