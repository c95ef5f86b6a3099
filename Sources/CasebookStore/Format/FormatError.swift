/// A case file (or journal line) that is valid JSON but not a valid case: the message names the
/// line, the record and the field, e.g. `line 14: incidents[2] (inc-bithumb-2018): losses[0].amount: ...`.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var path: String
    public var message: String

    public init(line: Int, path: String, message: String) {
        self.line = line
        self.path = path
        self.message = message
    }

    public var description: String {
        (line > 0 ? "line \(line): " : "") + (path.isEmpty ? "" : "\(path): ") + message
    }
}
