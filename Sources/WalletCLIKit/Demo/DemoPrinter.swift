import PSPDemo
import PSPWallet

/// One calm line per step of the demo: "3. FNS — a lu les données permises",
/// the fields seen indented under it, a refusal marked "REFUSÉ (code)" (in the
/// person's language).
struct DemoPrinter: Sendable {
  let invocation: Invocation

  init(_ invocation: Invocation) { self.invocation = invocation }

  func print(_ step: DemoTranscript.Step) {
    invocation.line(Self.lines(step, invocation.language).joined(separator: "\n"))
  }

  static func lines(_ step: DemoTranscript.Step, _ language: Language) -> [String] {
    var first = "\(step.number). \(step.actor) — \(step.detail)"
    switch step.outcome {
    case "ok": break
    case "refused":
      let refused =
        switch language {
        case .french: " — REFUSÉ"
        case .english: " — REFUSED"
        case .german: " — ABGELEHNT"
        case .portuguese: " — RECUSADO"
        }
      first += refused + (step.code.map { " (\($0))" } ?? "")
    default:
      let error =
        switch language {
        case .french: " — ERREUR"
        case .english: " — ERROR"
        case .german: " — FEHLER"
        case .portuguese: " — ERRO"
        }
      first += error
    }
    var lines = [first]
    if let seen = step.fieldsSeen {
      // In catalogue order, with the labels a person reads.
      for definition in FieldCatalogue.standard.fields {
        guard let value = seen[definition.id.rawValue] else { continue }
        lines.append(
          FieldDisplay.line(
            label: definition.label.text(in: language), value: value, indent: "     ", language))
      }
    }
    return lines
  }
}

/// Whether the demo told the story it promises: no step failed, exactly the
/// three refusals the story is built to show (a field outside the grant, a
/// one-shot procuration used twice, a revoked grant), and the log verified.
struct DemoVerdict {
  static let expectedRefusals = ["field-not-granted", "procuration-used", "revoked"]
  let asExpected: Bool

  init(_ transcript: DemoTranscript) {
    let failed = transcript.steps.contains {
      !["ok", "refused"].contains($0.outcome) || $0.detail.hasSuffix("NOT REFUSED")
    }
    asExpected =
      !failed && transcript.refusals.map { $0.code ?? "" } == Self.expectedRefusals
      && transcript.logIntact == true
  }
}
