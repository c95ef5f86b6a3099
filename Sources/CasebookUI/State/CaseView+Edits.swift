import CasebookModel

// How the view follows an edit without rebuilding: each changed record leaves and re-enters the
// link index, the loss totals and its pane's index (keeping its slot); the rows that show its name
// (transfers from or to it, incidents it is victim of or attributed...) and the actors whose
// attributed loss moved are "touched", and the search text and column caches are patched for the
// touched slots only. Notes and tags alone change none of that, so they touch nothing.
// The cost is that of the changed records and the rows that show them, not of the case.

/// What an edit did to the view, for the panes to follow it.
public struct ViewChange: Sendable {
    /// Only notes and tags changed: no row moved or changed its text.
    public var onlyAnnotations: Bool
    /// Slots whose row was added, removed or shows something new, per pane.
    public var touched: [PaneKind: [Int32]] = [:]
    /// The case's own information changed (its marking is a filter field): refilter everything.
    public var caseInfoChanged = false
}

/// Loss totals as ExactSums, so an incident can be taken back out exactly.
struct LossSums: Sendable {
    var total = ExactSum()
    var aggregate = ExactSum()
    var attributed: [String: ExactSum] = [:]

    mutating func add(_ i: Incident) { change(i, by: 1) }
    mutating func remove(_ i: Incident) { change(i, by: -1) }

    /// As the header counts them: aggregate incidents apart (their losses overlap others').
    private mutating func change(_ i: Incident, by sign: Int) {
        guard let usd = i.lossUSD else { return }
        func apply(_ s: inout ExactSum) { if sign > 0 { s.add(usd) } else { s.remove(usd) } }
        if i.isAggregate { apply(&aggregate); return }
        apply(&total)
        guard let actor = i.strongestAttribution?.actor else { return }
        var s = attributed[actor] ?? ExactSum()
        apply(&s)
        attributed[actor] = s.count == 0 ? nil : s
    }
}

extension CaseView {
    /// Takes the case after `changes` and brings indexes, totals, links and caches up to date.
    public mutating func update(_ newContent: Case, after changes: [Change]) -> ViewChange {
        let cheap = changes.allSatisfy { change in
            guard case .record(let before?, let after?) = change else { return false }
            func stripped(_ r: AnyRecord) -> AnyRecord {
                var r = r
                r.meta.notes = []
                r.meta.modified = ""
                r.meta.tags = r.meta.tags.filter { $0 == Incident.aggregateTag }
                return r
            }
            return stripped(before) == stripped(after)
        }
        content = newContent
        var result = ViewChange(onlyAnnotations: cheap)
        if cheap { return result }
        var touchedIDs: [PaneKind: Set<String>] = [:]
        var touched: [PaneKind: Set<Int32>] = [:]
        var actorsMoved = Set<String>()
        let records = changes.compactMap { change -> (AnyRecord?, AnyRecord?)? in
            switch change {
            case .record(let before, let after): return (before, after)
            case .info: result.caseInfoChanged = true; return nil
            }
        }
        // Out first, then in: an index's binary search must only meet records that are in the case.
        var oldSlots: [String: Int32] = [:]
        for (before, _) in records {
            guard let b = before else { continue }
            links.remove(b)
            if case .incident(let i) = b, let a = i.strongestAttribution?.actor, i.lossUSD != nil { actorsMoved.insert(a) }
            if case .incident(let i) = b { sums.remove(i) }
            if let pane = PaneKind(recordKind: b.kind), let slot = indexes[pane]!.remove(b.id) {
                oldSlots[b.id] = slot
                touched[pane, default: []].insert(slot)
            }
        }
        for (before, after) in records {
            if let a = after {
                links.insert(a, in: content)
                if case .incident(let i) = a, let actor = i.strongestAttribution?.actor, i.lossUSD != nil { actorsMoved.insert(actor) }
                if case .incident(let i) = a { sums.add(i) }
                if let pane = PaneKind(recordKind: a.kind) {
                    let c = content
                    let slot = indexes[pane]!.insert(a, slot: oldSlots[a.id]) { id in Self.lookup(c, pane, id) }
                    touched[pane, default: []].insert(slot)
                }
            }
            let id = (after ?? before)!.id
            if before?.displayName != after?.displayName {
                let (transfers, incidents) = links.referencing(id)
                touchedIDs[.ledger, default: []].formUnion(transfers)
                touchedIDs[.incidents, default: []].formUnion(incidents)
            }
        }
        publishTotals(of: actorsMoved)
        touchedIDs[.actors, default: []].formUnion(actorsMoved)
        for (pane, ids) in touchedIDs {
            for id in ids { if let slot = indexes[pane]!.slot(of: id) { touched[pane, default: []].insert(slot) } }
        }
        result.touched = touched.mapValues { $0.sorted() }
        if let slots = result.touched[.ledger] {
            let c = content, ledger = indexes[.ledger]!
            ledgerSlots.patch(slots) { slot in
                let id = ledger.ids[Int(slot)]
                return id.isEmpty ? nil : c.transfers[id]
            }
        }
        searchText = searchText.patched(result.touched, self)
        columnCache = columnCache.patched(result.touched, self)
        return result
    }

    static func lookup(_ c: Case, _ pane: PaneKind, _ id: String) -> AnyRecord? {
        switch pane {
        case .incidents: c.incidents[id].map(AnyRecord.incident)
        case .actors: c.actors[id].map(AnyRecord.actor)
        case .ledger: c.transfers[id].map(AnyRecord.transfer)
        }
    }
}
