// swift-tools-version:6.1
// Casebook: a keyboard-driven terminal workbench for state-sponsored crypto-crime cases.
// Layers (DESIGN.md): casebook -> CasebookStore -> CasebookModel; each imports only the ones below it.
import PackageDescription

let package = Package(
    name: "Casebook",
    products: [
        .executable(name: "casebook", targets: ["casebook"]),
        .library(name: "CasebookModel", targets: ["CasebookModel"]),
        .library(name: "CasebookStore", targets: ["CasebookStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "CasebookModel"),
        .target(name: "CasebookStore", dependencies: ["CasebookModel"]),
        .executableTarget(
            name: "casebook",
            dependencies: [
                "CasebookModel", "CasebookStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources/demo.case.json")]
        ),
        .testTarget(
            name: "CasebookModelTests",
            dependencies: [
                "CasebookModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "CasebookStoreTests", dependencies: ["CasebookStore", "CasebookModel"]),
        .testTarget(name: "CasebookCLITests", dependencies: ["casebook", "CasebookStore", "CasebookModel"]),
    ],
    swiftLanguageModes: [.v6]
)
