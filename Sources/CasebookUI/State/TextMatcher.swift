import CasebookModel
import Foundation

// A needle (lower-cased UTF-8) tested against a pane's search text, in either of its forms: each
// row's bytes (SearchText.Table) or the ledger's per-value texts (LedgerMatch). Search asks
// `row`; a filter asks `field` for a term naming a column, and takes the fast path only where
// `plain` says the byte match is exactly String.contains.

final class TextMatcher: Sendable {
    // One of the two (a class and optionals rather than an enum, so a million calls borrow the
    // arrays instead of copying them out of an enum payload, retaining each, per row).
    private let rows: SearchText.Table?
    private let ledger: LedgerMatch?
    let needle: [UInt8]
    let equal: Bool

    /// `equal`: a field must be the needle, not merely contain it (rows always test containment).
    /// `exact` (a filter): `plain` may also say yes where the answer was worked out as Strings
    /// compare (LedgerMatch's naming columns).
    /// `rows` false: only `field` will be asked.
    init(_ text: SearchText.PaneText, _ pane: PaneKind, needle: [UInt8], equal: Bool = false, exact: Bool = false,
         rows: Bool = true, view: CaseView) {
        self.needle = needle
        self.equal = equal
        switch text {
        case .rows(let t):
            (self.rows, ledger) = (t, nil)
        case .ledger(let l) where !needle.contains(1):
            (self.rows, ledger) = (nil, LedgerMatch(l, needle: needle, equal: equal, exact: exact, rows: rows, view: view))
        case .ledger:
            // U+0001 joins a row's fields: only the row's bytes can say where such a needle is.
            (self.rows, ledger) = (SearchText.buildRows(pane, view), nil)
        }
    }

    /// Whether any column of the row at `slot` contains the needle. `scratch` is a buffer of
    /// the caller's thread.
    func row(_ slot: Int32, _ scratch: inout [UInt8]) -> Bool {
        if let ledger { return ledger.row(Int(slot), &scratch) }
        guard let t = rows else { return false }
        return t.bytes.withUnsafeBufferPointer { b in needle.withUnsafeBufferPointer { t.contains(slot, $0, b) } }
    }

    /// The ledger's answer to `row` for every slot, made in slot order on both cores; nil for a
    /// pane of row texts (searched row by row).
    func rowAnswers() -> [Bool]? { ledger?.rowAnswers() }

    /// The ledger's answers for column `k` in every slot (LedgerMatch.fieldAnswers); nil for a
    /// pane of row texts.
    func fieldAnswers(_ k: Int) -> [UInt8]? { ledger?.fieldAnswers(k) }

    /// Whether column `k` of the row at `slot` contains (or, `equal`, is) the needle.
    func field(_ k: Int, _ slot: Int32, _ scratch: inout [UInt8]) -> Bool {
        if let ledger { return ledger.field(k, Int(slot), &scratch) }
        let s = Int(slot)
        guard let t = rows, s < t.start.count else { return false }
        return t.bytes.withUnsafeBufferPointer { b in
            let f = ColumnCache.field(k, of: s, t, b)
            return LedgerMatch.test(needle, equal, b, f.lowerBound, f.count)
        }
    }

    /// Whether column `k`'s (nil: the whole row's) answer is exactly what comparing Strings
    /// gives: it is printable ASCII, or (`exact`) was worked out that way.
    func plain(_ k: Int?, _ slot: Int32) -> Bool {
        if let ledger { return k.map { ledger.fieldPlain($0, Int(slot)) } ?? ledger.rowPlain(Int(slot)) }
        let s = Int(slot)
        guard let t = rows else { return false }
        return s < t.ascii.count && t.ascii[s]
    }
}
