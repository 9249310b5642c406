import PSPCrypto

typealias PSPCryptoEncoding = Encoding
