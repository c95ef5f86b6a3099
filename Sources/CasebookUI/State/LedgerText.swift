import CasebookModel
import Dispatch
import Synchronization

// The ledger's search text at a million rows, without a copy of each row's text (that copy was
// about 200 MB, the biggest thing a session held after the records). A row's search text is its
// columns' texts lower-cased and joined by U+0001 (SearchText); a needle never holds U+0001 (a
// typed or pasted control character is not kept by the line editor), so a row contains a needle
// exactly when one of its columns does, and each column is tested where its text is cheap to have:
// - From, To, Asset and Incident name a record, and their text depends on the record named
//   alone (Column.referenceText): each value's text is lower-cased once here (LoweredColumn; From
//   and To share theirs), a needle is tested against each value once (LedgerMatch), and a row
//   reads its values' answers through LedgerSlots' interned numbers;
// - the kind is one of a few values, tested the same way;
// - time, amount and USD are written out per row from LedgerSlots (the packed time, integer
//   units) into a scratch buffer, and only when the needle could occur in them at all: a needle
//   with a letter other than t or z is in no canonical time and no number, so a search for a
//   name formats nothing;
// - anything else (a time not in the canonical form) from the record.
// What each column's text is stays the row-by-row build's (SearchText.buildRows): a test holds
// every row's and field's answer to it.

/// The lower-cased texts of one naming column's values: value `v` is `length[v]` bytes from
/// `start[v]`. An edit that changes a value's text appends the new text and points it there.
struct LoweredColumn: Sendable {
    var bytes: [UInt8] = []
    var start: [Int] = []
    var length: [Int32] = []
    var plain: [Bool] = []
    /// The text of rows that name nothing.
    var none: [UInt8] = []
    var nonePlain = true

    init() {}

    init(_ names: [String], _ text: (String?) -> String) {
        self.init(count: names.count, none: text(nil)) { text(names[$0]) }
    }

    /// From the texts the column cache made (nil, as a value no row names: empty).
    init(_ made: ColumnCache.ReferenceTexts) {
        self.init(count: made.texts.count, none: made.none ?? "") { made.texts[$0] ?? "" }
    }

    private init(count: Int, none: String, _ text: (Int) -> String) {
        start.reserveCapacity(count)
        length.reserveCapacity(count)
        plain.reserveCapacity(count)
        for v in 0..<count {
            // Sized from the first values' bytes, so a few hundred thousand are not grown into.
            if v == 1024 { bytes.reserveCapacity(bytes.count / v * count * 9 / 8 + 64) }
            set(v, text(v))
        }
        setNone(none)
    }

    mutating func set(_ v: Int, _ text: String) {
        while start.count <= v { start.append(0); length.append(0); plain.append(true) }
        let before = bytes.count
        plain[v] = SearchText.appendLowered(text, to: &bytes)
        start[v] = before
        length[v] = Int32(bytes.count - before)
    }

    mutating func setNone(_ text: String) {
        none = []
        nonePlain = SearchText.appendLowered(text, to: &none)
    }
}

struct LedgerText: Sendable {
    /// How a column's text is had (see the top of the file).
    enum Source: Sendable, Equatable {
        case time
        /// Amount or USD, shown with at least `minScale` decimals.
        case number(id: String, minScale: Int)
        /// The `n`th naming space (`namedColumns`).
        case named(Int)
        case kind
        case record
    }

    var sources: [Source]
    /// Per naming space (Column.referenceSpace; From and To share one): the ids of its columns
    /// (as LedgerSlots knows them) and its values' texts.
    var namedColumns: [[String]]
    var named: [LoweredColumn]
    /// TransferKind.allCases' texts, lower-cased.
    var kinds: [[UInt8]]

    /// The ledger's text, or nil when a naming column's values are not interned (then the
    /// row-by-row build runs).
    static func build(_ view: CaseView) -> LedgerText? {
        let columns = PaneKind.ledger.columns
        let slots = view.ledgerSlots
        var sources: [Source] = []
        var spaces: [String] = [], namedColumns: [[String]] = []
        var namers: [@Sendable (String?, CaseView) -> String] = [], values: [[String]] = []
        var made: [ColumnCache.ReferenceTexts?] = []
        for (k, c) in columns.enumerated() {
            if let text = c.referenceText, c.reference != nil {
                guard let names = slots.values(c.id) else { return nil }
                if let n = spaces.firstIndex(of: c.referenceSpace) {
                    sources.append(.named(n))
                    namedColumns[n].append(c.id)
                    continue
                }
                sources.append(.named(spaces.count))
                spaces.append(c.referenceSpace)
                namedColumns.append([c.id])
                namers.append(text)
                values.append(names)
                // The texts the column cache holds (the warm-up makes them first), rather than
                // a few hundred thousand Strings made again and let go.
                made.append(view.columnCache.madeReferenceTexts(k))
            } else if c.id == "time" {
                sources.append(.time)
            } else if let minScale = c.numberText, c.number != nil, slots.numbers(c.id) != nil {
                sources.append(.number(id: c.id, minScale: minScale))
            } else if c.id == "kind" {
                sources.append(.kind)
            } else {
                sources.append(.record)
            }
        }
        // Each naming space on its own thread (the parties hold a few hundred thousand wallets).
        let lowered = Mutex([Int: LoweredColumn]())
        let jobs = values.count, valuesOf = values, namersOf = namers, texts = made
        DispatchQueue.concurrentPerform(iterations: jobs) { n in
            let column = texts[n].map { LoweredColumn($0) } ?? LoweredColumn(valuesOf[n]) { namersOf[n]($0, view) }
            lowered.withLock { $0[n] = column }
        }
        let named = lowered.withLock { m in (0..<jobs).map { m[$0]! } }
        let kinds: [[UInt8]] = TransferKind.allCases.map { kind in
            var b: [UInt8] = []
            _ = SearchText.appendLowered(kind.rawValue, to: &b)
            return b
        }
        return LedgerText(sources: sources, namedColumns: namedColumns, named: named, kinds: kinds)
    }

    /// After an edit: the texts of the values the changed rows name, made again. A value whose
    /// text changes (a wallet renamed, added or deleted) has every row naming it among the
    /// changed ones (CaseView.update), and a value first named by an edit is named by one of them.
    mutating func patch(_ changed: [Int32], _ view: CaseView) {
        let columns = PaneKind.ledger.columns
        let slots = view.ledgerSlots
        for (n, ids) in namedColumns.enumerated() {
            guard let c = columns.first(where: { $0.id == ids[0] }), let text = c.referenceText,
                  let names = slots.values(ids[0]) else { continue }
            var done = Set<Int32>()
            for id in ids {
                guard let refs = slots.references(id) else { continue }
                for slot in changed where Int(slot) < refs.of.count {
                    let v = refs.of[Int(slot)]
                    if v >= 0 && done.insert(v).inserted { named[n].set(Int(v), text(names[Int(v)], view)) }
                }
            }
            named[n].setNone(text(nil, view))
        }
    }
}
