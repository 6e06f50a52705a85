// swift-tools-version:6.0
import PackageDescription

/// Release builds of our own targets are optimised for size (-Osize) (issue 12: the binary's
/// size): about 0.3 MB less binary than -O, and the same instruction count for genpass
/// (callgrind). swift-argument-parser keeps its package's settings.
let releaseOptimisation: [SwiftSetting] = [.unsafeFlags(["-Osize"], .when(configuration: .release))]

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
        // Linux system calls Swift cannot reach directly (variadic prctl, O_DIRECT, sync_file_range):
        // headers only, all in libc. Kept apart from CSodium, which is libsodium alone.
        .systemLibrary(name: "CLinux"),
        // HMAC-SHA-1 for one-time codes (authenticator apps use SHA-1; libsodium has none).
        // Headers only: libcrypto is opened on first use (LibCrypto in Sources/Vault/Auth/TOTP.swift),
        // not linked, so no pkg-config (it would add -lcrypto to every link).
        .systemLibrary(
            name: "COpenSSL",
            providers: [.apt(["libssl-dev"])]
        ),
        // QR codes of one-time-code enrolments, drawn in the terminal or written as PNG (CLI only).
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // The layers (docs/ARCHITECTURE.md): VaultCrypto <- Vault <- vaultcli. VaultCrypto is the
        // only target that imports CSodium: libsodium behind Swift types, and the secret types.
        .target(
            name: "VaultCrypto",
            dependencies: ["CSodium"],
            swiftSettings: [
                // TestProbe records only in debug builds.
                .define("VAULTCLI_TESTING", .when(configuration: .debug)),
            ] + releaseOptimisation
        ),
        .target(
            name: "Vault",
            dependencies: ["VaultCrypto", "CLinux", "COpenSSL"],
            // Every file under Resources/ is compiled into the binary (no bundle, no Bundle.module).
            exclude: ["Resources"],
            swiftSettings: [
                // The test-only KDF knob exists only in debug builds; release builds ignore it.
                .define("VAULTCLI_TESTING", .when(configuration: .debug)),
            ] + releaseOptimisation,
            plugins: ["EmbedResources"]
        ),
        // The CLI's message catalog (English and Simplified Chinese), compiled in: no file is read at
        // start-up. No dependencies: the library never sees CLI words.
        .target(name: "Catalog"),
        // Build-time only: turns Sources/Vault/Resources into Swift source for the Vault target.
        .executableTarget(name: "embed-resources", path: "Sources/embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .executableTarget(
            name: "vaultcli",
            dependencies: [
                "Vault",
                "VaultCrypto",
                "Catalog",
                "CQRencode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release binary's link, the one place scripts/install.sh, package-deb.sh and
            // bench-startup.sh all get it from (issue 12): lld (the toolchain's) with packed
            // relative relocations (DT_RELR), which take 1 MB of relocation records out of the
            // binary. lld marks the binary as needing GLIBC_ABI_DT_RELR (glibc >= 2.36), so an
            // older loader refuses it by name; package-deb.sh raises libc6 to match. (GNU ld
            // was tried: it put .rodata and .data in one segment with no RELRO. SwiftPM already
            // links release with --gc-sections.)
            exclude: ["release-link.ld"],
            // VAULTCLI_TESTING: the genpass parser choice for GenPassLeanParserTests (debug only).
            swiftSettings: [.define("VAULTCLI_TESTING", .when(configuration: .debug))] + releaseOptimisation,
            linkerSettings: [
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(configuration: .release)),
                // The Swift runtime's link arguments (static-stdlib-args.lnk) export every symbol
                // of our own objects to the dynamic symbol table; nothing looks them up by name
                // (the runtime's own symbols are hidden by --exclude-libs ALL already): 0.3 MB.
                .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(configuration: .release)),
                // The Swift runtime's Unicode scalar names (0.55 MB), read only by
                // `Unicode.Scalar.Properties.name`, which only regex `\N{NAME}` matching calls:
                // bound to a stub that answers "no name" (Sources/Vault/Support/Essentials.swift).
                .unsafeFlags(["-Xlinker", "--defsym=_swift_stdlib_getScalarName=vaultcli_no_scalar_name"], .when(configuration: .release)),
                // No .eh_frame unwind tables (2 MB, a tenth of the binary; see release-link.ld).
                .unsafeFlags(["-Xlinker", "-T", "-Xlinker", Context.packageDirectory + "/Sources/vaultcli/release-link.ld"], .when(configuration: .release)),
            ]
        ),
        // Benchmarks for the bars in the issues (scripts/bench.sh runs them in release mode).
        .executableTarget(name: "vaultcli-bench", dependencies: ["Vault", "VaultCrypto"], path: "Sources/vaultcli-bench"),
        .testTarget(name: "VaultTests", dependencies: ["Vault", "VaultCrypto"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Vault", "VaultCrypto", "Catalog"]),
    ]
)

// The libFuzzer executable exists only for scripts/fuzz.sh (VAULTCLI_FUZZ=1, its own scratch
// path .build-fuzz): the normal build and CI never see it. Only the library targets (VaultCrypto,
// Vault) and the fuzz executable get -sanitize=fuzzer,address (swiftc's -sanitize=fuzzer
// implies -parse-as-library, which the build-time tool embed-resources, a main.swift program,
// must not get).
if Context.environment["VAULTCLI_FUZZ"] == "1" {
    let sanitize: [String] = ["-sanitize=fuzzer,address"]
    for t in package.targets where ["VaultCrypto", "Vault"].contains(t.name) {
        t.swiftSettings = (t.swiftSettings ?? []) + [.unsafeFlags(sanitize)]
    }
    package.targets.append(.executableTarget(
        name: "vaultcli-fuzz",
        dependencies: ["Vault", "VaultCrypto"],
        path: "Sources/vaultcli-fuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"] + sanitize)],
        linkerSettings: [.unsafeFlags(sanitize)]
    ))
}
