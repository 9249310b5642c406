import Hummingbird
import Logging
import NIOCore

/// The per-request context: Hummingbird's core storage and the client's
/// address (for the authentication failure limiter). Bodies are collected by
/// the handlers themselves, with per-route limits.
public struct WalletRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  public let remoteAddress: String

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
  }

  public var maxUploadSize: Int { 16 * 1024 * 1024 }
}
