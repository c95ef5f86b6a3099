import CasebookModel
import CasebookStore
import Foundation

/// A small case with one of each kind, and a scratch folder per test.
enum Fixtures {
    static let time = "2026-01-02T03:04:05Z"
    static let editor = Editor(author: "Tester", time: time)

    static func meta(_ id: String) -> RecordMeta { RecordMeta(id: id, created: time) }

    static func sampleCase() -> Case {
        var c = Case(info: CaseInfo(title: "Sample 박진혁 case", marking: "TLP:AMBER", created: time))
        c.insert(.source(Source(meta: meta("src-un"), title: "UN Panel of Experts report", publisher: "UN", date: "2019-03", reliability: .b)))
        c.insert(.actor(Actor(meta: meta("act-lazarus"), name: "Lazarus Group", kind: .group, aliases: [Alias(name: "Hidden Cobra", source: "src-un")], country: "KP")))
        c.insert(.actor(Actor(meta: meta("act-park"), name: "Park Jin Hyok", kind: .person, aliases: [Alias(name: "박진혁")], country: "KP", parent: "act-lazarus")))
        c.insert(.actor(Actor(meta: meta("act-bithumb"), name: "Bithumb", kind: .exchange, country: "KR")))
        c.insert(.incident(Incident(meta: meta("inc-bithumb-2018"), title: "Bithumb hack (2018)", kind: .exchangeHack, started: "2018-06-19",
                                    victim: "act-bithumb", country: "KR",
                                    losses: [Loss(asset: "BTC", amount: ExactDecimal("1234.56789012")!, usd: ExactDecimal("31000000.00")!)],
                                    status: .attributed, attributions: [Attribution(actor: "act-lazarus", confidence: 80, sources: [Citation(source: "src-un")])])))
        c.insert(.wallet(Wallet(meta: meta("wal-hot"), chain: "BTC", address: "1DemoHotWallet0000000000000000000", label: "Bithumb hot wallet")))
        c.insert(.wallet(Wallet(meta: meta("wal-laz"), chain: "BTC", address: "bc1qdemo000000000000000000000000000000000",
                                attributions: [Attribution(actor: "act-lazarus", confidence: 60)])))
        c.insert(.transfer(Transfer(meta: meta("tx-1"), time: "2018-06-19T10:00:00Z", from: "wal-hot", to: "wal-laz", asset: "BTC",
                                    amount: ExactDecimal("1234.56789012")!, usd: ExactDecimal("31000000.00"), txHash: "de0de0",
                                    incident: "inc-bithumb-2018", kind: .theft, basis: .illustrative)))
        c.insert(.transfer(Transfer(meta: meta("tx-2"), time: "2018-06-20T10:00:00Z", from: "wal-laz", to: "act-park", asset: "KRW",
                                    amount: ExactDecimal("4500000000")!, incident: "inc-bithumb-2018", kind: .cashOut, basis: .illustrative)))
        return c
    }
}

/// A fresh temporary folder, removed when the value goes away.
final class Scratch {
    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "casebook-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    /// A sample case written to `name`; returns its path.
    func sampleCase(_ name: String = "sample.case.json") throws -> String {
        let p = path(name)
        try CaseStore.create(at: p, document: CaseDocument(content: Fixtures.sampleCase()))
        return p
    }

    func read(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }

    func bytes(_ p: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: p))) ?? Data() }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}
