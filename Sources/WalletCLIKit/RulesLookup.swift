import PSPConsent
import PSPWallet

/// Finding administrations and aids by the names a person types, with the
/// messages of `Messages` when they do not exist or do not fit.
extension StandardConsentRules {
  func administration(named id: String) throws(Message) -> Administration {
    guard let raw = AdministrationID(rawValue: id),
      let administration = registry.administration(id: raw)
    else {
      throw Messages.unknownAdministration(id)
    }
    return administration
  }

  /// The administration `id`, checked to process `purpose`.
  func administration(named id: String, for purpose: Purpose) throws(Message) -> Administration {
    let administration = try administration(named: id)
    guard let template = templates[purpose], administration.mayProcess(purpose: purpose),
      template.mayBeProcessed(by: administration.kind)
    else {
      throw Messages.administrationNotForAid(
        administration.name, aid: Words.aid(purpose, templates))
    }
    return administration
  }

  /// The registered name of a key id, or the key id itself.
  func name(ofKeyID keyID: String) -> String {
    registry.administration(keyID: keyID)?.name ?? keyID
  }
}

/// An aid named on the command line (`--purpose`): known to the bundled templates.
enum PurposeArgument {
  static func known(_ text: String) -> Purpose? {
    guard let purpose = Purpose(rawValue: text), TemplateCatalogue.standard[purpose] != nil else {
      return nil
    }
    return purpose
  }
}
