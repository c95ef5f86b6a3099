// Small cases built in code for the model tests, and helpers to read them back.

import Testing
@testable import CasebookModel

enum Fixture {
    static let created = "2026-01-01T00:00:00Z"
    static let editTime = "2026-11-22T06:15:27Z"
    static let author = "analyst"

    static var editor: Editor { Editor(author: author, time: editTime) }

    static func meta(_ id: String, tags: [String] = [], sources: [Citation] = []) -> RecordMeta {
        RecordMeta(id: id, created: created, tags: tags, sources: sources)
    }

    static func dec(_ text: String) -> ExactDecimal {
        guard let d = ExactDecimal(text) else { fatalError("fixture decimal \(text) does not parse") }
        return d
    }

    static func source(_ id: String, title: String = "Report") -> AnyRecord {
        .source(Source(meta: meta(id), title: title, publisher: "Publisher", date: "2019-06", reliability: .b))
    }

    static func actor(_ id: String, name: String, kind: ActorKind = .group) -> AnyRecord {
        .actor(Actor(meta: meta(id), name: name, kind: kind))
    }

    static func incident(_ id: String, title: String, victim: String? = nil, losses: [Loss] = [],
                         attributions: [Attribution] = []) -> AnyRecord {
        .incident(Incident(meta: meta(id), title: title, kind: .exchangeHack, started: "2018-06-19",
                           victim: victim, losses: losses, attributions: attributions))
    }

    static func wallet(_ id: String, address: String, label: String? = nil,
                       attributions: [Attribution] = []) -> AnyRecord {
        .wallet(Wallet(meta: meta(id), chain: "BTC", address: address, label: label, attributions: attributions))
    }

    static func transfer(_ id: String, from: String, to: String, amount: String = "1.5", asset: String = "BTC",
                         incident: String? = nil, tags: [String] = []) -> AnyRecord {
        .transfer(Transfer(meta: meta(id, tags: tags), time: "2018-06-19T14:03:00Z", from: from, to: to,
                           asset: asset, amount: dec(amount), incident: incident, kind: .hop, basis: .observed))
    }

    /// A clean case: a hack of Bithumb attributed to Lazarus, three wallets and three hops.
    static func bithumb() -> Case {
        var c = Case(info: CaseInfo(title: "Lazarus exchange hacks", marking: "TLP:AMBER", created: created))
        let records: [AnyRecord] = [
            source("src-report", title: "Mandiant report"),
            source("src-news", title: "News article"),
            actor("act-lazarus", name: "Lazarus Group"),
            actor("act-bithumb", name: "Bithumb", kind: .exchange),
            incident("inc-bithumb", title: "Bithumb hack (2018)", victim: "act-bithumb",
                     losses: [Loss(asset: "BTC", amount: dec("2000.5"), usd: dec("4100000"))],
                     attributions: [Attribution(actor: "act-lazarus", confidence: 60,
                                                sources: [Citation(source: "src-report")])]),
            wallet("w-hot", address: "1HotWallet", label: "Bithumb hot wallet"),
            wallet("w-a", address: "bc1qaaaa"),
            wallet("w-b", address: "bc1qbbbb", attributions: [Attribution(actor: "act-lazarus", confidence: 80)]),
            transfer("t-1", from: "w-hot", to: "w-a", amount: "100.5", incident: "inc-bithumb"),
            transfer("t-2", from: "w-a", to: "w-b", amount: "60", incident: "inc-bithumb"),
            transfer("t-3", from: "w-a", to: "w-b", amount: "40.5", incident: "inc-bithumb", tags: ["laundering"]),
        ]
        for r in records { c.insert(r) }
        return c
    }
}

extension Case {
    /// Applies `edit` to a copy and returns it.
    func applying(_ edit: Edit) throws(EditConflict) -> Case {
        var copy = self
        try copy.apply(edit)
        return copy
    }
}

/// The message of the `EditError` thrown by `body`, or nil if it did not throw one.
func editError(_ body: () throws(EditError) -> Edit) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.message
    }
}
