import CasebookModel
@testable import CasebookStore

/// Case files for the differential test: a document with every optional field and every kind
/// of awkward text, and rewritings of canonical files (pretty-printed, keys reversed).
enum CaseReaderEdgeFiles {
    static let t = "2026-01-02T03:04:05Z"
    static let escapes = "quote \" backslash \\ slash / \u{08}\u{0C}\n\r\t e\u{E9} 한 😀 bell \u{07} del \u{7F} c1 \u{9B} sep \u{2028}"

    static func meta(_ id: String, full: Bool) -> RecordMeta {
        guard full else { return RecordMeta(id: id, created: t) }
        return RecordMeta(id: id, created: t, modified: "2026-02-03T04:05:06Z", marking: "TLP:RED",
                          tags: ["빠른", "tag two", escapes],
                          notes: [Note(id: "n1", author: "박진혁 (analyst)", time: t, text: "Korean: 라자루스 그룹. " + escapes),
                                  Note(id: "n2", author: "Tester", time: t, text: "")],
                          sources: [Citation(source: "src-a", locator: "p. 12 ¶3"), Citation(source: "src-b")])
    }

    /// One record of each kind with every field set, one with none, and amounts at the edges.
    static func document() throws -> CaseDocument {
        var c = Case(info: CaseInfo(title: "Edge 박진혁 " + escapes, marking: "TLP:AMBER", summary: "s", created: t),
                     assets: [Asset(code: "ZZZ", precision: 30, name: "Test token"), Asset(code: "Q", precision: 0, name: "")])
        c.insert(.source(Source(meta: meta("src-a", full: true), title: "Full source " + escapes, publisher: "UN", date: "2019-03",
                                url: "https://example.org/a?b=c&d", reliability: .b, excerpt: escapes)))
        c.insert(.source(Source(meta: meta("src-b", full: false), title: "Bare source")))
        c.insert(.actor(Actor(meta: meta("act-a", full: true), name: "라자루스", kind: .group,
                              aliases: [Alias(name: "Hidden Cobra", source: "src-a"), Alias(name: "APT38")], country: "KP",
                              sanctions: [Sanction(programme: "DPRK3", authority: "OFAC", date: "2019-09-13", reference: "x"),
                                          Sanction(programme: "UN", authority: "UNSC")],
                              parent: "act-b", summary: escapes)))
        c.insert(.actor(Actor(meta: meta("act-b", full: false), name: "State", kind: .state)))
        c.insert(.incident(Incident(meta: meta("inc-a", full: true), title: "Full incident", kind: .exchangeHack, started: "2018",
                                    ended: "2018-06", victim: "act-b", country: "KR",
                                    losses: [Loss(asset: "BTC", amount: ExactDecimal("123456789012345678901234.5")!,
                                                  usd: ExactDecimal("0.000000000000000001")!),
                                             Loss(asset: "ZZZ", amount: ExactDecimal("1e-30")!)],
                                    status: .confirmed,
                                    attributions: [Attribution(actor: "act-a", confidence: 85, basis: "code reuse",
                                                               sources: [Citation(source: "src-a", locator: "fig. 2")])],
                                    summary: escapes)))
        c.insert(.incident(Incident(meta: meta("inc-b", full: false), title: "Bare incident", kind: .other)))
        c.insert(.wallet(Wallet(meta: meta("wal-a", full: true), chain: "BTC", address: "bc1q" + String(repeating: "x", count: 38),
                                label: "Label " + escapes,
                                attributions: [Attribution(actor: "act-a", confidence: 0, basis: "cluster", sources: [Citation(source: "src-b")]),
                                               Attribution(actor: "act-b", confidence: 100)])))
        c.insert(.wallet(Wallet(meta: meta("wal-b", full: false), chain: "ETH", address: "0xabc")))
        let amounts = ["0", "-0.00", "1", "0.000000000000000001", "123456789012345678901234.5", "99999999999999999999999999999999999999",
                       "0.00000000000000000000000000000000000001", "1.50", "2500", "-7.25"]
        for (k, amount) in amounts.enumerated() {
            c.insert(.transfer(Transfer(meta: meta("tx-\(k)", full: k % 2 == 0), time: t, from: "wal-a", to: k % 3 == 0 ? "act-b" : "wal-b",
                                        asset: k % 2 == 0 ? "BTC" : "ZZZ", amount: ExactDecimal(amount)!,
                                        usd: k % 2 == 0 ? ExactDecimal(amounts[(k + 3) % amounts.count]) : nil,
                                        rateSource: k % 4 == 0 ? "src-a" : nil, txHash: k % 3 == 1 ? "0x" + escapes : nil,
                                        incident: k % 2 == 1 ? "inc-a" : nil, kind: TransferKind.allCases[k % 8],
                                        basis: TransferBasis.allCases[k % 4])))
        }
        var doc = CaseDocument(content: c)
        let editor = Editor(author: "박진혁", time: t)
        for edit in [try editor.addNote("note " + escapes, to: ["tx-1", "wal-b"], in: doc.content),
                     try editor.tag("hot", ids: ["wal-a"], in: doc.content)] {
            try doc.content.apply(edit)
            try doc.history.append(HistoryEntry(seq: doc.history.lastSeq + 1, op: .edit, edit: edit, time: t, author: "박진혁"))
        }
        let last = doc.history.nextUndo!
        try doc.content.apply(last.edit.inverse)
        try doc.history.append(HistoryEntry(seq: doc.history.lastSeq + 1, op: .undo, edit: last.edit, target: last.seq, time: t, author: "Kim"))
        return doc
    }

    /// `text` re-written with two-space indentation and a space after colons (same JSON).
    static func prettyPrinted(_ text: String, reversedKeys: Bool = false) throws -> String {
        var out = ""
        write(try JSONParser.parse(text), indent: "", reversedKeys: reversedKeys, into: &out)
        return out + "\n"
    }

    private static func write(_ v: JSONValue, indent: String, reversedKeys: Bool, into out: inout String) {
        let inner = indent + "  "
        switch v {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, reversedKeys: reversedKeys, into: &out)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let o) where !o.pairs.isEmpty:
            out += "{\n"
            let pairs = reversedKeys ? o.pairs.reversed() : o.pairs
            for (k, pair) in pairs.enumerated() {
                out += inner
                JSONWriter.writeString(pair.key, into: &out)
                out += ": "
                write(pair.value, indent: inner, reversedKeys: reversedKeys, into: &out)
                out += k == pairs.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default: JSONWriter.write(v, into: &out)
        }
    }
}
