// Checks a whole case for what loading alone cannot catch: references to records that do not
// exist (or exist as the wrong kind), ids used by two kinds, amounts that are negative, have more
// decimals than their asset allows or name an unknown asset, confidences outside 0-100, and
// malformed dates. Each problem names the record and the field.
//
// How `validate()` stays fast on a million transfers while reporting exactly what a walk over
// every record in id order (kinds in order, ids sorted) would:
// - Records are checked straight from their tables, in two halves on two threads, without
//   sorting them or wrapping them in AnyRecord; only the few records that have problems are
//   sorted into file order at the end.
// - An id used by two kinds is reported on the later kind's record, naming the nearest earlier
//   kind that has it. Clashes are found by looking each id of the smaller table of every pair of
//   kinds up in the larger one, not by a table of every id.

import Dispatch
import Foundation

extension Case {
    /// Every problem in the case, records in file order.
    public func validate() -> [Problem] {
        let clashes = crossKindClashes()
        var made = RecordChecker(case: self, assets: assetTable, idsAreUnique: clashes.isEmpty)
        // A big case's references are first looked for by their ids' bytes (RawIDSet).
        if clashes.isEmpty && transfers.count + wallets.count >= 20_000 {
            made.known = RecordChecker.Known(wallets: RawIDSet(wallets), actors: RawIDSet(actors),
                                             incidents: RawIDSet(incidents), sources: RawIDSet(sources))
        }
        let checker = made
        var work: [@Sendable () -> [FoundProblems]] = []
        // `check` reads record `i` of the buffer itself: the closures know the record type, so the
        // record is read in place (passed as `R` from here, it was copied through its witness table).
        func split<R: CaseRecord>(_ table: RecordTable<R>, _ kind: RecordKind,
                                  _ check: @escaping @Sendable (inout RecordChecker, UnsafeBufferPointer<R>, Int) -> Void) {
            let parts = table.count >= 20_000 ? 2 : 1
            var start = table.startIndex
            for p in 0..<parts {
                let end = p == parts - 1 ? table.endIndex : table.index(start, offsetBy: table.count / parts)
                let range = start..<end
                let order = RecordKind.allCases.firstIndex(of: kind)!
                let clashing = clashes[order] ?? [:]
                work.append {
                    var found: [FoundProblems] = []
                    var ch = checker
                    // Read in place: a loop over `values[i]` copies each record (its bytes and a
                    // retain and release of every String in it), which was most of the time.
                    table.values.withUnsafeBufferPointer { records in
                        for i in range {
                            ch.problems.removeAll(keepingCapacity: true)
                            if !clashing.isEmpty, let other = clashing[records[i].id] {
                                ch.add(records[i].id, "id", "is used by a \(other.rawValue) and a \(kind.rawValue)")
                            }
                            check(&ch, records, i)
                            if !ch.problems.isEmpty { found.append(FoundProblems(kind: order, id: records[i].id, problems: ch.problems)) }
                        }
                    }
                    return found
                }
                start = end
            }
        }
        split(sources, .source) { $0.source($1[$2]) }
        split(incidents, .incident) { $0.incident($1[$2]) }
        split(actors, .actor) { $0.actor($1[$2]) }
        split(wallets, .wallet) { $0.wallet($1.baseAddress! + $2) }
        split(transfers, .transfer) { $0.transfer($1.baseAddress! + $2) }

        let results = ValidationResults(count: work.count)
        let jobs = work
        DispatchQueue.concurrentPerform(iterations: jobs.count) { results.set($0, jobs[$0]()) }
        let found = (0..<jobs.count).flatMap { results.take($0) }
            .sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        return found.flatMap(\.problems)
    }

    /// For each kind (by its position in `RecordKind.allCases`), the ids it shares with an
    /// earlier kind, and the nearest such kind. Empty in a sound case.
    private func crossKindClashes() -> [Int: [String: RecordKind]] {
        let kinds = RecordKind.allCases
        func count(_ k: RecordKind) -> Int {
            switch k {
            case .source: sources.count
            case .incident: incidents.count
            case .actor: actors.count
            case .wallet: wallets.count
            case .transfer: transfers.count
            }
        }
        func keys(_ k: RecordKind) -> [String] {
            switch k {
            case .source: Array(sources.keys)
            case .incident: Array(incidents.keys)
            case .actor: Array(actors.keys)
            case .wallet: Array(wallets.keys)
            case .transfer: Array(transfers.keys)
            }
        }
        var out: [Int: [String: RecordKind]] = [:]
        for j in kinds.indices {
            for i in 0..<j {   // later i overwrite earlier ones: the nearest earlier kind wins
                let (small, large) = count(kinds[i]) <= count(kinds[j]) ? (kinds[i], kinds[j]) : (kinds[j], kinds[i])
                for id in keys(small) where has(id, large) { out[j, default: [:]][id] = kinds[i] }
            }
        }
        return out
    }

