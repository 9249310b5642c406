import PSPWallet

/// Where a request stands, as the citizen sees it in one place.
public enum FilingStatus: String, Sendable, Codable, CaseIterable {
  case filed
  case acknowledged
  case informationRequested = "information-requested"
  case decided
  case contested

  /// The statuses that may follow this one. A request is acknowledged once;
  /// information may be asked several times before the decision; a decision
  /// may be contested.
  public var next: Set<FilingStatus> {
    switch self {
    case .filed: [.acknowledged]
    case .acknowledged: [.informationRequested, .decided]
    case .informationRequested: [.informationRequested, .acknowledged, .decided]
    case .decided: [.contested]
    case .contested: [.decided]
    }
  }

  public func label(_ language: Language) -> String {
    let say = language.say
    return switch self {
    case .filed: say("envoyée", "filed", "eingereicht", "enviado")
    case .acknowledged:
      say(
        "reçue (accusé de réception)", "received (acknowledged)", "erhalten (Eingangsbestätigung)",
        "recebido (aviso de receção)")
    case .informationRequested:
      say(
        "informations demandées", "information requested", "Auskünfte verlangt",
        "informações pedidas")
    case .decided: say("décidée", "decided", "entschieden", "decidido")
    case .contested: say("contestée", "contested", "angefochten", "contestado")
    }
  }
}

/// One step of a request's timeline.
public struct FilingStep: Sendable, Equatable {
  public let status: FilingStatus
  public let at: Int64
  /// Key id of who caused it.
  public let by: String
}

/// The timeline of a request: a pure state machine fed with verified steps.
public struct FilingTimeline: Sendable, Equatable {
  public private(set) var steps: [FilingStep]
  public private(set) var number: String?
  public private(set) var dueOn: CivilDate?
  public private(set) var outcome: FilingResponseClaims.Outcome?

  public init(filing: Filing) {
    steps = [FilingStep(status: .filed, at: filing.filedAt, by: filing.claims.iss)]
  }

  public var status: FilingStatus { steps.last!.status }

  /// Applies a step; a step that may not follow the current status is refused
  /// and changes nothing.
  public mutating func apply(_ step: FilingStep) throws(ConsentRefusal) {
    guard status.next.contains(step.status) else {
      throw .notAllowed("\(status.rawValue) cannot become \(step.status.rawValue)")
    }
    guard step.at >= steps.last!.at else {
      throw .notAllowed("a step cannot precede the previous one")
    }
    steps.append(step)
  }

  mutating func record(number: String?, dueOn: CivilDate?) {
    self.number = number
    self.dueOn = dueOn
  }

  mutating func record(outcome: FilingResponseClaims.Outcome?) { self.outcome = outcome }
}
