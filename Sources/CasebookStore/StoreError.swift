import CasebookModel

/// Why a case could not be opened, read, edited or written. Each names the file; the case file on
/// disk is unchanged whenever one of these is thrown.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case alreadyExists(path: String)
    case io(path: String, action: String, reason: String)
    case syntax(path: String, line: Int, column: Int, message: String)
    case format(path: String, FormatError)
    case locked(path: String, holder: Int32?)
    case readOnly(path: String)
    case duplicateIDs(path: String, [Problem])
    case journal(path: String, line: Int, message: String)
    case edit(path: String, message: String)
    case cancelled(path: String)

    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such file"
        case .alreadyExists(let p): "\(p): already exists; choose another name or remove it first"
        case .io(let p, let action, let reason): "\(p): cannot \(action): \(reason)"
        case .syntax(let p, let line, let column, let message): "\(p):\(line):\(column): invalid JSON: \(message)"
        case .format(let p, let e): "\(p): \(e)"
        case .locked(let p, let pid):
            "\(p): open for editing by another Casebook" + (pid.map { " (pid \($0))" } ?? "")
                + "; close it there, or open this one read-only"
        case .readOnly(let p): "\(p): opened read-only; edits are not possible"
        case .duplicateIDs(let p, let problems):
            "\(p): \(problems.count) duplicate id\(problems.count == 1 ? "" : "s") (first: \(problems[0])); fix them before editing (`casebook check` lists them)"
        case .journal(let p, let line, let message): "\(p):\(line): \(message)"
        case .edit(let p, let message): "\(p): \(message)"
        case .cancelled(let p): "\(p): opening was cancelled"
        }
    }
}
