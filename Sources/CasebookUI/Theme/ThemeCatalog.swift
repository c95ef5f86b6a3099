import Foundation

// Where theme files live. Shipped themes are files in the repository's Themes/ folder (SwiftPM
// resources must sit inside a target's folder, so they are not bundled); at run time the folder is
// found from $CASEBOOK_THEMES, else by walking up from the executable (which finds the repository's
// Themes/ from .build/<triple>/debug/casebook, and PREFIX/share/casebook/themes from
// PREFIX/bin/casebook), else in the usual system share folders.

extension ThemeLoader {
    /// Names of the themes in `searchPaths` (files NAME.json), sorted and without repeats.
    public static func availableThemes(searchPaths: [String]) -> [String] {
        var names = Set<String>()
        for folder in searchPaths {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for file in files where file.hasSuffix(".json") {
                let name = String(file.dropLast(5))
                if isValidName(name) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// `$XDG_CONFIG_HOME/casebook/themes`, or `~/.config/casebook/themes`.
    public static func userThemesFolder(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and to be ignored.
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/casebook/themes"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/casebook/themes"
    }

    /// The folder of the shipped themes, or nil if none is found (the app then falls back to `Theme.mono`).
    public static func shippedThemesFolder() -> String? {
        shippedThemesFolder(environment: ProcessInfo.processInfo.environment)
    }

    /// In order: `$CASEBOOK_THEMES` if it is a folder; walking up from the executable's folder, the
    /// first `Themes/` or `share/casebook/themes/` holding `default.json`;
    /// `/usr/local/share/casebook/themes`; `/usr/share/casebook/themes`.
    public static func shippedThemesFolder(environment: [String: String], executablePath: String? = nil) -> String? {
        if let folder = environment["CASEBOOK_THEMES"], !folder.isEmpty, isFolder(folder) { return folder }
        if let executable = executablePath ?? currentExecutablePath(environment: environment) {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            while true {
                for candidate in ["Themes", "share/casebook/themes"] {
                    let path = folder.appendingPathComponent(candidate).path
                    if FileManager.default.fileExists(atPath: path + "/default.json") { return path }
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path || folder.path == "/" { break }
                folder = parent
            }
        }
        for path in ["/usr/local/share/casebook/themes", "/usr/share/casebook/themes"]
        where FileManager.default.fileExists(atPath: path + "/default.json") {
            return path
        }
        return nil
    }

    /// This process's executable: /proc/self/exe where there is one, else argv[0] made absolute
    /// (through PATH when it has no slash).
    static func currentExecutablePath(environment: [String: String]) -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.hasPrefix("/") { return first }
        if first.contains("/") { return FileManager.default.currentDirectoryPath + "/" + first }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(first)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
