import CasebookModel
import CasebookReport

// The funds ledger as CSV, in the columns `casebook import` reads back to the same transfers:
//   id,time,from,from_chain,from_address,to,to_chain,to_address,asset,amount,usd,rate_source,
//   tx_hash,incident,kind,basis,tags
// `from`/`to` are record ids; the chain and address columns let a case that lacks the wallets make
// them. Amounts are exact decimal text. A field a spreadsheet would run as a formula (starting with
// = + - @) is guarded with a leading apostrophe, which the import removes again.

public enum LedgerExporter {
    public static let header = ["id", "time", "from", "from_chain", "from_address", "to", "to_chain", "to_address",
                                "asset", "amount", "usd", "rate_source", "tx_hash", "incident", "kind", "basis", "tags"]

    /// The CSV text, transfers in time order (then id); `withheld` counts those left out by marking.
    public static func csv(_ c: Case, maxMarking: TLP? = nil) -> (text: String, withheld: Int) {
        var out = header.joined(separator: ",") + "\r\n"
        // Withheld wallets and incidents must not show through a transfer's columns either.
        let (c, withheld) = CaseExport.filtered(c, maxMarking: maxMarking)
        // Places sorted, not records: sorting a million records moved each (and retained its
        // Strings) many times over.
        let table = c.transfers.values
        let order = table.withUnsafeBufferPointer { all in
            Array(all.indices).sorted { all[$0].precedes(all[$1]) }
        }
        for place in order {
            let t = table[place]
            let from = c.wallets[t.from], to = c.wallets[t.to]
            let fields: [String] = [
                t.id, t.time, t.from, from?.chain ?? "", from?.address ?? "", t.to, to?.chain ?? "", to?.address ?? "",
                t.asset, t.amount.description, t.usd?.description ?? "", t.rateSource ?? "", t.txHash ?? "",
                t.incident ?? "", t.kind.rawValue, t.basis.rawValue, t.meta.tags.joined(separator: " "),
            ]
            out += fields.map(field).joined(separator: ",") + "\r\n"
        }
        return (out, withheld)
    }

    /// One field, quoted when it holds a delimiter, quote or line break, and guarded against formulas.
    static func field(_ raw: String) -> String {
        // Most fields (ids, times, addresses, amounts) are printable ASCII with nothing to quote
        // or guard: they are checked byte by byte and kept as they are.
        var plain = raw
        let asIs = plain.withUTF8 { b in
            guard let first = b.first, first != 0x3D, first != 0x2B, first != 0x2D, first != 0x40 else { return b.isEmpty }
            return !b.contains { $0 < 0x20 || $0 > 0x7E || $0 == 0x2C || $0 == 0x22 }
        }
        if asIs { return raw }
        // Control characters never reach a terminal or a spreadsheet raw.
        var s = VisibleText.line(raw)
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Undoes `field`'s formula guard.
    static func unguarded(_ s: String) -> String {
        guard s.hasPrefix("'"), let second = s.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) else { return s }
        return String(s.dropFirst())
    }
}
