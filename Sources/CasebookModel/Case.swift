/// The case as a whole: what it is about, and its records by kind, each keyed by id.
public struct CaseInfo: Sendable, Hashable {
    public var title: String
    /// Handling marking for the case, e.g. `TLP:AMBER`.
    public var marking: String?
    public var summary: String?
    public var created: String

    public init(title: String, marking: String? = nil, summary: String? = nil, created: String) {
        self.title = title
        self.marking = marking
        self.summary = summary
        self.created = created
    }
}

/// One investigation. A value: copying is cheap until one copy changes.
/// Ids are unique across all kinds, so `record(id:)` needs no kind.
public struct Case: Sendable, Equatable {
    public var info: CaseInfo
    /// Assets this case declares beyond `Asset.builtIn`.
    public var assets: [Asset]
    public var sources = RecordTable<Source>()
    public var incidents = RecordTable<Incident>()
    public var actors = RecordTable<Actor>()
    public var wallets = RecordTable<Wallet>()
    public var transfers = RecordTable<Transfer>()

    public init(info: CaseInfo, assets: [Asset] = []) {
        self.info = info
        self.assets = assets
    }

    public var assetTable: AssetTable { AssetTable(declared: assets) }

    public var recordCount: Int {
        sources.count + incidents.count + actors.count + wallets.count + transfers.count
    }

    public func record(id: String) -> AnyRecord? {
        if let r = incidents[id] { return .incident(r) }
        if let r = actors[id] { return .actor(r) }
        if let r = transfers[id] { return .transfer(r) }
        if let r = wallets[id] { return .wallet(r) }
        if let r = sources[id] { return .source(r) }
        return nil
    }

    /// Records of one kind, sorted by id (the case file's order for every kind but transfers,
    /// which it keeps by time: CaseWriterOrder).
    public func records(of kind: RecordKind) -> [AnyRecord] {
        var out: [AnyRecord] = []
        forEachRecord(of: kind) { out.append($0) }
        return out
    }

    /// Each record of `kind` in id order, one at a time: what `records(of:)` holds all at once
    /// (300 MB as AnyRecord values at a million transfers), for a pass that needs one at a time.
    public func forEachRecord(of kind: RecordKind, _ body: (AnyRecord) -> Void) {
        func each<R>(_ values: [R], _ id: (R) -> String, _ wrap: (R) -> AnyRecord) {
            // The ids sorted, not the records (a sort moves a 280-byte transfer per step).
            let ids = values.map(id)
            for i in ids.indices.sorted(by: { ids[$0] < ids[$1] }) { body(wrap(values[i])) }
        }
        switch kind {
        case .source: each(sources.values, \.id, AnyRecord.source)
        case .incident: each(incidents.values, \.id, AnyRecord.incident)
        case .actor: each(actors.values, \.id, AnyRecord.actor)
        case .wallet: each(wallets.values, \.id, AnyRecord.wallet)
        case .transfer: each(transfers.values, \.id, AnyRecord.transfer)
        }
    }

    public var allRecords: [AnyRecord] { RecordKind.allCases.flatMap { records(of: $0) } }

    /// Puts a record in place of the one with its id, or removes the one with `id` when nil.
    /// Low level: callers go through `apply(_:)` so every change is an undoable edit.
    mutating func store(_ record: AnyRecord?, id: String, kind: RecordKind) {
        switch kind {
        case .source: if case .source(let r)? = record { sources[id] = r } else { sources[id] = nil }
        case .incident: if case .incident(let r)? = record { incidents[id] = r } else { incidents[id] = nil }
        case .actor: if case .actor(let r)? = record { actors[id] = r } else { actors[id] = nil }
        case .wallet: if case .wallet(let r)? = record { wallets[id] = r } else { wallets[id] = nil }
        case .transfer: if case .transfer(let r)? = record { transfers[id] = r } else { transfers[id] = nil }
        }
    }

    /// Adds a record while building a case (loading, demo, tests). Returns false if the id is taken.
    @discardableResult
    public mutating func insert(_ record: AnyRecord) -> Bool {
        guard self.record(id: record.id) == nil else { return false }
        store(record, id: record.id, kind: record.kind)
        return true
    }

    /// Makes room for `count` more records of a kind before a bulk load.
    public mutating func reserveCapacity(_ count: Int, for kind: RecordKind) {
        switch kind {
        case .source: sources.reserveCapacity(sources.count + count)
        case .incident: incidents.reserveCapacity(incidents.count + count)
        case .actor: actors.reserveCapacity(actors.count + count)
        case .wallet: wallets.reserveCapacity(wallets.count + count)
        case .transfer: transfers.reserveCapacity(transfers.count + count)
        }
    }

    /// Wallets whose strongest attribution names `actor`.
    public func wallets(of actor: String) -> [Wallet] {
        wallets.values.filter { $0.owner == actor }.sorted { $0.id < $1.id }
    }

    /// Every tag used anywhere in the case, sorted.
    public var allTags: [String] {
        var set = Set<String>()
        for r in allRecords { set.formUnion(r.meta.tags) }
        return set.sorted()
    }
}

extension Case {
    /// Inserts a loaded record unless one of the same kind has its id (cross-kind clashes are
    /// kept and reported by `validate()`).
    public mutating func insertLoaded(_ record: AnyRecord) -> Bool {
        let taken: Bool = switch record.kind {
        case .source: sources[record.id] != nil
        case .incident: incidents[record.id] != nil
        case .actor: actors[record.id] != nil
        case .wallet: wallets[record.id] != nil
        case .transfer: transfers[record.id] != nil
        }
        if taken { return false }
        store(record, id: record.id, kind: record.kind)
        return true
    }
}
