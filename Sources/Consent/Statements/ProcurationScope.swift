import PSPWallet

/// What a procuration lets its trustee reach (`spec/consent.md` §"Procuration
/// scope"): with a circle, the fields of every circle up to it; without one,
/// for `file` or `grant`, only the fields the templates of its purposes allow.
/// The circle keys sealed to the trustee are those of the circles these fields
/// live in — no more — so the trustee can seal a filing's data keys to the
/// administration without the citizen at the keyboard.
public enum ProcurationScope {
  public static func fields(of claims: ProcurationClaims, templates: TemplateCatalogue, circles: (FieldID) -> Circle?)
    -> Set<FieldID>?
  {
    if claims.maxCircle != nil { return nil }  // the whole circles: see `reaches`
    guard !Set(claims.actions).isDisjoint(with: [.file, .grant]) else { return [] }
    var out = Set<FieldID>()
    for purpose in claims.purposes { out.formUnion(templates[purpose]?.allowedFields ?? []) }
    return out
  }

  /// The circles whose keys the trustee needs.
  public static func circles(of claims: ProcurationClaims, templates: TemplateCatalogue, circles: (FieldID) -> Circle?)
    -> [Circle]
  {
    if let maxCircle = claims.maxCircle { return maxCircle.upToHere }
    let fields = fields(of: claims, templates: templates, circles: circles) ?? []
    return Array(Set(fields.compactMap(circles))).sorted()
  }

  /// Whether the trustee may reach `field` (of circle `circle`).
  public static func reaches(
    _ field: FieldID, circle: Circle, claims: ProcurationClaims, templates: TemplateCatalogue,
    circles: (FieldID) -> Circle?
  ) -> Bool {
    if let maxCircle = claims.maxCircle { return circle <= maxCircle }
    return fields(of: claims, templates: templates, circles: circles)?.contains(field) ?? false
  }
}
