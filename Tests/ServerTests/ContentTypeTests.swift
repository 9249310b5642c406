import Testing

@testable import WalletServer

/// The media type check of request bodies, on its own (the HTTP test in
/// AuthenticationTests sends a few of these to walletd).
@Suite struct ContentTypeTests {
  @Test func jsonInAnyCaseWithParametersAndBlanks() {
    for accepted in [
      "application/json", "Application/JSON", "APPLICATION/JSON", "application/json; charset=utf-8",
      " application/json ", "\tapplication/json;", "application/json ;charset=UTF-8",
    ] {
      #expect(WalletRoutes.isJSON(accepted), "\(accepted)")
    }
  }

  @Test func everythingElseIsNotJSON() {
    for refused: String? in [
      nil, "", " ", ";", "json", "text/json", "application/jsonp", "application/json-patch+json",
      "application/ json", "application/json\u{0}", "application\u{0F}json", "applicationZjson",
      "xapplication/json", "application/jso", "application/jsoN2", "app lication/json",
      "text/plain; application/json",
      "ａpplication/json",
    ] {
      #expect(!WalletRoutes.isJSON(refused), "\(String(describing: refused))")
    }
  }
}
