// The records of one kind, keyed by id, with the API of the `[String: Record]` dictionary it
// replaces: subscript by id, count, keys, values, for-in over (key, value).
//
// Why not a Dictionary: a dictionary stores its values in buckets sized to a power of two at
// most three-quarters full, so a million transfers (280 bytes each) take 2^21 buckets, 590 MB,
// of which half is empty. Here the records lie in one dense array, and the id → place index
// (IDIndex) holds no ids, only places and hash bits: about 300 MB for the same million. Removal moves the last record into the
// gap, so no order is promised (a dictionary promised none either); callers that need an order
// sort, as they always did.

public struct RecordTable<Record: CaseRecord>: Sendable {
    // Inlinable, so the store's and the screen's hot loops get it specialized to their record
    // type (a generic call across modules looks up type metadata on every use).

    /// Every record, densely, in no particular order.
    @usableFromInline var stored: [Record] = []
    /// id → index in `values`.
    @usableFromInline var places = IDIndex()

    public var values: [Record] { @inlinable get { stored } }

    @inlinable public init() {}

    @inlinable public init(minimumCapacity: Int) {
        stored.reserveCapacity(minimumCapacity)
        places.reserveCapacity(minimumCapacity)
    }

    @inlinable public var count: Int { stored.count }
    @inlinable public var isEmpty: Bool { stored.isEmpty }

    @inlinable public mutating func reserveCapacity(_ n: Int) {
        stored.reserveCapacity(n)
        places.reserveCapacity(n)
    }

    /// The record with this id; setting nil removes it. A record is stored under its own id.
    @inlinable public subscript(id: String) -> Record? {
        get { index(forKey: id).map { stored[$0] } }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    @inlinable func place(_ id: String, _ h: UInt32) -> Int? {
        stored.withUnsafeBufferPointer { s in places.find(h) { s[Int($0)].id == id } }.map(Int.init)
    }

    /// Puts `record` under `id`, returning the record it replaced. The id is hashed once, and the
    /// record is moved in, not copied (a copy retains each of its strings: a loading cost).
    @inlinable @discardableResult
    public mutating func updateValue(_ record: consuming Record, forKey id: String) -> Record? {
        updateValue(record, forKey: id, hash: IDIndex.hash(id))
    }

    /// `updateValue(_:forKey:)` for a caller that has the id's hash (`IDIndex.hash`) already: the
    /// case reader, whose worker thread hashes the ids of the records it reads.
    @inlinable @discardableResult
    package mutating func updateValue(_ record: consuming Record, forKey id: String, hash h: UInt32) -> Record? {
        assert(record.id == id && h == IDIndex.hash(id), "a record is stored under its own id and its hash")
        precondition(stored.count < Int(Int32.max) - 1, "too many records of one kind")
        if let place = place(id, h) { return RecordTable.swap(&stored[place], &record) }
        places.insert(h, Int32(stored.count))
        stored.append(consume record)
        return nil
    }

    /// The address of the id index's home bucket for hash `h` (IDIndex.homeBucket).
    @inlinable package func homeBucket<R>(_ h: UInt32, _ body: (UnsafeRawPointer?) -> R) -> R { places.homeBucket(h, body) }

    @inlinable static func swap(_ a: inout Record, _ b: inout Record) -> Record {
        Swift.swap(&a, &b)
        return b
    }

    /// Removes the record with this id, returning it; the last record takes its place.
    @inlinable @discardableResult
    public mutating func removeValue(forKey id: String) -> Record? {
        let h = IDIndex.hash(id)
        guard let place = place(id, h) else { return nil }
        places.remove(h, Int32(place))
        let last = stored.count - 1
        if place != last {
            stored.swapAt(place, last)
            places.move(IDIndex.hash(stored[place].id), from: Int32(last), to: Int32(place))
        }
        return stored.removeLast()
    }

    @inlinable public var keys: Keys { Keys(table: self) }

    /// The ids, as a collection; `contains` is a hash lookup, as it is for a dictionary's keys.
    public struct Keys: RandomAccessCollection, Sendable {
        @usableFromInline let table: RecordTable
        @inlinable init(table: RecordTable) { self.table = table }
        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { table.stored.count }
        @inlinable public subscript(i: Int) -> String { table.stored[i].id }
        @inlinable public func contains(_ id: String) -> Bool { table.index(forKey: id) != nil }
    }
}

/// A collection of (key, value) pairs at places 0..<count, as a dictionary is of its own
/// indices, so code written for `[String: Record]` reads the same.
extension RecordTable: RandomAccessCollection {
    public typealias Element = (key: String, value: Record)
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { stored.count }
    @inlinable public subscript(place: Int) -> (key: String, value: Record) { (stored[place].id, stored[place]) }

    /// The place of the record with this id, if there is one.
    @inlinable public func index(forKey id: String) -> Int? { place(id, IDIndex.hash(id)) }
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
