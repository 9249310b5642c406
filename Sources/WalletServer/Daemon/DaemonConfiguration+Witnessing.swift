extension DaemonConfiguration {
  /// The witnessed log's settings, checked.
  public func witnessing() throws(APIError) -> LogWitnessing.Settings {
    var endpoints: [WitnessEndpoint] = []
    for setting in witnesses ?? [] { endpoints.append(try WitnessEndpoint(setting: setting)) }
    let quorum = witnessQuorum ?? endpoints.count
    guard quorum >= 0, quorum <= endpoints.count else {
      throw .badRequest(
        "witnessQuorum must be between 0 and the number of witnesses (\(endpoints.count))")
    }
    // As clients require (spec/log.md §8): more than half, so that two
    // disjoint groups of witnesses never both make a quorum.
    guard quorum == 0 && endpoints.isEmpty || 2 * quorum > endpoints.count else {
      throw .badRequest("witnessQuorum must be more than half of the \(endpoints.count) witnesses")
    }
    let interval = epochIntervalMilliseconds ?? 0
    guard interval >= 0 else { throw .badRequest("epochIntervalMilliseconds must be 0 or more") }
    let receiptTimeout = receiptTimeoutSeconds ?? 15
    guard (1...600).contains(receiptTimeout) else {
      throw .badRequest("receiptTimeoutSeconds must be a whole number from 1 to 600")
    }
    let origin = logOrigin ?? Self.defaultLogOrigin
    guard !origin.isEmpty,
      !origin.unicodeScalars.contains(where: {
        $0.value < 0x21 || $0 == "+" || $0.properties.isWhitespace
      })
    else {
      throw .badRequest("logOrigin must be non-empty, without spaces or '+'")
    }
    return LogWitnessing.Settings(
      origin: origin, witnesses: endpoints, quorum: quorum, interval: .milliseconds(interval),
      receiptTimeout: .seconds(receiptTimeout))
  }
}