    /// The problems of one record as it stands (or would stand) in this case.
    public func problems(in record: AnyRecord, assets: AssetTable? = nil) -> [Problem] {
        var ch = RecordChecker(case: self, assets: assets ?? assetTable)
        switch record {
        case .source(let s): ch.source(s)
        case .incident(let i): ch.incident(i)
        case .actor(let a): ch.actor(a)
        case .wallet(let w): ch.wallet(w)
        case .transfer(let t): ch.transfer(t)
        }
        return ch.problems
    }

    fileprivate func has(_ id: String, _ kind: RecordKind) -> Bool {
        switch kind {
        case .source: sources.index(forKey: id) != nil
        case .incident: incidents.index(forKey: id) != nil
        case .actor: actors.index(forKey: id) != nil
        case .wallet: wallets.index(forKey: id) != nil
        case .transfer: transfers.index(forKey: id) != nil
        }
    }

    /// The kind `record(id:)` would find, without copying the record out.
    fileprivate func foundKind(_ id: String) -> RecordKind? {
        if incidents.index(forKey: id) != nil { return .incident }
        if actors.index(forKey: id) != nil { return .actor }
        if transfers.index(forKey: id) != nil { return .transfer }
        if wallets.index(forKey: id) != nil { return .wallet }
        if sources.index(forKey: id) != nil { return .source }
        return nil
    }
}

private struct FoundProblems: Sendable {
    var kind: Int
    var id: String
    var problems: [Problem]
}

/// Each job's problems, in a slot of its own, taken after all have finished.
private final class ValidationResults: @unchecked Sendable {
    private var slots: [[FoundProblems]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ k: Int, _ found: [FoundProblems]) { lock.lock(); slots[k] = found; lock.unlock() }
    func take(_ k: Int) -> [FoundProblems] { lock.lock(); defer { lock.unlock() }; return slots[k] }
}

/// The checks of one record, field by field, in the order its problems are reported.
private struct RecordChecker: Sendable {
    let c: Case
    let assets: AssetTable
    var problems: [Problem] = []
    private var lastValidStamp: String?
    private var lastSoundIncident: String?
    private var recentAssets: (Asset?, Asset?) = (nil, nil)
    /// Whether no id is used by two kinds (then a reference's kind is that of any table holding it).
    let idsAreUnique: Bool
    /// The ids of the kinds records refer to, by their bytes (only when `idsAreUnique`).
    struct Known: Sendable {
        var wallets, actors, incidents, sources: RawIDSet

        func contains(_ id: String, _ kind: RecordKind) -> Bool {
            switch kind {
            case .wallet: wallets.contains(id)
            case .actor: actors.contains(id)
            case .incident: incidents.contains(id)
            case .source: sources.contains(id)
            case .transfer: false
            }
        }
    }
    var known: Known?

    init(case c: Case, assets: AssetTable, idsAreUnique: Bool = false) {
        self.c = c
        self.assets = assets
        self.idsAreUnique = idsAreUnique
    }

    mutating func add(_ owner: String, _ field: String, _ message: String) {
        problems.append(Problem(recordID: owner, field: field, message: message))
    }

    mutating func ref(_ id: String?, _ kinds: [RecordKind], _ owner: String, _ field: String) {
        guard let id else { return }
        // With no id in two tables, finding it in a wanted kind's table settles it: one lookup
        // in a big table instead of `record(id:)`'s walk through the tables before it.
        // The bytes of an id held by a wanted kind's record settle it first (RawIDSet).
        if let known, kinds.contains(where: { known.contains(id, $0) }) { return }
        if idsAreUnique && kinds.contains(where: { c.has(id, $0) }) { return }
        guard let found = c.foundKind(id) else {
            return add(owner, field, "refers to \(id), which is not in the case")
        }
        if !kinds.contains(found) {
            let wanted = kinds.map(\.rawValue).sorted().joined(separator: " or ")
            add(owner, field, "refers to \(id), a \(found.rawValue), but must be a \(wanted)")
        }
    }

    mutating func money(_ amount: ExactDecimal, _ asset: String, _ owner: String, _ field: String) {
        // Most amounts are in a few assets: the last two known are remembered (no hashing of the
        // code), and an amount with no more decimals than the asset allows needs no trailing
        // zeros counted. Anything else gets AssetTable's answer and wording.
        if !amount.isNegative {
            if let a = recentAssets.0, a.code == asset, amount.scale <= a.precision { return }
            if let a = recentAssets.1, a.code == asset, amount.scale <= a.precision { return }
        }
        if let a = assets[asset], a.code == asset { recentAssets = (a, recentAssets.0) }
        if let p = assets.problem(amount: amount, asset: asset) { add(owner, field, p) }
    }

    mutating func usd(_ value: ExactDecimal?, _ owner: String, _ field: String) {
        if let value { money(value, "USD", owner, field) }
    }

