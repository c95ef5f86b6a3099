/// A parsed JSON value. Numbers keep their source text so amounts are never rounded through
/// Double; objects keep their key order and the line they started on, for error messages.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

public struct JSONPair: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    /// The line the key is on (0 when built in memory); not part of equality.
    public var line: Int

    public init(_ key: String, _ value: JSONValue, line: Int = 0) {
        self.key = key
        self.value = value
        self.line = line
    }

    public static func == (a: JSONPair, b: JSONPair) -> Bool { a.key == b.key && a.value == b.value }
}

/// A JSON object: ordered key/value pairs and the line of its opening brace (0 when built in memory).
public struct JSONObject: Sendable, Equatable {
    public var pairs: [JSONPair]
    public var line: Int

    public init(_ pairs: [JSONPair] = [], line: Int = 0) {
        self.pairs = pairs
        self.line = line
    }

    public subscript(key: String) -> JSONValue? {
        pairs.first { $0.key == key }?.value
    }

    public var keys: [String] { pairs.map(\.key) }

    /// Appends `key: value` unless value is nil (optional fields are omitted, not written as null).
    public mutating func add(_ key: String, _ value: JSONValue?) {
        if let value { pairs.append(JSONPair(key, value)) }
    }

    public mutating func add(_ key: String, _ text: String?) {
        if let text { pairs.append(JSONPair(key, .string(text))) }
    }

    /// Appends an array unless it is empty.
    public mutating func add(_ key: String, array: [JSONValue]) {
        if !array.isEmpty { pairs.append(JSONPair(key, .array(array))) }
    }
}
