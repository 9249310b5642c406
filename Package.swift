// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "PSP",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "PSPCrypto", targets: ["PSPCrypto"]),
    .library(name: "PSPWallet", targets: ["PSPWallet"]),
    .library(name: "PSPConsent", targets: ["PSPConsent"]),
    .library(name: "PSPTransparency", targets: ["PSPTransparency"]),
    .executable(name: "walletd", targets: ["walletd"]),
    .executable(name: "wallet-cli", targets: ["wallet-cli"]),
    .executable(name: "psp-witness", targets: ["psp-witness"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    // libsodium from the system (Debian: libsodium-dev), found through pkg-config.
    .systemLibrary(
      name: "CSodium",
      path: "Sources/CSodium",
      pkgConfig: "libsodium",
      providers: [.apt(["libsodium-dev"])]
    ),
    // SQLite from the system (Debian: libsqlite3-dev).
    .systemLibrary(
      name: "CSQLite",
      path: "Sources/CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // QR codes of the printable sheets, from the system (Debian: libqrencode-dev).
    .systemLibrary(
      name: "CQRencode",
      path: "Sources/CQRencode",
      pkgConfig: "libqrencode",
      providers: [.apt(["libqrencode-dev"])]
    ),
    // The few system calls of memory hygiene (prctl, setrlimit).
    .systemLibrary(name: "CHygiene", path: "Sources/CHygiene"),
    // glibc's closefrom for posix_spawn and pipe2 (GNU extensions).
    .systemLibrary(name: "CSpawn", path: "Sources/CSpawn"),
    // Starting a program without Foundation's Process (ChildProcess.swift says why).
    .target(name: "PSPProcess", dependencies: ["CSpawn"], path: "Sources/ChildProcess"),
    // The only target that touches libsodium; no C type is public.
    .target(name: "PSPCrypto", dependencies: ["CSodium", "CHygiene"], path: "Sources/Crypto"),
    // Resources: the field catalogue and the commune directory, kept as data.
    .target(
      name: "PSPWallet",
      dependencies: ["PSPCrypto", "CSQLite"],
      path: "Sources/Wallet",
      resources: [.process("Resources")]
    ),
    // The aid templates ship as data (Resources/templates.json), read with Bundle.module.
    .target(
      name: "PSPConsent",
      dependencies: ["PSPCrypto", "PSPWallet"],
      path: "Sources/Consent",
      resources: [.process("Resources")]
    ),
    // C2SP transparency texts: signed notes, checkpoints, cosignatures, proofs, the witness logic.
    .target(name: "PSPTransparency", dependencies: ["PSPCrypto", "PSPConsent"], path: "Sources/Transparency"),
    // The witness service: SQLite state, key file, HTTP endpoints (psp-witness and tests start it).
    .target(
      name: "WitnessServer",
      dependencies: [
        "PSPTransparency", "PSPCrypto", "PSPWallet",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      path: "Sources/WitnessServer"
    ),
    .executableTarget(
      name: "psp-witness",
      dependencies: [
        "WitnessServer", "PSPCrypto",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/psp-witness"
    ),
    // The HTTP API's shapes and request authentication, shared by server and client.
    .target(name: "WalletAPI", dependencies: ["PSPCrypto", "PSPWallet", "PSPConsent"], path: "Sources/WalletAPI"),
    // The daemon's logic: HTTP API, authentication, storage, log, group commit.
    .target(
      name: "WalletServer",
      dependencies: [
        "PSPCrypto", "PSPWallet", "PSPConsent", "WalletAPI", "PSPTransparency",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      path: "Sources/WalletServer",
      resources: [.copy("Resources/openapi.yaml")]
    ),
    // The client side: speaks the API, does all the cryptography of the caller.
    .target(
      name: "WalletClient",
      dependencies: ["PSPCrypto", "PSPWallet", "PSPConsent", "WalletAPI", "PSPTransparency"],
      path: "Sources/WalletClient"
    ),
    // The demo story: a walletd on loopback and every role, told step by step.
    .target(
      name: "PSPDemo",
      dependencies: [
        "PSPCrypto", "PSPWallet", "PSPConsent", "WalletAPI", "WalletClient", "WalletServer",
        "PSPTransparency", "WitnessServer",
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/Demo"
    ),
    .executableTarget(
      name: "walletd",
      dependencies: [
        "PSPTransparency",
        "PSPCrypto", "WalletServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      path: "Sources/walletd"
    ),
    // wallet-cli's command tree and logic, a library so that tests can reach it.
    .target(
      name: "WalletCLIKit",
      dependencies: [
        "PSPCrypto", "PSPWallet", "PSPConsent", "WalletAPI", "WalletClient", "WalletServer", "PSPDemo",
        "CQRencode", "PSPProcess",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "MultipartKit", package: "multipart-kit"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      path: "Sources/WalletCLIKit"
    ),
    .executableTarget(
      name: "wallet-cli",
      dependencies: ["WalletCLIKit", "PSPCrypto"],
      path: "Sources/wallet-cli"
    ),
    // Benchmarks (bench/README.md): measured by hand in release mode, never as tests.
    // CSodium only to time the raw libsodium calls that PSPCrypto wraps.
    .executableTarget(
      name: "psp-bench",
      dependencies: [
        "CSodium", "PSPCrypto", "PSPWallet", "PSPConsent", "WalletAPI", "WalletClient", "WalletServer",
        "PSPTransparency", "WitnessServer",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "bench/psp-bench"
    ),
    .testTarget(
      name: "CryptoTests",
      dependencies: ["PSPCrypto"],
      path: "Tests/CryptoTests",
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "WalletTests",
      dependencies: ["PSPWallet", "PSPCrypto"],
      path: "Tests/WalletTests"
    ),
    .testTarget(
      name: "ConsentTests",
      dependencies: ["PSPConsent", "PSPWallet", "PSPCrypto"],
      path: "Tests/ConsentTests"
    ),
    .testTarget(
      name: "TransparencyTests",
      dependencies: ["PSPTransparency", "WitnessServer", "PSPConsent", "PSPCrypto"],
      path: "Tests/TransparencyTests"
    ),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "WalletServer", "WalletClient", "WalletAPI", "PSPDemo", "PSPConsent", "PSPWallet", "PSPCrypto",
        "PSPTransparency", "WitnessServer", "PSPProcess",
        .product(name: "Logging", package: "swift-log"), .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      path: "Tests/ServerTests"
    ),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "WalletCLIKit", "WalletServer", "PSPDemo", "PSPConsent", "PSPWallet", "PSPCrypto",
        "PSPTransparency", "WitnessServer", "WalletClient", "PSPProcess",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Tests/CLITests",
      exclude: ["Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
