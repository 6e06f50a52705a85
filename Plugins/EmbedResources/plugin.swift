import Foundation
import PackagePlugin

/// Compiles every file under the target's `Resources/` folder (recursively) into the target as
/// Swift source, so that the binary needs no resource bundle beside it. A file added there is
/// picked up at the next build with no code change (the list is taken on every build).
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        // (Target.directoryURL needs tools 6.1; a Swift target's sources are Sources/<name>.)
        let root = context.package.directoryURL.appending(path: "Sources/\(module.name)/Resources")
        var files: [URL] = []
        let keys: [URLResourceKey] = [.isRegularFileKey]
        if let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) {
            for case let url as URL in walk where (try? url.resourceValues(forKeys: Set(keys)))?.isRegularFile == true {
                files.append(url)
            }
        }
        files.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResourceFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) resource files into \(target.name)",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [root.path, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