    mutating func date(_ text: String?, _ owner: String, _ field: String) {
        if let text, !CaseTime.isValid(text) { add(owner, field, "\"\(text)\" is not an ISO 8601 date or time") }
    }

    /// A created or modified time: most records share a few, so the last valid one is remembered.
    mutating func stamp(_ text: String?, _ owner: String, _ field: String) {
        guard let text, text != lastValidStamp else { return }
        if CaseTime.isValid(text) { lastValidStamp = text } else { date(text, owner, field) }
    }

    mutating func attributions(_ list: [Attribution], _ owner: String) {
        for (i, a) in list.enumerated() {
            ref(a.actor, [.actor], owner, "attributions[\(i)].actor")
            if !(0...100).contains(a.confidence) && a.isConfidenceKnown {
                add(owner, "attributions[\(i)].confidence", "\(a.confidence) is outside 0-100")
            }
            for (j, s) in a.sources.enumerated() { ref(s.source, [.source], owner, "attributions[\(i)].sources[\(j)]") }
        }
    }

    mutating func required(_ text: String, _ owner: String, _ field: String) {
        // Fast answer when the text starts with a visible ASCII character; otherwise Foundation's.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return }
        if text.trimmingCharacters(in: .whitespaces).isEmpty { add(owner, field, "is empty") }
    }

    mutating func meta(_ meta: borrowing RecordMeta) {
        let id = meta.id
        // Visible ASCII alone has no whitespace: only other ids need Character's answer.
        let plain = !id.isEmpty && (id.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 > 0x20 && $0 < 0x7F } }
            ?? id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F })
        if !plain && (id.isEmpty || id.contains(where: { $0.isWhitespace || $0.isNewline })) {
            add(id, "id", "must be non-empty with no spaces")
        }
        stamp(meta.created, id, "created")
        stamp(meta.modified, id, "modified")
        for (i, s) in meta.sources.enumerated() { ref(s.source, [.source], id, "sources[\(i)]") }
        for (i, n) in meta.notes.enumerated() { date(n.time, id, "notes[\(i)].time") }
    }

    mutating func source(_ s: borrowing Source) {
        meta(s.meta)
        required(s.title, s.meta.id, "title")
        date(s.date, s.meta.id, "date")
    }

    mutating func incident(_ inc: borrowing Incident) {
        let id = inc.meta.id
        meta(inc.meta)
        required(inc.title, id, "title")
        date(inc.started, id, "started")
        date(inc.ended, id, "ended")
        ref(inc.victim, [.actor], id, "victim")
        for (i, loss) in inc.losses.enumerated() {
            money(loss.amount, loss.asset, id, "losses[\(i)].amount")
            usd(loss.usd, id, "losses[\(i)].usd")
        }
        attributions(inc.attributions, id)
    }

    mutating func actor(_ a: borrowing Actor) {
        let id = a.meta.id
        meta(a.meta)
        required(a.name, id, "name")
        for (i, alias) in a.aliases.enumerated() { ref(alias.source, [.source], id, "aliases[\(i)].source") }
        for (i, s) in a.sanctions.enumerated() { date(s.date, id, "sanctions[\(i)].date") }
        ref(a.parent, [.actor], id, "parent")
        if a.parent == id { add(id, "parent", "is the actor itself") }
    }

    mutating func wallet(_ w: borrowing Wallet) {
        withUnsafePointer(to: w) { wallet($0) }
    }

    /// The big tables' records are checked through their address: a record passed by value was
    /// copied for the call (its bytes, and a retain and release of every String in it).
    mutating func wallet(_ w: UnsafePointer<Wallet>) {
        let id = w.pointee.meta.id
        meta(w.pointee.meta)
        required(w.pointee.address, id, "address")
        required(w.pointee.chain, id, "chain")
        attributions(w.pointee.attributions, id)
    }

    mutating func transfer(_ t: borrowing Transfer) {
        withUnsafePointer(to: t) { transfer($0) }
    }

    mutating func transfer(_ t: UnsafePointer<Transfer>) {
        let id = t.pointee.meta.id
        meta(t.pointee.meta)
        // Checked from the packed digits: no String made per transfer.
        if !t.pointee.packedTime.isValid { date(t.pointee.time, id, "time") }
        ref(t.pointee.from, [.wallet, .actor], id, "from")
        ref(t.pointee.to, [.wallet, .actor], id, "to")
        // Transfers name few incidents: the last one found sound needs no lookup.
        if let inc = t.pointee.incident, inc == lastSoundIncident {} else {
            let before = problems.count
            ref(t.pointee.incident, [.incident], id, "incident")
            if problems.count == before { lastSoundIncident = t.pointee.incident }
        }
        money(t.pointee.amount, t.pointee.asset, id, "amount")
        usd(t.pointee.usd, id, "usd")
    }
}
