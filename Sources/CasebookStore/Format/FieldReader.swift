import CasebookModel

/// Reads the fields of one JSON object, naming the object's path and line in every error,
/// and refusing keys it was not asked about (a misspelt `amout` is an error, not lost data).
struct FieldReader {
    let object: JSONObject
    var path: String
    /// Which of the object's pairs were read, by index (a record has far fewer than 64 keys;
    /// past 64 the extra keys are checked by name in `finish`).
    var usedMask: UInt64 = 0
    var usedNames: [String] = []

    init(_ value: JSONValue, path: String, line: Int = 0) throws(FormatError) {
        guard case .object(let o) = value else {
            throw FormatError(line: line, path: path, message: "expected an object, found \(value.typeName)")
        }
        object = o
        self.path = path
    }

    var line: Int { object.line }

    func fail(_ key: String, _ message: String) -> FormatError {
        FormatError(line: object.line, path: path.isEmpty ? key : "\(path).\(key)", message: message)
    }

    mutating func raw(_ key: String) -> JSONValue? {
        guard let index = object.pairs.firstIndex(where: { $0.key == key }) else { return nil }
        if index < 64 { usedMask |= 1 << UInt64(index) } else { usedNames.append(key) }
        let v = object.pairs[index].value
        if case .null = v { return nil }
        return v
    }

    func wasUsed(_ index: Int) -> Bool {
        index < 64 ? usedMask & (1 << UInt64(index)) != 0 : usedNames.contains(object.pairs[index].key)
    }

    /// The first key that no reader asked for.
    var firstUnusedKey: String? {
        object.pairs.indices.first { !wasUsed($0) }.map { object.pairs[$0].key }
    }

    mutating func optString(_ key: String) throws(FormatError) -> String? {
        guard let v = raw(key) else { return nil }
        guard case .string(let s) = v else { throw fail(key, "expected a string, found \(v.typeName)") }
        return s
    }

    mutating func string(_ key: String) throws(FormatError) -> String {
        guard let s = try optString(key) else { throw fail(key, "is missing") }
        return s
    }

    mutating func optInt(_ key: String) throws(FormatError) -> Int? {
        guard let v = raw(key) else { return nil }
        guard case .number(let n) = v, let i = Int(n) else { throw fail(key, "expected a whole number, found \(v.typeName)") }
        return i
    }

    mutating func int(_ key: String) throws(FormatError) -> Int {
        guard let i = try optInt(key) else { throw fail(key, "is missing") }
        return i
    }

    /// Amounts are written as strings ("0.00012"); a bare JSON number is accepted too and read
    /// from its text, so it is still exact.
    mutating func optDecimal(_ key: String) throws(FormatError) -> ExactDecimal? {
        guard let v = raw(key) else { return nil }
        let text: String
        switch v {
        case .string(let s): text = s
        case .number(let n): text = n
        default: throw fail(key, "expected a decimal string such as \"12.5\", found \(v.typeName)")
        }
        guard let d = ExactDecimal(text) else { throw fail(key, "\"\(text)\" is not a decimal number") }
        return d
    }

    mutating func decimal(_ key: String) throws(FormatError) -> ExactDecimal {
        guard let d = try optDecimal(key) else { throw fail(key, "is missing") }
        return d
    }

    mutating func optChoice<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) throws(FormatError) -> E? where E.RawValue == String {
        guard let s = try optString(key) else { return nil }
        guard let e = E(rawValue: s) else {
            throw fail(key, "\"\(s)\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return e
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(FormatError) -> E where E.RawValue == String {
        guard let e = try optChoice(key, type) else { throw fail(key, "is missing") }
        return e
    }

    mutating func array(_ key: String) throws(FormatError) -> [JSONValue] {
        guard let v = raw(key) else { return [] }
        guard case .array(let items) = v else { throw fail(key, "expected an array, found \(v.typeName)") }
        return items
    }

    mutating func strings(_ key: String) throws(FormatError) -> [String] {
        try array(key).enumerated().map { (i, v) throws(FormatError) in
            guard case .string(let s) = v else { throw fail("\(key)[\(i)]", "expected a string, found \(v.typeName)") }
            return s
        }
    }

    /// Decodes each element of an array of objects with `decode`, giving each its indexed path.
    mutating func objects<T>(_ key: String, _ decode: (inout FieldReader) throws(FormatError) -> T) throws(FormatError) -> [T] {
        var out: [T] = []
        for (i, v) in try array(key).enumerated() {
            var r = try FieldReader(v, path: (path.isEmpty ? "" : path + ".") + "\(key)[\(i)]", line: object.line)
            out.append(try decode(&r))
            try r.finish()
        }
        return out
    }

    func finish() throws(FormatError) {
        if let extra = firstUnusedKey { throw fail(extra, "is not a known field here") }
    }
}
