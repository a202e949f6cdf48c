// swift-tools-version:6.1
// ClaimLedger: one pipeline, one direction.
//   read (ArticleImport) → extract (ClaimExtraction) → store (ClaimStore)
//   → review/query (ClaimStore) → report (ClaimReports); ClaimsCLI is the shell over them.
import PackageDescription

let package = Package(
    name: "ClaimLedger",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claims", targets: ["claims"]),
        .library(name: "ClaimsCLI", targets: ["ClaimsCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // Value types shared by every stage, and the embedded topic taxonomy (SeedData/topics.json).
        .target(name: "ClaimCore", plugins: ["EmbedResourcesPlugin"]),
        // gumbo, the HTML5 parser, from the system (libgumbo-dev; `make deps` installs it).
        .systemLibrary(name: "CGumbo", providers: [.apt(["libgumbo-dev"])]),
        .target(name: "ArticleImport", dependencies: ["ClaimCore", "CGumbo"]),
        // Sentences → recognizers → check-worthiness (SeedData/scorer.json, embedded at build time).
        .target(name: "ClaimExtraction", dependencies: ["ClaimCore"], plugins: ["EmbedResourcesPlugin"]),
        // Migrations come from Schema/*.sql, embedded at build time.
        .target(
            name: "ClaimStore",
            dependencies: [
                "ClaimCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: ["EmbedResourcesPlugin"]),
        .target(name: "ClaimReports", dependencies: ["ClaimCore"]),
        .target(
            name: "ClaimsCLI",
            dependencies: [
                "ClaimCore", "ArticleImport", "ClaimExtraction", "ClaimStore", "ClaimReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "claims", dependencies: ["ClaimsCLI"]),
        // `make bench`: import throughput, memory and query latency beside sqlite-utils and sqlite3,
        // and the floors of SQLite's and gumbo's own work.
        .executableTarget(
            name: "ClaimBench",
            dependencies: [
                "ClaimCore", "ArticleImport", "ClaimExtraction", "ClaimStore", "ClaimReports", "CGumbo",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),

        // Tooling: `make train-scorer` writes SeedData/scorer.json; `make eval` measures against ../shared.
        .executableTarget(name: "TrainScorer", dependencies: ["ClaimExtraction", "ClaimCore"]),
        .executableTarget(name: "TrainTopics", dependencies: ["ArticleImport", "ClaimExtraction", "ClaimCore"]),
        .executableTarget(name: "TrainQuotes", dependencies: ["ClaimExtraction"]),
        .executableTarget(name: "ClaimEval", dependencies: ["ArticleImport", "ClaimExtraction", "ClaimCore"]),

        // Build tooling: embeds Schema/ and SeedData/ files as Swift string literals.
        .executableTarget(name: "embed-resources", path: "Sources/EmbedResources"),
        .plugin(
            name: "EmbedResourcesPlugin", capability: .buildTool(),
            dependencies: ["embed-resources"]),

        .testTarget(name: "ClaimCoreTests", dependencies: ["ClaimCore"]),
        .testTarget(name: "ArticleImportTests", dependencies: ["ArticleImport"], exclude: ["Fixtures"]),
        .testTarget(name: "ClaimExtractionTests", dependencies: ["ClaimExtraction"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ClaimStoreTests",
            dependencies: ["ClaimStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ClaimReportsTests", dependencies: ["ClaimReports"]),
        .testTarget(
            name: "ClaimsCLITests",
            dependencies: [
                "ClaimsCLI", "ClaimCore", "ClaimStore", "ClaimExtraction", "ArticleImport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
