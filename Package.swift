// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vaultcli",
    products: [
        .executable(name: "vaultcli", targets: ["vaultcli"]),
        .library(name: "Vault", targets: ["Vault"]),
    ],
    dependencies: [
        // The CLI's argument parsing (required by the design).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(
            name: "Vault",
            dependencies: ["CSodium"],
            // Every file under Resources/ is compiled into the binary (no bundle, no Bundle.module).
            exclude: ["Resources"],
            swiftSettings: [
                // The test-only KDF knob exists only in debug builds; release builds ignore it.
                .define("VAULTCLI_TESTING", .when(configuration: .debug)),
            ],
            plugins: ["EmbedResources"]
        ),
        // Build-time only: turns Sources/Vault/Resources into Swift source for the Vault target.
        .executableTarget(name: "embed-resources", path: "Sources/embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .executableTarget(
            name: "vaultcli",
            dependencies: [
                "Vault",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks for the bars in the issues (scripts/bench.sh runs them in release mode).
        .executableTarget(name: "vaultcli-bench", dependencies: ["Vault"], path: "Sources/vaultcli-bench"),
        .testTarget(name: "VaultTests", dependencies: ["Vault", "CSodium"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Vault"]),
    ]
)
