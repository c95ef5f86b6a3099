import CasebookModel
import Dispatch
import Foundation
import Synchronization

// One needle tested against the ledger's rows through LedgerText (see there): the naming
// columns' values and the kinds are tested once each when the needle is given, the numbers and
// times per row, and only when the needle could occur in them (NumberNeedle, and a time's digit
// runs). A search or a filter term asks for every slot at once (`rowAnswers`, `fieldAnswers`):
// made in slot order on both cores, LedgerSlots' arrays are read front to back, where a sorted
// pane's order would read them at random.

final class LedgerMatch: @unchecked Sendable {
    let text: LedgerText
    let needle: [UInt8]
    /// Whole-field equality (a filter's `=`) rather than containment.
    let equal: Bool
    let exact: Bool
    /// Per column that names a record, the row's value number per slot (else empty); per naming
    /// space (LedgerText.namedColumns), each value's answer (the last entry: rows naming nothing).
    private let of: [[Int32]]
    private let hit: [[Bool]]
    private let kindHit: [Bool]
    /// For a search (not `equal`, `rows`): see `quickAnswers`.
    private let quick: [UInt8]
    /// Whether the needle could occur in a canonical time; what it says of formatted numbers.
    private let timeMaybe: Bool
    private let number: NumberNeedle
    private let slots: LedgerSlots
    /// Per column, what it is (`Code`) and its naming column or number; read per row and field,
    /// so they are small arrays rather than LedgerText.Source (whose String payload a switch
    /// would retain and release per row) and the numbers' arrays by place, not by column id.
    private let codes: [Code]
    private let hasRecordColumns: Bool
    private let arg: [Int]
    private let minScales: [Int]
    private let numberUnits: [[Int128]], numberScales: [[UInt8]]
    private let view: CaseView
    private let ids: [String]

    private enum Code: UInt8 { case named, kind, time, number, record }

    /// `exact`: a value whose text is not printable ASCII is tested as the filter's slow path
    /// tests a row (its lower-cased String contains, or is, the needle's), not byte by byte, so
    /// every naming column answers exactly (a wallet's name has a "…": byte answers would send
    /// nearly every row to the record). Search compares bytes, and does not ask for it.
    /// `rows` false: only `field` will be asked (a filter term naming a column), so the
    /// per-slot answers `row` reads are not made.
    init(_ text: LedgerText, needle: [UInt8], equal: Bool, exact: Bool = false, rows: Bool = true, view: CaseView) {
        self.text = text
        self.exact = exact
        self.needle = needle
        self.equal = equal
        self.view = view
        let slots = view.ledgerSlots
        self.slots = slots
        ids = view.indexes[.ledger]!.ids
        // Per column: the row's value per slot when it names a record (else empty).
        of = PaneKind.ledger.columns.indices.map { k in
            guard k < text.sources.count, case .named = text.sources[k] else { return [] }
            return slots.references(PaneKind.ledger.columns[k].id)?.of ?? []
        }
        var codes: [Code] = [], arg: [Int] = [], minScales: [Int] = [], units: [[Int128]] = [], scales: [[UInt8]] = []
        for source in text.sources {
            switch source {
            case .named(let n): codes.append(.named); arg.append(n); minScales.append(0)
            case .kind: codes.append(.kind); arg.append(0); minScales.append(0)
            case .time: codes.append(.time); arg.append(0); minScales.append(0)
            case .record: codes.append(.record); arg.append(0); minScales.append(0)
            case .number(let id, let minScale):
                let n = slots.numbers(id) ?? ([], [])
                codes.append(.number); arg.append(units.count); minScales.append(minScale)
                units.append(n.units); scales.append(n.scale)
            }
        }
        (self.codes, self.arg, self.minScales, numberUnits, numberScales) = (codes, arg, minScales, units, scales)
        hasRecordColumns = codes.contains(.record)
        let timeBytes = Set("0123456789-:tz".utf8)
        // A run of digits in the needle lies within one of the text's, and a canonical time's
        // longest is four (the year). Numbers: NumberNeedle.
        var run = 0, longest = 0
        for byte in needle { run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0; longest = max(longest, run) }
        timeMaybe = longest <= 4 && needle.allSatisfy { timeBytes.contains($0) }
        number = NumberNeedle(needle)
        kindHit = text.kinds.map { k in k.withUnsafeBufferPointer { Self.test(needle, equal, $0, 0, $0.count) } }
        // Each space's values split over both cores (the parties are a few hundred thousand).
        hit = text.named.map { column in
            var out = [Bool](repeating: false, count: column.start.count + 1)
            out.withUnsafeMutableBufferPointer { o in
                column.bytes.withUnsafeBufferPointer { b in
                    ParallelSort.halves(column.start.count) { range, _ in
                        for v in range {
                            let from = column.start[v], length = Int(column.length[v])
                            let text = UnsafeBufferPointer(rebasing: b[from..<from + length])
                            o[v] = exact && !column.plain[v] && !Self.asciiAndEllipses(text)
                                ? Self.stringTest(needle, equal, text)
                                : Self.test(needle, equal, b, from, length)
                        }
                    }
                }
            }
            out[column.start.count] = column.none.withUnsafeBufferPointer {
                exact && !column.nonePlain ? Self.stringTest(needle, equal, $0) : Self.test(needle, equal, $0, 0, $0.count)
            }
            return out
        }
        quick = equal || !rows ? [] : Self.quickAnswers(codes.indices.filter { codes[$0] == .named }, of, arg, hit, kindHit, slots, count: ids.count)
    }

