import CasebookStore

/// Why a theme could not be loaded, pointing at the file, line and key to fix, as in
/// `Themes/light.json:12: roles.row.selected.fg: "acent" is not in the palette (bg, fg, accent)`.
public struct ThemeLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The theme file, as found in its search folder; nil when no file is involved (unknown name).
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// Dotted path of the offending key, such as `roles.row.selected.fg` or `palette.accent.hex`.
    public var key: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = ""
        if let file {
            text = file
            if let line, line > 0 {
                text += ":\(line)"
                if let column { text += ":\(column)" }
            }
            text += ": "
        }
        if let key { text += key + ": " }
        return text + message
    }
}

/// A theme file's text, for errors that point at the line of a key, and typed access to its values.
/// The parser records only the line of each object's opening brace; the line of a key inside it is
/// the first line from there on where `"key":` appears, which is exact for the flat objects of a
/// theme file.
struct ThemeSource {
    let path: String
    let lines: [Substring]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    func error(_ key: String?, line: Int?, _ message: String) -> ThemeLoadError {
        ThemeLoadError(file: path, line: line, key: key, message: message)
    }

    /// The line where `"key":` first appears at or after line `start` (1-based); `start` if none.
    func line(of key: String, from start: Int) -> Int {
        guard start >= 1 else { return start }
        let needle = Array("\"\(key)\"".utf8)
        for index in (start - 1)..<lines.count {
            let text = Array(lines[index].utf8)
            var i = 0
            while i + needle.count <= text.count {
                if text[i..<(i + needle.count)].elementsEqual(needle) {
                    var j = i + needle.count
                    while j < text.count, text[j] == 0x20 || text[j] == 0x09 { j += 1 }
                    if j < text.count, text[j] == UInt8(ascii: ":") { return index + 1 }
                }
                i += 1
            }
        }
        return start
    }

    /// The pairs of `object` with the line of each key; rejects repeated keys and, when `allowed`
    /// is given, keys not in it.
    func pairs(of object: JSONObject, path: String?, allowed: [String]?) throws(ThemeLoadError) -> [(String, JSONValue, Int)] {
        var seen = Set<String>()
        var out: [(String, JSONValue, Int)] = []
        for pair in object.pairs {
            let key = path.map { "\($0).\(pair.key)" } ?? pair.key
            let line = line(of: pair.key, from: object.line)
            if let allowed, !allowed.contains(pair.key) {
                throw error(key, line: line, "unknown key; expected one of \(allowed.joined(separator: ", "))")
            }
            guard seen.insert(pair.key).inserted else { throw error(key, line: line, "is given twice") }
            out.append((pair.key, pair.value, line))
        }
        return out
    }

    func object(_ value: JSONValue, key: String, line: Int) throws(ThemeLoadError) -> JSONObject {
        guard case .object(let object) = value else {
            throw error(key, line: line, "expected an object, found \(ThemeFile.describe(value))")
        }
        return object
    }

    func string(_ value: JSONValue, key: String, line: Int) throws(ThemeLoadError) -> String {
        guard case .string(let text) = value else {
            throw error(key, line: line, "expected a string, found \(ThemeFile.describe(value))")
        }
        return text
    }

    func integer(_ value: JSONValue, key: String, line: Int, in range: ClosedRange<Int>) throws(ThemeLoadError) -> Int {
        guard case .number(let text) = value, let number = Int(text), range.contains(number) else {
            throw error(key, line: line, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(ThemeFile.describe(value))")
        }
        return number
    }
}
