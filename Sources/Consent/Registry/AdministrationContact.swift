/// How a citizen or a trustee reaches the service that handles their request
/// (RGD 8 November 2010, art. 9: the acknowledgement names a contact). It is the
/// service's contact, never a citizen's data.
public struct AdministrationContact: Sendable, Hashable, Codable {
  /// The service, e.g. "Service allocation de vie chère".
  public let service: String
  public let phone: String?
  public let email: String?

  /// A service name and at least one way to reach it: many users have no
  /// e-mail, so a phone number is worth as much as an address.
  public init(service: String, phone: String? = nil, email: String? = nil) throws(RegistryError) {
    guard !service.isBlank else { throw .invalidContact("the service name is missing") }
    guard phone != nil || email != nil else {
      throw .invalidContact("give a phone number or an e-mail address of the service")
    }
    if let phone {
      let allowed = Set("0123456789 +-()/.")
      guard phone.contains(where: \.isNumber), phone.allSatisfy(allowed.contains) else {
        throw .invalidContact("the phone number may hold only digits, spaces and + - ( ) / .")
      }
    }
    if let email {
      let parts = email.split(separator: "@", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
        !email.contains(where: \.isWhitespace)
      else { throw .invalidContact("the e-mail address is not of the form name@domain") }
    }
    self.service = service
    self.phone = phone
    self.email = email
  }

  enum CodingKeys: String, CodingKey { case service, phone, email }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        service: c.decode(String.self, forKey: .service),
        phone: c.decodeIfPresent(String.self, forKey: .phone),
        email: c.decodeIfPresent(String.self, forKey: .email))
    } catch let error as RegistryError {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }
}
