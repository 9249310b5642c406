import Foundation

// SwiftPM generates `Bundle.module` for a target with resources; a plain
// swiftc build of the module for fuzzing has none, so this fuzz-only file
// points it at the resource folder in the source tree (a flat directory,
// as SwiftPM's resource bundles on Linux are).
extension Bundle {
  static let module: Bundle = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/Wallet/Resources").standardizedFileURL
    guard let bundle = Bundle(path: folder.path) else {
      fatalError("fuzz: no resources at \(folder.path)")
    }
    return bundle
  }()
}
