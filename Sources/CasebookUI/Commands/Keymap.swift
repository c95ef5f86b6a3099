import CasebookStore
import Foundation

// A user keymap, $XDG_CONFIG_HOME/casebook/keys.json, rebinds commands by their long name:
//   { "move-down": ["j", "Down"], "quit": "Ctrl-Q" }
// A command listed there loses its default keys. Errors name the file, the line and the key.

public enum Keymap {
    public static func path(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/casebook/keys.json"
    }

    /// Applies the keymap at `path` to `registry`; a missing file changes nothing.
    public static func apply(path: String, to registry: inout CommandRegistry) throws(KeymapError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeymapError("\(path): cannot be read (is it a folder, or unreadable?)")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(Array(data)) } catch {
            throw KeymapError("\(path):\(error.line):\(error.column): invalid JSON: \(error.message)")
        }
        guard case .object(let object) = root else { throw KeymapError("\(path): expected an object of command names to keys") }
        for pair in object.pairs {
            var names: [String] = []
            switch pair.value {
            case .string(let s): names = [s]
            case .array(let items):
                for item in items {
                    guard case .string(let s) = item else { throw KeymapError("\(path):\(pair.line): \(pair.key): keys must be strings") }
                    names.append(s)
                }
            default: throw KeymapError("\(path):\(pair.line): \(pair.key): expected a key name or a list of them")
            }
            var keys: [Key] = []
            for name in names {
                guard let key = Key(name: name) else {
                    throw KeymapError("\(path):\(pair.line): \(pair.key): \"\(name)\" is not a key name (examples: j, G, Ctrl-D, Enter, Esc, PgDn, Shift-Tab, F2, Space)")
                }
                keys.append(key)
            }
            guard registry.rebind(pair.key, to: keys) else {
                throw KeymapError("\(path):\(pair.line): \"\(pair.key)\" is not a command (see the : palette or ? help for names)")
            }
        }
    }
}

public struct KeymapError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
