import Foundation
import PSPCrypto

/// Locates and decodes the third-party vector files in `../shared/vectors/`
/// (beside the project's root) and the PSP's own fixtures. A missing file fails
/// the test that needs it: a vector that cannot be read has not passed.
enum VectorFiles {
  static let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var sharedVectors: URL {
    if let dir = ProcessInfo.processInfo.environment["PSP_SHARED_DIR"] {
      return URL(fileURLWithPath: dir).appendingPathComponent("vectors")
    }
    return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/vectors")
  }

  static func shared<T: Decodable>(_ relativePath: String, as type: T.Type) throws -> T {
    try decode(sharedVectors.appendingPathComponent(relativePath))
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
