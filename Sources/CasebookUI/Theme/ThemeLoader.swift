import CasebookModel
import CasebookStore
import Foundation

// How a theme is loaded (format: Themes/README.md). `load` finds NAME.json in the first search
// folder that has it and parses it into a `ThemeFile`: palette, role specs and glyphs, colours still
// by palette name. It then follows `extends` to the root of the chain and applies the files
// root-first: palettes and roles merge by key (a child's role replaces the parent's whole role),
// glyphs override field by field. Colour names are looked up in the merged palette at the end, so a
// child that redefines `accent` recolours every inherited role that uses it. A role that omits
// fg or bg takes the `text` role's; "default" is the terminal's own colour.

/// Reads theme files into `Theme`s.
///
/// ```swift
/// let theme = try ThemeLoader.load(name: "light", searchPaths: ThemeLoader.defaultSearchPaths())
/// ```
public enum ThemeLoader {
    /// The theme NAME: `NAME.json` from the first folder in `searchPaths` that has one, with its
    /// `extends` chain resolved and every `Role` defined.
    public static func load(name: String, searchPaths: [String]) throws(ThemeLoadError) -> Theme {
        guard let found = locate(name, in: searchPaths, from: 0) else {
            throw notFound(name, searchPaths: searchPaths, file: nil, line: nil)
        }
        var file = try ThemeFile.read(path: found.path, name: name, folderIndex: found.index)
        var chain = [file]
        while let parent = file.extends {
            // A theme that extends its own name inherits from the next folder's theme of that name,
            // so a user's default.json can tweak the shipped default.
            let start = parent.name == file.name ? file.folderIndex + 1 : 0
            guard let next = locate(parent.name, in: searchPaths, from: start) else {
                throw notFound(parent.name, searchPaths: searchPaths, file: file.path, line: parent.line)
            }
            if chain.contains(where: { $0.path == next.path }) {
                let names = (chain.map(\.name) + [parent.name]).joined(separator: " -> ")
                throw ThemeLoadError(file: file.path, line: parent.line, key: "extends",
                                     message: "\"\(parent.name)\" makes a cycle: \(names)")
            }
            file = try ThemeFile.read(path: next.path, name: parent.name, folderIndex: next.index)
            chain.append(file)
        }
        return try resolve(Array(chain.reversed()))
    }

    /// The user's folder first, then the shipped one (if found): user themes override shipped ones.
    public static func defaultSearchPaths(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        [userThemesFolder(environment: environment)] + [shippedThemesFolder(environment: environment)].compactMap { $0 }
    }

    static func locate(_ name: String, in searchPaths: [String], from start: Int) -> (path: String, index: Int)? {
        guard isValidName(name), start < searchPaths.count else { return nil }
        for index in start..<searchPaths.count {
            let folder = searchPaths[index]
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name + ".json"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                return (path, index)
            }
        }
        return nil
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    static func notFound(_ name: String, searchPaths: [String], file: String?, line: Int?) -> ThemeLoadError {
        let available = availableThemes(searchPaths: searchPaths)
        let list = available.isEmpty ? "none" : available.joined(separator: ", ")
        let folders = searchPaths.isEmpty ? "no folders" : searchPaths.joined(separator: ", ")
        let what = isValidName(name) ? "no theme named \"\(name)\"" : "\"\(name)\" is not a theme name"
        return ThemeLoadError(file: file, line: line, key: file == nil ? nil : "extends",
                              message: "\(what) (looked in \(folders)); available: \(list)")
    }

    /// Applies `chain` root-first and checks the result is complete.
    static func resolve(_ chain: [ThemeFile]) throws(ThemeLoadError) -> Theme {
        var palette: [String: ThemeColor] = [:]
        var specs: [Role: RoleSpec] = [:]
        var glyphs = Glyphs.unicode
        for file in chain {
            for (name, color) in file.palette { palette[name] = color }
            for (role, spec) in file.roles {
                for (ref, part) in [(spec.fg, "fg"), (spec.bg, "bg")] {
                    guard case .named(let name, let line) = ref, palette[name] == nil else { continue }
                    let names = palette.keys.sorted().joined(separator: ", ")
                    throw ThemeLoadError(file: file.path, line: line, key: "roles.\(role.rawValue).\(part)",
                                         message: "\"\(name)\" is not in the palette (\(names))")
                }
                specs[role] = spec
            }
            glyphs = file.glyphs.apply(to: glyphs)
        }
        let leaf = chain[chain.count - 1]
        let missing = Role.allCases.filter { specs[$0] == nil }.map { "\"\($0.rawValue)\"" }
        if !missing.isEmpty {
            let inherited = chain.count > 1 ? "and not inherited from \"\(chain[chain.count - 2].name)\"" : "and not inherited"
            let what = missing.count == 1 ? "role \(missing[0]) is" : "roles \(missing.joined(separator: ", ")) are"
            throw ThemeLoadError(file: leaf.path, message: "\(what) not defined (\(inherited))")
        }
        func color(_ ref: ColorRef, otherwise: ThemeColor) -> ThemeColor {
            switch ref {
            case .omitted: otherwise
            case .terminalDefault: .terminalDefault
            case .named(let name, _): palette[name] ?? .terminalDefault
            }
        }
        let text = specs[.text]!
        let textFG = color(text.fg, otherwise: .terminalDefault)
        let textBG = color(text.bg, otherwise: .terminalDefault)
        var styles: [Role: RoleStyle] = [:]
        for (role, spec) in specs {
            styles[role] = RoleStyle(foreground: color(spec.fg, otherwise: textFG),
                                     background: color(spec.bg, otherwise: textBG), attributes: spec.attributes)
        }
        return Theme(name: leaf.name, styles: styles, glyphs: glyphs)
    }
}

