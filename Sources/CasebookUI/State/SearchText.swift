import CasebookModel
import Foundation
import Synchronization

// Incremental search must answer within a keystroke on a million rows. Each pane's rows are made
// into lower-cased text once (on the first search, or by the loader after the case is shown,
// split over the cores) and kept in one byte buffer: row text is its columns joined by U+0001,
// found by slot (PaneIndex) through `start` and `length`. A keystroke is a byte scan over the rows
// in screen order, on both cores. An edit appends the changed rows' new text at the end of the
// buffer and points their slots there; the old bytes are garbage until the next rebuild.
// Filters reuse the text: a row that is all ASCII matches byte for byte exactly as its Strings
// would, so `ascii` (printable ASCII only) says when the fast path is the same as String.contains.
// The ledger's text holds no bytes per row (LedgerText, LedgerMatch): both forms are asked
// through TextMatcher.

public final class SearchText: Sendable {
    struct Table: Sendable {
        var bytes: [UInt8] = []
        var start: [Int] = []
        var length: [Int32] = []
        var ascii: [Bool] = []
    }

    /// A pane's text: each row's bytes, or the ledger's per-value texts.
    enum PaneText: Sendable {
        case rows(Table)
        case ledger(LedgerText)
    }

    private let cache: Mutex<[PaneKind: PaneText]>
    /// Panes whose table a search asked another thread to make (once each).
    private let requested = Mutex<Set<PaneKind>>([])

    public init() { cache = Mutex([:]) }

    private init(tables: [PaneKind: PaneText]) { cache = Mutex(tables) }

    /// The pane's table, built on first use. The lock is held while building, so a search that
    /// arrives during the loader's warm-up waits for it instead of building a second copy.
    func table(for pane: PaneKind, in view: CaseView) -> PaneText {
        cache.withLock { tables in
            if let done = tables[pane] { return done }
            let table = Self.build(pane, view)
            tables[pane] = table
            return table
        }
    }

    /// Whether the pane's table has been built (for tests).
    func isBuilt(_ pane: PaneKind) -> Bool { cache.withLock { $0[pane] != nil } }

    /// The pane's table if it is made; a small pane's is made now. A big pane's (20,000 rows or
    /// more, seconds at a million) is made on another thread, unless the loader's warm-up is
    /// already making it, and this returns nil meanwhile, so the screen says so instead of freezing.
    func tableIfAvailable(for pane: PaneKind, in view: CaseView) -> PaneText? {
        if view.rowCount(pane) < ParallelSort.threshold { return table(for: pane, in: view) }
        let made: PaneText?? = cache.withLockIfAvailable { $0[pane] }
        if let table = made ?? nil { return table }
        let first = requested.withLock { $0.insert(pane).inserted }
        if first { DispatchQueue.global().async { _ = self.table(for: pane, in: view) } }
        return nil
    }

    /// Builds every pane's table now, and the ledger's per-value texts that its sort and
    /// frequency view share (ColumnCache.warmLedgerTexts): the loader calls this after the case
    /// is shown, so the work is done in the background rather than on a keystroke.
    public func warm(_ view: CaseView) {
        // The column texts first: the ledger's text lower-cases them rather than naming every
        // wallet again (at a million transfers, 70 MB of Strings made and let go, which the
        // allocator kept).
        view.columnCache.warmLedgerTexts(view)
        for pane in PaneKind.allCases { _ = table(for: pane, in: view) }
    }

