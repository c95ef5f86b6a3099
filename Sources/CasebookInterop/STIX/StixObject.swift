import CasebookModel
import CasebookStore

/// One STIX object from a bundle, with typed accessors that say what is wrong when a property has
/// the wrong type, and the line the object starts on for messages.
struct StixObject: Sendable {
    let json: JSONObject
    let type: String
    let id: String
    var line: Int { json.line }

    init(_ value: JSONValue, index: Int) throws(StixObjectError) {
        guard case .object(let o) = value else {
            throw StixObjectError(line: 0, subject: "objects[\(index)]", reason: "is not an object")
        }
        json = o
        guard case .string(let t)? = o["type"], !t.isEmpty else {
            throw StixObjectError(line: o.line, subject: "objects[\(index)]", reason: "has no \"type\" string")
        }
        guard case .string(let i)? = o["id"], !i.isEmpty else {
            throw StixObjectError(line: o.line, subject: "objects[\(index)] (\(t))", reason: "has no \"id\" string")
        }
        type = t
        id = i
    }

    func fail(_ key: String, _ reason: String) -> StixObjectError {
        StixObjectError(line: line, subject: id, reason: "\(key) \(reason)")
    }

    func has(_ key: String) -> Bool { json[key] != nil }

    func optString(_ key: String) throws(StixObjectError) -> String? {
        switch json[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s.isEmpty ? nil : s
        case let v?: throw fail(key, "must be a string, not \(v.typeName)")
        }
    }

    func string(_ key: String) throws(StixObjectError) -> String {
        guard let s = try optString(key) else { throw fail(key, "is missing") }
        return s
    }

    func strings(_ key: String) throws(StixObjectError) -> [String] {
        switch json[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw fail(key, "must hold only strings") }
                out.append(s)
            }
            return out
        case let v?: throw fail(key, "must be an array of strings, not \(v.typeName)")
        }
    }

    func optInt(_ key: String) throws(StixObjectError) -> Int? {
        switch json[key] {
        case nil, .null?: return nil
        case .number(let n)?:
            guard let i = Int(n) else { throw fail(key, "must be a whole number, not \(n)") }
            return i
        case let v?: throw fail(key, "must be a number, not \(v.typeName)")
        }
    }

    func bool(_ key: String) throws(StixObjectError) -> Bool {
        switch json[key] {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case let v?: throw fail(key, "must be true or false, not \(v.typeName)")
        }
    }

    func objects(_ key: String) throws(StixObjectError) -> [JSONObject] {
        switch json[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var out: [JSONObject] = []
            for item in items {
                guard case .object(let o) = item else { throw fail(key, "must hold only objects") }
                out.append(o)
            }
            return out
        case let v?: throw fail(key, "must be an array of objects, not \(v.typeName)")
        }
    }

    /// A decimal kept as text (Casebook writes amounts as strings so no reader rounds them).
    func decimal(_ key: String) throws(StixObjectError) -> ExactDecimal? {
        guard let text = try optString(key) else { return nil }
        guard let d = ExactDecimal(text) else { throw fail(key, "\"\(text)\" is not a decimal number") }
        return d
    }

    /// A time the case can hold (STIX timestamps are ISO 8601 UTC), or nil if absent or malformed.
    func time(_ key: String) -> String? {
        guard case .string(let s)? = json[key], CaseTime.isValid(s) else { return nil }
        return s
    }
}

struct StixObjectError: Error, Sendable {
    var line: Int
    var subject: String
    var reason: String
    var issue: ImportIssue { ImportIssue(line: line, subject: subject, reason: reason) }
}

extension JSONObject {
    func string(_ key: String) -> String? {
        if case .string(let s)? = self[key], !s.isEmpty { return s }
        return nil
    }
}
