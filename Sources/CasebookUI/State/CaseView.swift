import CasebookModel
import Foundation

// The case as the screen needs it: records plus what is costly to recompute per keystroke,
// built once when the case loads (and again after an edit): each pane's rows in their natural
// order, and the totals in the header. Rendering then touches only the visible rows.

public struct CaseView: Sendable {
    public internal(set) var content: Case
    /// Each pane's rows as slots, in natural order: incidents by start date, actors by name, transfers by time.
    public internal(set) var indexes: [PaneKind: PaneIndex] = [:]
    /// USD losses of incidents whose strongest attribution names the actor (aggregate incidents excluded).
    public internal(set) var attributedLoss: [String: ExactDecimal] = [:]
    public internal(set) var totalLossUSD = ExactDecimal.zero
    public internal(set) var aggregateLossUSD = ExactDecimal.zero
    /// Reverse references, so the detail view's linked records cost what is shown.
    public internal(set) var links = LinkIndex(Case(info: CaseInfo(title: "", created: "")))
    /// Each row's text as search sees it, made on the first search of a pane and kept until the case changes.
    public internal(set) var searchText = SearchText()
    /// Per-column numbers, groups and sort ranks, made on first use (ColumnCache).
    internal(set) var columnCache = ColumnCache()
    /// The ledger's slot arrays (`ledgerSlots`), made in the background for a big ledger.
    var deferredSlots = Deferred(LedgerSlots())
    /// The totals as sums that can take an incident back out (so an edit updates them in place).
    var sums = LossSums()

    /// How many linked records the detail view lists; the rest are counted.
    public static let linkLimit = 200

    public init(_ content: Case) {
        self.content = content
        rebuild()
    }

    /// Lets go of the case's storage (keeping the indexes) so the store can change it in place
    /// without copying it; `replace` takes it back.
    public mutating func releaseContent() {
        content = Case(info: content.info)
    }

    /// Takes the case after `changes`; see `update`. Returns true when only notes and tags changed.
    @discardableResult
    public mutating func replace(_ content: Case, after changes: [Change]) -> Bool {
        update(content, after: changes).onlyAnnotations
    }

    mutating func rebuild() {
        let c = content
        let order = LedgerOrder(c)
        for kind in PaneKind.allCases { indexes[kind] = kind == .ledger ? PaneIndex(ledger: order.ids) : PaneIndex(kind: kind, c) }
        let table = c.transfers.values
        if c.transfers.count < ParallelSort.threshold {
            let ends = order.ends(table)
            links = LinkIndex(c, ends: ends)
            deferredSlots = Deferred(LedgerSlots(table, places: order.places, ends: ends))
        } else {
            // For a big ledger, the link index (record links and transfer lists) and the ledger's
            // slot arrays are made in the background, from the transfers' ends gathered there
            // too: the first frame needs none of them (the detail view says its links are
            // coming; sort, filter and edits wait for them).
            let ends = Pending { order.ends(table) }
            links = LinkIndex(c, transferIDs: order.ids) { ends.value }
            deferredSlots = Deferred(empty: LedgerSlots()) { LedgerSlots(table, places: order.places, ends: ends.value) }
        }
        searchText = SearchText()
        columnCache = ColumnCache()
        sums = LossSums()
        for i in c.incidents.values { sums.add(i) }
        publishTotals(of: nil)
    }

    /// Copies the sums into the public totals: every actor's when `actors` is nil, else those named.
    mutating func publishTotals(of actors: Set<String>?) {
        totalLossUSD = sums.total.value
        aggregateLossUSD = sums.aggregate.value
        guard let actors else {
            attributedLoss = sums.attributed.mapValues(\.value)
            return
        }
        for a in actors { attributedLoss[a] = sums.attributed[a]?.value }
    }

    /// Record ids per pane in natural order (a copy: O(rows); the screen uses `indexes`).
    public var baseRows: [PaneKind: [String]] {
        indexes.mapValues { ix in ix.order.map { ix.id($0) } }
    }

    /// How many rows a pane has before any filter.
    public func rowCount(_ kind: PaneKind) -> Int { indexes[kind]?.count ?? 0 }

    /// The record of a pane's kind with this id: one dictionary lookup instead of `record(id:)`'s several.
    public func record(_ kind: PaneKind, _ id: String) -> AnyRecord? {
        switch kind {
        case .incidents: content.incidents[id].map(AnyRecord.incident)
        case .actors: content.actors[id].map(AnyRecord.actor)
        case .ledger: content.transfers[id].map(AnyRecord.transfer)
        }
    }

    /// How a record is named on screen; a transfer by its amount and the names of its two ends.
    public func title(of record: AnyRecord) -> String {
        guard case .transfer(let t) = record else { return record.displayName }
        return "\(t.amount.formatted()) \(t.asset) \(name(t.from)) → \(name(t.to))"
    }

    /// The display name of a record id, or the id itself if it is not in the case.
    public func name(_ id: String?) -> String {
        guard let id else { return "" }
        return content.record(id: id)?.displayName ?? id
    }
}
