// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "Scour",
    products: [
        .executable(name: "scour", targets: ["scour"]),
        .library(name: "ScourCore", targets: ["ScourCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Hand-vectorized loops, chosen at run time by what the CPU offers.
        .target(name: "CScourKernels"),
        .target(
            name: "ScourCore",
            dependencies: ["CLibXML2", "CZlib", "CSQLite", "CCurl", "CCrypto", "CScourKernels"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "scour",
            dependencies: [
                "ScourCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What each fuzz target does with its bytes; the replay test calls it too.
        .target(
            name: "ScourFuzzTargets",
            dependencies: ["ScourCore"],
            path: "Fuzz/Targets"
        ),
        .testTarget(
            name: "ScourCoreTests",
            dependencies: ["ScourCore", "CLibXML2", "ScourFuzzTargets"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ScourCLITests",
            dependencies: ["ScourCore"],
            exclude: ["Fixtures"]
        ),
    ]
)

// The libFuzzer driver has no `main` of its own (libFuzzer brings one with
// -sanitize=fuzzer), so it exists only for scripts/fuzz.sh, which sets SCOUR_FUZZ=1.
if ProcessInfo.processInfo.environment["SCOUR_FUZZ"] == "1" {
    package.products.append(.executable(name: "scour-fuzz", targets: ["scour-fuzz"]))
    package.targets.append(.executableTarget(name: "scour-fuzz", dependencies: ["ScourFuzzTargets"], path: "Fuzz/Driver"))
}
