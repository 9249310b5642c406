import Foundation
import PSPWallet

/// The folder of a person's identities (`NAME.keystore`) and wallet-cli's state
/// (`state.json`): `--home`, else `PSP_HOME`, else `~/.psp`. Created with mode
/// 0700: keystores are encrypted, but which identities exist is nobody else's
/// business.
struct Home {
  let url: URL

  init(_ options: HomeOptions, environment: [String: String]) {
    self.init(explicit: options.home, environment: environment)
  }

  init(explicit: String?, environment: [String: String]) {
    if let home = explicit ?? environment["PSP_HOME"].flatMap({ $0.isEmpty ? nil : $0 }) {
      url = URL(fileURLWithPath: (home as NSString).expandingTildeInPath, isDirectory: true)
    } else {
      let user = environment["HOME"] ?? NSHomeDirectory()
      url = URL(fileURLWithPath: user, isDirectory: true).appendingPathComponent(
        ".psp", isDirectory: true)
    }
  }

  static let keystoreExtension = "keystore"

  func keystoreURL(_ name: String) -> URL {
    url.appendingPathComponent("\(name).\(Self.keystoreExtension)")
  }

  var stateURL: URL { url.appendingPathComponent("state.json") }

  func createIfNeeded() throws(Message) {
    let fm = FileManager.default
    guard !fm.fileExists(atPath: url.path) else { return }
    do {
      try fm.createDirectory(
        at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch { throw Messages.keystoreUnwritable }
  }

  /// The names of the identities here, sorted.
  func names() -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return files.filter { $0.hasSuffix(".\(Self.keystoreExtension)") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(Self.keystoreExtension.count + 1)) }.sorted()
  }

  /// The identity that acts: the one named by `--as`, else the only one here.
  func actor(_ name: String?) throws(Message) -> String {
    if let name {
      guard FileManager.default.fileExists(atPath: keystoreURL(name).path) else {
        throw Messages.noSuchIdentity(name)
      }
      return name
    }
    let all = names()
    guard let first = all.first else { throw Messages.noIdentityYet }
    guard all.count == 1 else { throw Messages.chooseIdentity }
    return first
  }

  func readKeystore(_ name: String) throws(Message) -> Keystore {
    do { return try Keystore.read(from: keystoreURL(name)) } catch .fileNotFound {
      throw Messages.noSuchIdentity(name)
    } catch {
      throw Messages.from(error)
    }
  }
}

/// A name for an identity: it becomes a file name, so letters, digits, `-`,
/// `_` and `.` only, not starting with a dot, 1 to 64 characters.
enum IdentityName {
  static func isValid(_ name: String) -> Bool {
    (1...64).contains(name.count) && !name.hasPrefix(".")
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
      }
  }

  /// TRANSITIONAL (English only): the four-language message is
  /// `Messages.identityNameInvalid`, for `identity create` to throw with `usageError`.
  static let rule =
    "a name has 1 to 64 letters, digits, '-', '_' or '.', and does not start with '.'"
}
