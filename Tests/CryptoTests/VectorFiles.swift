import Foundation
import PSPCrypto

/// Locates and decodes the third-party vector files kept in `Tests/Vectors/`
/// (their origins, licences and checksums in that folder's README) and the PSP's own
/// fixtures. A missing file fails the test that needs it: a vector that cannot be
/// read has not passed.
enum VectorFiles {
  static let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let thirdParty = projectRoot.appendingPathComponent("Tests/Vectors")

  static func shared<T: Decodable>(_ relativePath: String, as type: T.Type) throws -> T {
    try decode(thirdParty.appendingPathComponent(relativePath))
  }

  static func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    try decode(projectRoot.appendingPathComponent("Tests/CryptoTests/Fixtures/\(name)"))
  }

  private static func decode<T: Decodable>(_ url: URL) throws -> T {
    let data = try Data(contentsOf: url)
    return try JSONDecoder().decode(T.self, from: data)
  }
}

func hex(_ text: String) -> [UInt8] {
  // Vector files are trusted test data; a malformed one is a test failure.
  (try? Encoding.fromHex(text)) ?? { preconditionFailure("bad hex in vector: \(text.prefix(16))") }()
}
