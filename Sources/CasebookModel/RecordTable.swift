// The records of one kind, keyed by id, with the API of the `[String: Record]` dictionary it
// replaces: subscript by id, count, keys, values, for-in over (key, value).
//
// Why not a Dictionary: a dictionary stores its values in buckets sized to a power of two at
// most three-quarters full, so a million transfers (288 bytes each) take 2^21 buckets, 640 MB,
// of which half is empty. Here the records lie in one dense array, and only the small id → place
// index is hashed: about 310 MB for the same million. Removal moves the last record into the
// gap, so no order is promised (a dictionary promised none either); callers that need an order
// sort, as they always did.

public struct RecordTable<Record: CaseRecord>: Sendable {
    /// Every record, densely, in no particular order.
    public private(set) var values: [Record] = []
    /// id → index in `values`.
    private var places: [String: Int32] = [:]

    public init() {}

    public init(minimumCapacity: Int) {
        values.reserveCapacity(minimumCapacity)
        places.reserveCapacity(minimumCapacity)
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        places.reserveCapacity(n)
    }

    /// The record with this id; setting nil removes it. A record is stored under its own id.
    public subscript(id: String) -> Record? {
        get { places[id].map { values[Int($0)] } }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    /// Puts `record` under `id`, returning the record it replaced. One hash lookup, and the
    /// record is moved in, not copied (a copy retains each of its strings: a loading cost).
    @discardableResult
    public mutating func updateValue(_ record: consuming Record, forKey id: String) -> Record? {
        assert(record.id == id, "a record is stored under its own id")
        precondition(values.count < Int(Int32.max), "too many records of one kind")
        // Through `&`, the default is put in the table when the id is new: one lookup either way.
        var fresh = false
        let next = Int32(values.count)
        let place = Int(RecordTable.read(&places[id, default: { fresh = true; return next }()]))
        if fresh {
            values.append(record)
            return nil
        }
        return swap(&values[place], &record)
    }

    @inline(__always) private static func read(_ place: inout Int32) -> Int32 { place }

    private func swap(_ a: inout Record, _ b: inout Record) -> Record {
        Swift.swap(&a, &b)
        return b
    }

    /// Removes the record with this id, returning it; the last record takes its place.
    @discardableResult
    public mutating func removeValue(forKey id: String) -> Record? {
        guard let place = places.removeValue(forKey: id).map(Int.init) else { return nil }
        let last = values.count - 1
        if place != last {
            values.swapAt(place, last)
            places[values[place].id] = Int32(place)
        }
        return values.removeLast()
    }

    public var keys: Keys { Keys(table: self) }

    /// The ids, as a collection; `contains` is a hash lookup, as it is for a dictionary's keys.
    public struct Keys: RandomAccessCollection, Sendable {
        let table: RecordTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.values.count }
        public subscript(i: Int) -> String { table.values[i].id }
        public func contains(_ id: String) -> Bool { table.places[id] != nil }
    }
}

/// A collection of (key, value) pairs at places 0..<count, as a dictionary is of its own
/// indices, so code written for `[String: Record]` reads the same.
extension RecordTable: RandomAccessCollection {
    public typealias Element = (key: String, value: Record)
    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }
    public subscript(place: Int) -> (key: String, value: Record) { (values[place].id, values[place]) }

    /// The place of the record with this id, if there is one.
    public func index(forKey id: String) -> Int? { places[id].map(Int.init) }
}

extension RecordTable: Equatable {
    /// The same records under the same ids, whatever their places.
    public static func == (a: RecordTable, b: RecordTable) -> Bool {
        guard a.count == b.count else { return false }
        for r in a.values where b[r.id] != r { return false }
        return true
    }
}

extension RecordTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Record)...) {
        self.init(minimumCapacity: elements.count)
        for (id, r) in elements { updateValue(r, forKey: id) }
    }
}
