import CasebookModel

// Wallets and transfers written field by field, in RecordCoding.encode's order and with its
// omissions (unset optionals and empty lists are left out). The differential and golden tests
// hold the two to the same bytes.

enum CaseWriterRecords {
    static func transfer(_ out: inout CaseWriterBytes, _ t: borrowing Transfer) {
        out.raw("{\"id\":")
        out.text(t.id)
        out.field("time", t.packedTime)
        out.field("from", t.from)
        out.field("to", t.to)
        out.field("asset", t.asset)
        out.decimal("amount", t.amount)
        if let usd = t.usd { out.decimal("usd", usd) }
        out.field("rateSource", t.rateSource)
        out.field("txHash", t.packedHash)
        out.field("incident", t.incident)
        out.field("kind", t.kind.rawValue)
        out.field("basis", t.basis.rawValue)
        meta(&out, t.meta)
    }

    static func wallet(_ out: inout CaseWriterBytes, _ w: borrowing Wallet) {
        out.raw("{\"id\":")
        out.text(w.id)
        out.field("chain", w.chain)
        out.field("address", w.address)
        out.field("label", w.label)
        out.list("attributions", w.attributions) { out, a in
            out.raw("{\"actor\":")
            out.text(a.actor)
            if a.isConfidenceKnown {   // unknown is written as no confidence at all
                out.key("confidence")
                out.append(contentsOf: String(a.confidence).utf8)
            }
            out.field("basis", a.basis)
            citations(&out, a.sources)
            out.byte(UInt8(ascii: "}"))
        }
        meta(&out, w.meta)
    }

    /// marking, tags, sources, notes, created, modified; then the record's closing brace.
    static func meta(_ out: inout CaseWriterBytes, _ m: borrowing RecordMeta) {
        if m.isUnannotated {
            out.field("created", m.created)
            out.field("modified", m.modified)
            out.byte(UInt8(ascii: "}"))
            return
        }
        out.field("marking", m.marking)
        out.list("tags", m.tags) { out, tag in out.text(tag) }
        citations(&out, m.sources)
        out.list("notes", m.notes) { out, n in
            out.raw("{\"id\":")
            out.text(n.id)
            out.field("author", n.author)
            out.field("time", n.time)
            out.field("text", n.text)
            out.byte(UInt8(ascii: "}"))
        }
        out.field("created", m.created)
        out.field("modified", m.modified)
        out.byte(UInt8(ascii: "}"))
    }

    static func citations(_ out: inout CaseWriterBytes, _ sources: [Citation]) {
        out.list("sources", sources) { out, c in
            out.raw("{\"source\":")
            out.text(c.source)
            out.field("locator", c.locator)
            out.byte(UInt8(ascii: "}"))
        }
    }
}
