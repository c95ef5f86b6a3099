// swift-tools-version:6.1
// Casebook: a keyboard-driven terminal workbench for state-sponsored crypto-crime cases.
// Layers (DESIGN.md), each importing only those below it:
//   casebook -> CasebookTerminal -> CasebookUI -> CasebookStore -> CasebookModel
//   casebook -> CasebookInterop (STIX, CSV, address lists) -> CasebookReport (TLP) -> CasebookStore
// CNcursesw is the C shim only CasebookTerminal imports; CCaseFile (the case file mapped, safe
// against SIGBUS) is the one only CasebookStore imports; CasebookTesting is the headless terminal for tests.
import PackageDescription

let package = Package(
    name: "Casebook",
    products: [
        .executable(name: "casebook", targets: ["casebook"]),
        .executable(name: "casebook-bench", targets: ["casebook-bench"]),
        .library(name: "CasebookModel", targets: ["CasebookModel"]),
        .library(name: "CasebookStore", targets: ["CasebookStore"]),
        .library(name: "CasebookUI", targets: ["CasebookUI"]),
        .library(name: "CasebookReport", targets: ["CasebookReport"]),
        .library(name: "CasebookInterop", targets: ["CasebookInterop"]),
        .library(name: "CasebookTesting", targets: ["CasebookTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "CasebookModel"),
        .target(name: "CCaseFile"),
        .target(name: "CasebookStore", dependencies: ["CasebookModel", "CCaseFile"]),
        .target(name: "CasebookUI", dependencies: ["CasebookModel", "CasebookStore"]),
        .target(name: "CasebookReport", dependencies: ["CasebookModel", "CasebookStore"]),
        .target(name: "CasebookInterop", dependencies: ["CasebookModel", "CasebookStore", "CasebookReport"]),
        .target(
            name: "CNcursesw",
            cSettings: [.define("NCURSES_WIDECHAR", to: "1"), .define("_XOPEN_SOURCE_EXTENDED", to: "1")],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(name: "CasebookTerminal", dependencies: ["CNcursesw", "CasebookUI"]),
        .target(name: "CasebookTesting", dependencies: ["CasebookUI", "CasebookStore", "CasebookModel"]),
        .executableTarget(
            name: "casebook",
            dependencies: [
                "CasebookModel", "CasebookStore", "CasebookUI", "CasebookTerminal", "CasebookReport", "CasebookInterop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources/demo.case.json")]
        ),
        .executableTarget(name: "casebook-bench", dependencies: ["CasebookModel", "CasebookStore", "CasebookUI", "CasebookTesting", "CasebookReport"]),
        .testTarget(
            name: "CasebookModelTests",
            dependencies: [
                "CasebookModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "CasebookStoreTests", dependencies: ["CasebookStore", "CasebookModel"]),
        .testTarget(name: "CasebookCLITests", dependencies: ["casebook", "CasebookStore", "CasebookModel"]),
        .testTarget(
            name: "CasebookReportTests",
            dependencies: [
                "CasebookReport", "CasebookStore", "CasebookModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "CasebookInteropTests",
            dependencies: ["CasebookInterop", "CasebookStore", "CasebookModel", "CasebookReport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CasebookTerminalTests", dependencies: ["CasebookTerminal", "CasebookUI"]),
        .testTarget(
            name: "CasebookUITests",
            dependencies: ["CasebookUI", "CasebookTesting", "CasebookStore", "CasebookModel"],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
