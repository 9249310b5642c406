import PSPCrypto
import Testing
import WalletAPI

/// The authentication headers are parsed strictly, before any MAC is computed:
/// one text per counter and per MAC, nothing around them.
@Suite struct HeaderParsingTests {
  let mac = Encoding.base64URL([UInt8](repeating: 0xA5, count: 32))

  @Test func wellFormedHeadersParse() throws {
    let parsed = try #require(RequestAuthentication.parseHeaders(session: "s1", counter: "18446744073709551615", mac: mac))
    #expect(parsed.session == "s1")
    #expect(parsed.counter == UInt64.max)
    #expect(parsed.mac == [UInt8](repeating: 0xA5, count: 32))
  }

  @Test(arguments: ["", "0", "01", "+1", "-1", " 1", "1 ", "1e3", "0x10", "18446744073709551616", "١٢", "1\n"])
  func malformedCountersAreRefused(_ counter: String) {
    #expect(RequestAuthentication.parseHeaders(session: "s1", counter: counter, mac: mac) == nil)
  }

  @Test func malformedOrMissingMACsAndMissingHeadersAreRefused() {
    for bad in [mac + "=", mac + " ", "+" + mac.dropFirst(), "AB", "A"] {
      #expect(RequestAuthentication.parseHeaders(session: "s1", counter: "7", mac: String(bad)) == nil, "\(bad)")
    }
    #expect(RequestAuthentication.parseHeaders(session: nil, counter: "7", mac: mac) == nil)
    #expect(RequestAuthentication.parseHeaders(session: "s1", counter: nil, mac: mac) == nil)
    #expect(RequestAuthentication.parseHeaders(session: "s1", counter: "7", mac: nil) == nil)
  }
}