    /// A new cache holding this one's tables with the rows at `slots` made again from `view`
    /// (after an edit); panes not built yet stay unbuilt. This one is left empty.
    func patched(_ slots: [PaneKind: [Int32]], _ view: CaseView) -> SearchText {
        var tables = cache.withLock { t in let all = t; t = [:]; return all }
        for (pane, changed) in slots where !changed.isEmpty {
            guard case .rows(var table) = tables[pane] else {
                if case .ledger(var text) = tables[pane] {
                    tables[pane] = nil   // so the patch is in place
                    text.patch(changed, view)
                    tables[pane] = .ledger(text)
                }
                continue
            }
            tables[pane] = nil   // so the appends below change the bytes in place, not a copy
            // Past half garbage, building afresh is cheaper than carrying it.
            if table.bytes.count > 2 * max(1, Int(table.length.reduce(0) { $0 + Int($1) })) {
                tables[pane] = nil
                continue
            }
            let index = view.indexes[pane]!
            let columns = pane.columns
            for slot in changed {
                let s = Int(slot)
                while table.start.count <= s { table.start.append(0); table.length.append(0); table.ascii.append(true) }
                let before = table.bytes.count
                var ascii = true
                let id = index.ids[s]
                if !id.isEmpty, let r = view.record(pane, id) { ascii = Self.append(r, columns, view, to: &table.bytes) }
                table.start[s] = before
                table.length[s] = Int32(table.bytes.count - before)
                table.ascii[s] = ascii
            }
            tables[pane] = .rows(table)
        }
        return SearchText(tables: tables)
    }

    /// Lower-cased text of the columns that name another record (Column.reference), per record
    /// named and column, with whether it is printable ASCII: each name is made once per build.
    struct Names {
        var byColumn: [Int: [String: (bytes: [UInt8], plain: Bool)]] = [:]
    }

    /// Appends a row's lower-cased text; returns whether it is all ASCII.
    static func append(_ r: AnyRecord, _ columns: [Column], _ view: CaseView, to bytes: inout [UInt8]) -> Bool {
        var names = Names()
        return append(r, columns, view, to: &bytes, names: &names)
    }

    static func append(_ r: AnyRecord, _ columns: [Column], _ view: CaseView, to bytes: inout [UInt8], names: inout Names) -> Bool {
        var ascii = true
        for (k, c) in columns.enumerated() {
            if k > 0 { bytes.append(1) }
            if let minScale = c.numberText, let number = c.number {
                number(r, view)?.appendFormatted(minScale: minScale, to: &bytes)   // digits, commas, point: printable ASCII
                continue
            }
            guard let reference = c.reference, let ref = reference(r) else {
                if !appendLowered(c.text(r, view), to: &bytes) { ascii = false }
                continue
            }
            if let known = names.byColumn[k]?[ref] {
                bytes.append(contentsOf: known.bytes)
                if !known.plain { ascii = false }
                continue
            }
            let before = bytes.count
            let plain = appendLowered(c.text(r, view), to: &bytes)
            names.byColumn[k, default: [:]][ref] = (Array(bytes[before...]), plain)
            if !plain { ascii = false }
        }
        return ascii
    }

