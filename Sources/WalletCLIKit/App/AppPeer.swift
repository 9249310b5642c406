import Foundation
import Hummingbird
import NIOCore

/// Who is at the other end of a connection to the app. Browsers send the
/// session cookie to every port of 127.0.0.1, so a cookie copied by another
/// user's program on this computer must not be enough: on Linux, the kernel's
/// table of TCP connections (`/proc/net/tcp`, `/proc/net/tcp6`) names the user
/// that owns the client's end, and a connection from another user is refused.
enum AppPeer {
  /// False only when the client's end is found and another user owns it.
  static func isThisUser(clientPort: Int, serverPort: Int) -> Bool {
    guard let owner = owner(clientPort: clientPort, serverPort: serverPort) else { return true }
    return owner == getuid()
  }

  /// The user owning the socket whose local port is `clientPort` and remote
  /// port `serverPort` (the client's end of a loopback connection), if listed.
  static func owner(clientPort: Int, serverPort: Int) -> uid_t? {
    let local = String(format: ":%04X", clientPort)
    let remote = String(format: ":%04X", serverPort)
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
      // Read to the end: the kernel's tables report no size (a plain read of
      // the file stops at its first page).
      guard let handle = FileHandle(forReadingAtPath: table) else { continue }
      defer { try? handle.close() }
      let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
      for line in text.split(separator: "\n").dropFirst() {
        let columns = line.split(separator: " ", omittingEmptySubsequences: true)
        guard columns.count > 7, columns[1].hasSuffix(local), columns[2].hasSuffix(remote)
        else { continue }
        return uid_t(columns[7])
      }
    }
    return nil
  }
}

/// The app's request context: Hummingbird's, with the client's address (for
/// `AppPeer`).
struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
  var coreContext: CoreRequestContextStorage
  let remoteAddress: SocketAddress?

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress
  }
}
