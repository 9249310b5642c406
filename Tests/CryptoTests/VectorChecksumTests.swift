import Foundation
import PSPCrypto
import Testing

/// The third-party vector files are byte-exact copies: each one's sha256 must be the
/// one its row in `Tests/Vectors/README.md` records, and every file must have a row.
@Suite("Vector files match their recorded checksums")
struct VectorChecksumTests {
  struct Row: Equatable {
    let file: String
    let sha256: String
  }

  /// The rows of the README's table: a line `| \`path.json\` | … | \`sha256\` |`.
  static func rows(of readme: String) -> [Row] {
    readme.split(separator: "\n").compactMap { line in
      let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 4, let file = cells[1].codeSpan, file.hasSuffix(".json"),
        let digest = cells[cells.count - 2].codeSpan
      else { return nil }
      return Row(file: file, sha256: digest)
    }
  }

  static func jsonFiles(under root: URL) -> [String] {
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    let prefix = root.standardizedFileURL.path + "/"
    return (walker?.allObjects as? [URL] ?? [])
      .filter { $0.pathExtension == "json" }
      .map { String($0.standardizedFileURL.path.dropFirst(prefix.count)) }
      .sorted()
  }

  @Test func everyFileHasTheRecordedDigest() throws {
    let readme = try String(
      contentsOf: VectorFiles.thirdParty.appendingPathComponent("README.md"), encoding: .utf8)
    let rows = Self.rows(of: readme)
    #expect(rows.count == 13)
    for row in rows {
      let bytes = try [UInt8](Data(contentsOf: VectorFiles.thirdParty.appendingPathComponent(row.file)))
      #expect(Encoding.hex(SHA256.hash(bytes)) == row.sha256, "\(row.file)")
    }
    #expect(Self.jsonFiles(under: VectorFiles.thirdParty) == rows.map(\.file).sorted())
  }

  /// The check itself: a changed byte, a changed digest and a missing row are seen.
  @Test func aChangedFileOrRowIsSeen() throws {
    let readme = try String(
      contentsOf: VectorFiles.thirdParty.appendingPathComponent("README.md"), encoding: .utf8)
    let row = try #require(Self.rows(of: readme).first)
    var bytes = try [UInt8](Data(contentsOf: VectorFiles.thirdParty.appendingPathComponent(row.file)))
    bytes[bytes.count / 2] ^= 0x01
    #expect(Encoding.hex(SHA256.hash(bytes)) != row.sha256)
    let edited = readme.replacingOccurrences(of: row.sha256, with: String(repeating: "0", count: 64))
    #expect(Self.rows(of: edited).first?.sha256 != row.sha256)
    #expect(Self.rows(of: "| `a.json` | x | `abc` |") == [Row(file: "a.json", sha256: "abc")])
    #expect(Self.rows(of: "| file | origin | sha256 |").isEmpty)
  }
}

extension String {
  /// The text of a cell that is one Markdown code span (`` `x` ``), or nil.
  fileprivate var codeSpan: String? {
    guard count >= 2, hasPrefix("`"), hasSuffix("`") else { return nil }
    let inner = dropFirst().dropLast()
    return inner.contains("`") ? nil : String(inner)
  }
}
