import Foundation
import PackagePlugin

/// Embeds the package's data files into the targets that need them, so the `claims` binary
/// works from any directory with no files beside it.
///
/// - `ClaimCore` gets `SeedData/topics.json` as `EmbeddedSeedData`.
/// - `ClaimExtraction` gets the check-worthiness model `SeedData/scorer.json`, the story topic model
///   `SeedData/story-topics.json` and the quote cues `SeedData/quote-cues.json` as `EmbeddedScorerModel`.
/// - `ClaimStore` gets every `Schema/*.sql` migration as `EmbeddedSchema`.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folder: String
        let typeName: String
        let accepts: (URL) -> Bool
        switch target.name {
        case "ClaimCore":
            (folder, typeName) = ("SeedData", "EmbeddedSeedData")
            accepts = { $0.lastPathComponent == "topics.json" }
        case "ClaimExtraction":
            (folder, typeName) = ("SeedData", "EmbeddedScorerModel")
            accepts = { ["scorer.json", "story-topics.json", "quote-cues.json"].contains($0.lastPathComponent) }
        case "ClaimStore":
            (folder, typeName) = ("Schema", "EmbeddedSchema")
            accepts = { $0.pathExtension == "sql" }
        default:
            return []
        }
        let directory = root.appending(path: folder)
        let inputs = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter(accepts)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(typeName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder) into \(target.name)",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path, typeName] + inputs.map(\.path),
                inputFiles: inputs + [directory],
                outputFiles: [output])
        ]
    }
}