/// A colour as a role names it.
enum ColorRef: Equatable {
    case omitted
    case terminalDefault
    case named(String, line: Int)
}

struct RoleSpec {
    var fg: ColorRef
    var bg: ColorRef
    var attributes: TextAttributes
}

enum GlyphSpec {
    case inherited
    case preset(Glyphs)
    case fields([(WritableKeyPath<Glyphs, String>, String)])

    func apply(to glyphs: Glyphs) -> Glyphs {
        switch self {
        case .inherited: return glyphs
        case .preset(let preset): return preset
        case .fields(let fields):
            var out = glyphs
            for (path, value) in fields { out[keyPath: path] = value }
            return out
        }
    }
}

/// One theme file, parsed and checked on its own; colours still by palette name.
struct ThemeFile {
    var name: String
    var path: String
    var folderIndex: Int
    var extends: (name: String, line: Int)?
    var palette: [(String, ThemeColor)] = []
    var roles: [(Role, RoleSpec)] = []
    var glyphs = GlyphSpec.inherited

    static let topKeys = ["name", "description", "extends", "palette", "roles", "glyphs"]
    static let paletteKeys = ["hex", "256", "16"]
    static let roleKeys = ["fg", "bg", "attrs"]
    static let attributeNames: [(String, TextAttributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim), ("italic", .italic),
    ]
    static var glyphFields: [(String, WritableKeyPath<Glyphs, String>)] { [
        ("horizontal", \.horizontal), ("vertical", \.vertical), ("topLeft", \.topLeft), ("topRight", \.topRight),
        ("bottomLeft", \.bottomLeft), ("bottomRight", \.bottomRight), ("mark", \.mark), ("pointer", \.pointer),
        ("ellipsis", \.ellipsis), ("sortAscending", \.sortAscending), ("sortDescending", \.sortDescending),
    ] }