    /// Per slot, for a search: 1 when a naming column or the kind contains the needle, 2 for a
    /// free slot (no amount: every transfer has one), else 0 (then the columns written out
    /// decide). Made column by column on both cores, so a row's test is one byte rather than a
    /// lookup per column through nested arrays.
    private static func quickAnswers(_ named: [Int], _ of: [[Int32]], _ space: [Int], _ hit: [[Bool]], _ kindHit: [Bool],
                                     _ slots: LedgerSlots, count n: Int) -> [UInt8] {
        var quick = [UInt8](repeating: 0, count: n)
        quick.withUnsafeMutableBufferPointer { q in
            ParallelSort.halves(n) { range, _ in
                for c in named {
                    of[c].withUnsafeBufferPointer { o in
                        hit[space[c]].withUnsafeBufferPointer { h in
                            let none = h.count - 1
                            for s in range {
                                let v = s < o.count ? Int(o[s]) : -1
                                if h[v >= 0 && v < none ? v : none] { q[s] = 1 }
                            }
                        }
                    }
                }
                slots.kind.withUnsafeBufferPointer { k in
                    for s in range where s < k.count && kindHit[Int(k[s])] { q[s] = 1 }
                }
                slots.amountScale.withUnsafeBufferPointer { a in
                    for s in range where s >= a.count || a[s] == LedgerSlots.noNumber { q[s] = 2 }
                }
            }
        }
        return quick
    }

    /// Whether `text` is printable ASCII and "…" alone (a wallet's name): each of those is a
    /// character of its own that nothing combines with, so a printable-ASCII needle's bytes match
    /// exactly where its characters do, and the String test (a few hundred thousand of them at a
    /// million transfers, most of a filter's time) is not needed.
    static func asciiAndEllipses(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < text.count {
            let b = text[i]
            if b >= 0x20 && b < 0x7F { i += 1; continue }
            guard b == 0xE2, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0xA6 else { return false }
            i += 3
        }
        return true
    }

