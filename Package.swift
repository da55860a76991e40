// swift-tools-version:6.0
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
        .target(
            name: "ScourCore",
            dependencies: ["CLibXML2", "CZlib", "CSQLite", "CCurl", "CCrypto"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "scour",
            dependencies: [
                "ScourCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ScourCoreTests",
            dependencies: ["ScourCore", "CLibXML2"]
        ),
        .testTarget(
            name: "ScourCLITests",
            dependencies: ["ScourCore"],
            exclude: ["Fixtures"]
        ),
    ]
)
