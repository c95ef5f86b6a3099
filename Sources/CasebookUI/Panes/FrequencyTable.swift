import CasebookModel

// The F view: rows of the focused pane grouped by the current column's value, with counts and
// exact sums. Losses by actor: the Attribution column of incidents, summing loss USD. Transfers
// by asset: the Asset column of the ledger, summing amounts (one asset per group, so the sum is
// meaningful) and USD. A group whose rows mix assets shows no amount sum rather than a wrong one.
// Aggregate incidents are counted but not summed, as in the header: their losses overlap others'.

public struct FrequencyTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var value: String
        public var count: Int
        public var usd: ExactDecimal?
        /// Sum of amounts with its asset, when every row of the group has the same asset.
        public var amount: (ExactDecimal, String)?

        public static func == (a: Row, b: Row) -> Bool {
            a.value == b.value && a.count == b.count && a.usd == b.usd && a.amount?.0 == b.amount?.0 && a.amount?.1 == b.amount?.1
        }
    }

    public var pane: PaneKind
    public var columnID: String
    public var columnTitle: String
    public var rows: [Row]
    public var totalCount: Int
    public var totalUSD: ExactDecimal?

    /// Groups `ids` (the pane's filtered rows) by `column`; biggest groups first, then by value.
    public init(pane: PaneKind, column: Column, ids: [String], view: CaseView) {
        self.pane = pane
        columnID = column.id
        columnTitle = column.title
        struct Acc { var count = 0; var usd: ExactDecimal?; var amount: ExactDecimal?; var asset: String?; var mixed = false }
        var groups: [String: Acc] = [:]
        var order: [String] = []
        let usdColumn = pane.columns.first { ["loss", "usd", "losses"].contains($0.id) }
        var total: ExactDecimal? = nil
        for id in ids {
            guard let r = view.content.record(id: id) else { continue }
            let key = column.group(r, view)
            if groups[key] == nil { order.append(key) }
            var acc = groups[key] ?? Acc()
            acc.count += 1
            let aggregate: Bool = if case .incident(let i) = r { i.isAggregate } else { false }
            if !aggregate, let usd = usdColumn?.number?(r, view) {
                acc.usd = (acc.usd ?? .zero) + usd
                total = (total ?? .zero) + usd
            }
            if case .transfer(let t) = r {
                if acc.asset == nil, !acc.mixed { acc.asset = t.asset }
                if acc.asset != t.asset { acc.mixed = true; acc.asset = nil }
                if !acc.mixed { acc.amount = (acc.amount ?? .zero) + t.amount }
            }
            groups[key] = acc
        }
        rows = order.map { key in
            let a = groups[key]!
            return Row(value: key, count: a.count, usd: a.usd, amount: a.mixed ? nil : a.amount.flatMap { amt in a.asset.map { (amt, $0) } })
        }.sorted { ($0.count, $1.value) > ($1.count, $0.value) }
        totalCount = ids.count
        totalUSD = total
    }
}
