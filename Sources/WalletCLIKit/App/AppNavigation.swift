import PSPWallet

/// The links at the top of every page once unlocked: each role sees the pages
/// of its own commands, in the order a person needs them.
enum AppNavigation {
  static func links(for kind: PrincipalKind, _ language: Language) -> [[String: String]] {
    let pairs: [(String, LocalizedText)]
    switch kind {
    case .citizen:
      pairs = [
        ("/", AppWords.home), ("/fields", AppWords.fields), ("/documents", AppWords.documents),
        ("/grants", AppWords.grants), ("/procurations", AppWords.procurations),
        ("/filings", AppWords.filingsTitle), ("/log", AppWords.log),
        ("/wallet", AppWords.walletPage),
      ]
    case .trustee:
      pairs = [("/", AppWords.home), ("/acting", AppWords.actingFor)]
    case .administration:
      pairs = [("/", AppWords.home), ("/received", AppWords.received)]
    case .operator, .registrar:
      pairs = [("/", AppWords.home)]
    }
    return pairs.map { ["href": $0.0, "label": $0.1.text(in: language)] }
  }
}