    /// Whether lower-cased text contains (or, `equal`, is) the needle as Strings compare: what
    /// the filter's slow path asks of a row's column (`text.lowercased().contains(value)`).
    static func stringTest(_ needle: [UInt8], _ equal: Bool, _ lowered: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: lowered, as: UTF8.self), value = String(decoding: needle, as: UTF8.self)
        return equal ? text == value : text.contains(value)
    }

    /// Whether `length` bytes of `b` from `from` contain (or, `equal`, are) the needle.
    @inline(__always)
    static func test(_ needle: [UInt8], _ equal: Bool, _ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ length: Int) -> Bool {
        needle.withUnsafeBufferPointer { nd in
            if equal { return length == nd.count && (length == 0 || memcmp(b.baseAddress! + from, nd.baseAddress!, length) == 0) }
            return SearchText.Table.find(nd, in: b, from: from, length: length) != nil
        }
    }

    /// The value entry of column `k` (in naming space `n`) at slot `s` (the last: naming nothing).
    @inline(__always) private func entry(_ k: Int, _ n: Int, _ s: Int) -> Int {
        let v = s < of[k].count ? Int(of[k][s]) : -1
        return v >= 0 && v < hit[n].count - 1 ? v : hit[n].count - 1
    }

    /// Whether column `k`'s field of the row at slot `s` contains (or is) the needle. `scratch`
    /// is a buffer of the caller's thread. For live slots (a filter's and a search's rows); a
    /// free slot's answer means nothing.
    func field(_ k: Int, _ s: Int, _ scratch: inout [UInt8]) -> Bool {
        switch codes[k] {
        case .named:
            let n = arg[k]
            return hit[n][entry(k, n, s)]
        case .kind:
            return kindHit[s < slots.kind.count ? Int(slots.kind[s]) : 0]
        case .time where s < slots.timeKey.count && slots.timeKey[s] & 1 == 0:
            guard timeMaybe else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: PackedTime.maxBytes) { out in
                let count = PackedTime.key(slots.timeKey[s]).fill(out)
                out[10] = 0x74   // T and Z lower-cased, as the row's text has them
                out[19] = 0x7A
                return Self.test(needle, equal, UnsafeBufferPointer(out), 0, count)
            }
        case .number:
            let i = arg[k]
            guard s < numberScales[i].count, numberScales[i][s] != LedgerSlots.noNumber else { return needle.isEmpty }
            guard number.couldBeIn(units: numberUnits[i][s], scale: Int(numberScales[i][s]), minScale: minScales[k]) else { return false }
            if !equal, let found = needle.withUnsafeBufferPointer({
                number.inDecimals(units: numberUnits[i][s], scale: Int(numberScales[i][s]), minScale: minScales[k], $0)
            }) { return found }
            let value = ExactDecimal(units: numberUnits[i][s], scale: Int(numberScales[i][s]))
            let capacity = ExactDecimal.formattedCapacity(scale: max(value.scale, minScales[k]))
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
                let count = value.writeFormatted(minScale: minScales[k], into: out.baseAddress!)
                return Self.test(needle, equal, UnsafeBufferPointer(out), 0, count)
            }
        case .time, .record:
            scratch.removeAll(keepingCapacity: true)
            _ = recordText(k, s, &scratch)
            return scratch.withUnsafeBufferPointer { Self.test(needle, equal, $0, 0, $0.count) }
        }
    }

    /// Whether any column of the row at slot `s` contains the needle (`equal` false): the
    /// columns answered by a lookup first, then those written out.
    func row(_ s: Int, _ scratch: inout [UInt8]) -> Bool {
        guard s < quick.count else { return false }
        let q = quick[s]
        if q != 0 { return q == 1 }
        if !timeMaybe && !number.possible && !hasRecordColumns && s < slots.timeKey.count && slots.timeKey[s] & 1 == 0 { return false }
        for k in codes.indices where codes[k] != .named && codes[k] != .kind {
            if field(k, s, &scratch) { return true }
        }
        return false
    }

    /// For every slot, column `k`'s answer: 1 yes, 0 no, 2 not printable ASCII (`fieldPlain`
    /// false: the caller asks the record), in slot order on both cores.
    func fieldAnswers(_ k: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: slots.kind.count)
        out.withUnsafeMutableBufferPointer { o in
            ParallelSort.halves(o.count) { range, _ in
                var scratch: [UInt8] = []
                for s in range { o[s] = !fieldPlain(k, s) ? 2 : field(k, s, &scratch) ? 1 : 0 }
            }
        }
        return out
    }

    /// `row` for every slot, in slot order on both cores.
    func rowAnswers() -> [Bool] {
        var out = [Bool](repeating: false, count: quick.count)
        out.withUnsafeMutableBufferPointer { o in
            ParallelSort.halves(o.count) { range, _ in
                var scratch: [UInt8] = []
                for s in range { o[s] = row(s, &scratch) }
            }
        }
        return out
    }

    /// Whether column `k`'s field of the row at slot `s` is printable ASCII (then a byte match
    /// is exactly String.contains on it).
    func fieldPlain(_ k: Int, _ s: Int) -> Bool {
        switch codes[k] {
        case .named:
            if exact { return true }   // answered as Strings compare (see `exact`)
            let n = arg[k], e = entry(k, n, s)
            return e < text.named[n].plain.count ? text.named[n].plain[e] : text.named[n].nonePlain
        case .kind, .number:
            return true
        case .time where s < slots.timeKey.count && slots.timeKey[s] & 1 == 0:
            return true
        case .time, .record:
            var scratch: [UInt8] = []
            return recordText(k, s, &scratch)
        }
    }

    /// Whether every field of the row at slot `s` is printable ASCII.
    func rowPlain(_ s: Int) -> Bool {
        codes.indices.allSatisfy { fieldPlain($0, s) }
    }

    /// Column `k`'s text of the row at slot `s` from its record, lower-cased into `out`; whether
    /// it is printable ASCII.
    private func recordText(_ k: Int, _ s: Int, _ out: inout [UInt8]) -> Bool {
        guard s < ids.count, !ids[s].isEmpty, let r = view.record(.ledger, ids[s]) else { return true }
        return SearchText.appendLowered(PaneKind.ledger.columns[k].text(r, view), to: &out)
    }
}