    static func read(path: String, name: String, folderIndex: Int) throws(ThemeLoadError) -> ThemeFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeLoadError(file: path, message: "cannot be read")
        }
        return try parse(Array(data), path: path, name: name, folderIndex: folderIndex)
    }

    static func parse(_ bytes: [UInt8], path: String, name: String, folderIndex: Int) throws(ThemeLoadError) -> ThemeFile {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw ThemeLoadError(file: path, line: error.line, column: error.column, message: "invalid JSON: \(error.message)")
        }
        let source = ThemeSource(path: path, bytes: bytes)
        guard case .object(let root) = value else {
            throw source.error(nil, line: 1, "a theme file holds one JSON object, not \(describe(value))")
        }
        var file = ThemeFile(name: name, path: path, folderIndex: folderIndex)
        for (key, value, line) in try source.pairs(of: root, path: nil, allowed: topKeys) {
            switch key {
            case "name":
                let given = try source.string(value, key: key, line: line)
                guard given == name else {
                    throw source.error(key, line: line, "\"\(given)\" does not match the file name \(name).json")
                }
            case "description":
                _ = try source.string(value, key: key, line: line)
            case "extends":
                let parent = try source.string(value, key: key, line: line)
                guard ThemeLoader.isValidName(parent) else {
                    throw source.error(key, line: line, "\"\(parent)\" is not a theme name")
                }
                file.extends = (parent, line)
            case "palette":
                file.palette = try parsePalette(value, source: source, line: line)
            case "roles":
                file.roles = try parseRoles(value, source: source, line: line)
            default:
                file.glyphs = try parseGlyphs(value, source: source, line: line)
            }
        }
        return file
    }

    static func parsePalette(_ value: JSONValue, source: ThemeSource, line: Int) throws(ThemeLoadError) -> [(String, ThemeColor)] {
        let object = try source.object(value, key: "palette", line: line)
        var out: [(String, ThemeColor)] = []
        for (name, value, line) in try source.pairs(of: object, path: "palette", allowed: nil) {
            let key = "palette.\(name)"
            guard name != "default", !name.isEmpty else {
                throw source.error(key, line: line, "\"\(name)\" is reserved: \"default\" means the terminal's own colour")
            }
            if case .string("default") = value {
                out.append((name, .terminalDefault))
                continue
            }
            guard case .object(let entry) = value else {
                throw source.error(key, line: line, "expected {\"hex\": \"#rrggbb\", \"256\": N, \"16\": N} or \"default\", found \(describe(value))")
            }
            var color = ThemeColor(rgb: nil, xterm256: nil, ansi16: nil)
            for (field, value, line) in try source.pairs(of: entry, path: key, allowed: paletteKeys) {
                switch field {
                case "hex":
                    let hex = try source.string(value, key: "\(key).hex", line: line)
                    guard hex.count == 7, hex.first == "#", let rgb = UInt32(hex.dropFirst(), radix: 16),
                          hex.dropFirst().allSatisfy(\.isHexDigit) else {
                        throw source.error("\(key).hex", line: line, "\"\(hex)\" is not a colour; write \"#rrggbb\"")
                    }
                    color.rgb = rgb
                case "256": color.xterm256 = try source.integer(value, key: "\(key).256", line: line, in: 0...255)
                default: color.ansi16 = try source.integer(value, key: "\(key).16", line: line, in: 0...15)
                }
            }
            for (field, got) in [("hex", color.rgb != nil), ("256", color.xterm256 != nil), ("16", color.ansi16 != nil)] where !got {
                throw source.error(key, line: entry.line, "missing \"\(field)\" (each colour gives \"hex\", \"256\" and \"16\")")
            }
            out.append((name, color))
        }
        return out
    }

    static func parseRoles(_ value: JSONValue, source: ThemeSource, line: Int) throws(ThemeLoadError) -> [(Role, RoleSpec)] {
        let object = try source.object(value, key: "roles", line: line)
        var out: [(Role, RoleSpec)] = []
        for (name, value, line) in try source.pairs(of: object, path: "roles", allowed: nil) {
            let key = "roles.\(name)"
            guard let role = Role(rawValue: name) else {
                throw source.error(key, line: line, "not a role; \(suggestion(for: name, among: Role.allCases.map(\.rawValue)))")
            }
            let entry = try source.object(value, key: key, line: line)
            var spec = RoleSpec(fg: .omitted, bg: .omitted, attributes: [])
            for (field, value, line) in try source.pairs(of: entry, path: key, allowed: roleKeys) {
                switch field {
                case "fg", "bg":
                    let name = try source.string(value, key: "\(key).\(field)", line: line)
                    let ref: ColorRef = name == "default" ? .terminalDefault : .named(name, line: line)
                    if field == "fg" { spec.fg = ref } else { spec.bg = ref }
                default:
                    guard case .array(let items) = value else {
                        throw source.error("\(key).attrs", line: line, "expected a list such as [\"bold\", \"underline\"], found \(describe(value))")
                    }
                    for item in items {
                        guard case .string(let word) = item, let attr = attributeNames.first(where: { $0.0 == word })?.1 else {
                            let names = attributeNames.map(\.0).joined(separator: ", ")
                            throw source.error("\(key).attrs", line: line, "\(describe(item)) is not an attribute (\(names))")
                        }
                        spec.attributes.insert(attr)
                    }
                }
            }
            out.append((role, spec))
        }
        return out
    }

    static func parseGlyphs(_ value: JSONValue, source: ThemeSource, line: Int) throws(ThemeLoadError) -> GlyphSpec {
        switch value {
        case .string("unicode"): return .preset(.unicode)
        case .string("ascii"): return .preset(.ascii)
        case .object(let object):
            var fields: [(WritableKeyPath<Glyphs, String>, String)] = []
            for (name, value, line) in try source.pairs(of: object, path: "glyphs", allowed: glyphFields.map(\.0)) {
                let glyph = try source.string(value, key: "glyphs.\(name)", line: line)
                guard glyph.count == 1, TextWidth.of(glyph) == 1 else {
                    throw source.error("glyphs.\(name)", line: line, "\"\(glyph)\" must be one character one column wide")
                }
                fields.append((glyphFields.first { $0.0 == name }!.1, glyph))
            }
            return .fields(fields)
        default:
            throw source.error("glyphs", line: line, "expected \"unicode\", \"ascii\" or an object of glyphs, found \(describe(value))")
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number(let n): n
        case .string(let s): "\"\(s)\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// "did you mean "row.selected"?" for a near miss, else the whole list.
    static func suggestion(for word: String, among names: [String]) -> String {
        let best = names.map { (name: $0, distance: editDistance(word, $0)) }.min { $0.distance < $1.distance }
        if let best, best.distance <= max(2, word.count / 4) { return "did you mean \"\(best.name)\"?" }
        return "roles are: " + names.joined(separator: ", ")
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