    /// Appends `text` lower-cased; returns whether it is printable ASCII (then bytes compare and
    /// match exactly as the Strings do).
    static func appendLowered(_ text: String, to bytes: inout [UInt8]) -> Bool {
        var text = text
        let plain: Bool = text.withUTF8 { b in
            guard !b.contains(where: { $0 >= 0x7F || $0 < 0x20 }) else { return false }
            for byte in b { bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
            return true
        }
        if !plain { bytes.append(contentsOf: text.lowercased().utf8) }
        return plain
    }

    static func build(_ pane: PaneKind, _ view: CaseView) -> PaneText {
        if pane == .ledger, let text = LedgerText.build(view) { return .ledger(text) }
        return .rows(buildRows(pane, view))
    }

    /// Column `k`'s text of every row as a table and the field to read in it, for sort ranks
    /// of a text column: the pane's row table when it has one; for the ledger (which keeps no
    /// text per row) that column's text alone, made now and not kept. The ledger ranks every
    /// column from LedgerSlots but a Time column with a time not in the canonical form.
    func column(_ k: Int, for pane: PaneKind, in view: CaseView) -> (table: Table, field: Int) {
        if case .rows(let t) = table(for: pane, in: view) { return (t, k) }
        return (Self.buildRows(pane, view, columns: [pane.columns[k]]), 0)
    }

    /// Every row's text the general way: each record's columns, names cached per thread.
    static func buildRows(_ pane: PaneKind, _ view: CaseView, columns: [Column]? = nil) -> Table {
        let index = view.indexes[pane]!
        let ids = index.ids
        let columns = columns ?? pane.columns
        let pieces = Mutex<[Int: Table]>([:])
        ParallelSort.halves(ids.count) { range, part in
            var t = Table()
            var names = Names()
            t.bytes.reserveCapacity(min(range.count, sampleRows) * 160)
            t.start.reserveCapacity(range.count)
            t.length.reserveCapacity(range.count)
            t.ascii.reserveCapacity(range.count)
            for s in range {
                if s == range.lowerBound + sampleRows { t.reserveAhead(rows: range.count, then: part == 0 ? ids.count - range.count : 0) }
                let before = t.bytes.count
                var ascii = true
                if !ids[s].isEmpty, let r = view.record(pane, ids[s]) { ascii = append(r, columns, view, to: &t.bytes, names: &names) }
                t.start.append(before)
                t.length.append(Int32(t.bytes.count - before))
                t.ascii.append(ascii)
            }
            pieces.withLock { $0[part] = t }
        }
        return joined(pieces)
    }

    /// Rows made before the bytes' room is sized by them (`reserveAhead`).
    static let sampleRows = 1024

    /// The two halves' tables as one, the second's rows after the first's (into room the first
    /// reserved for them, so the bytes are not copied to a bigger buffer on the way).
    static func joined(_ pieces: borrowing Mutex<[Int: Table]>) -> Table {
        // Taken out of the lock and the dictionary first: a table still held there would be
        // copied whole by the first append (copy on write).
        var p = pieces.withLock { p in
            let taken = p
            p = [:]
            return taken
        }
        var all = p.removeValue(forKey: 0) ?? Table()
        if let second = p.removeValue(forKey: 1) {
            let offset = all.bytes.count
            all.bytes.append(contentsOf: second.bytes)
            all.start.append(contentsOf: second.start.map { $0 + offset })
            all.length.append(contentsOf: second.length)
            all.ascii.append(contentsOf: second.ascii)
        }
        return all
    }
}

extension SearchText.Table {
    /// Whether the row at `slot` contains `needle` (already lower-cased UTF-8).
    func contains(_ slot: Int32, _ needle: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(slot)
        guard s < start.count else { return false }
        return Self.find(needle, in: b, from: start[s], length: Int(length[s])) != nil
    }

    /// Where `needle` starts within `length` bytes of `b` from `from`, or nil.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>, from: Int, length: Int) -> Int? {
        let n = needle.count
        guard n > 0 else { return from }
        guard length >= n, let base = b.baseAddress, let nb = needle.baseAddress else { return nil }
        let first = Int32(nb[0])
        var i = from
        let last = from + length - n
        while i <= last {
            guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if n == 1 || memcmp(base + i + 1, nb + 1, n - 1) == 0 { return i }
            i += 1
        }
        return nil
    }
}

extension SearchText.Table {
    /// Sizes the bytes' room from the rows made so far: for `rows` in all at their bytes per row
    /// (plus an eighth), then `then` more rows (the second half's, joined on later). A million
    /// ledger rows' text (made only for a rank's fallback now, LedgerText) is about 190 MB;
    /// growing to it by doubling would copy it several times, each time holding the old and the
    /// new buffer at once, and the join would copy it again. Room reserved but never written is
    /// never resident.
    mutating func reserveAhead(rows: Int, then more: Int) {
        guard !start.isEmpty else { return }
        let perRow = bytes.count / start.count + 1
        bytes.reserveCapacity((rows + more) * (perRow + perRow / 8) + 4096)
        if more > 0 {
            start.reserveCapacity(rows + more)
            length.reserveCapacity(rows + more)
            ascii.reserveCapacity(rows + more)
        }
    }
}
