// Random small cases and random edits for the property tests. Every choice is read from a tape of
// generated integers, so one input always gives the same case and the same edits.

@testable import CasebookModel

/// Generated integers read as choices; wraps around (with a twist) when it runs out.
struct Tape {
    let values: [Int]
    var position = 0

    init(_ values: [Int]) { self.values = values.isEmpty ? [0] : values }

    /// A choice in 0..<n.
    mutating func next(_ n: Int) -> Int {
        precondition(n > 0)
        defer { position += 1 }
        let lap = position / values.count
        return (values[position % values.count] &+ lap &* 7_919) % n
    }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    /// A decimal with up to `maxScale` digits after the point, as text.
    mutating func amount(maxScale: Int) -> String {
        ExactDecimal(units: Int128(next(10_000_000) + 1), scale: next(maxScale + 1)).description
    }
}

enum RandomCase {
    static let tags = ["laundering", "peel", "cash-out", "watch"]
    static let dates = ["2017", "2018-06", "2019-02-14", "2018-06-19T14:03:00Z"]

    /// A small consistent case: sources, actors, incidents, wallets and transfers that refer only to each other.
    static func make(_ t: inout Tape) -> Case {
        var c = Case(info: CaseInfo(title: "Case \(t.next(1000))", marking: t.chance(50) ? "TLP:AMBER" : nil,
                                    created: Fixture.created))
        let nSources = 1 + t.next(3), nActors = 1 + t.next(3), nIncidents = t.next(3)
        let nWallets = 1 + t.next(4), nTransfers = t.next(6)
        func meta(_ id: String, _ t: inout Tape) -> RecordMeta {
            RecordMeta(id: id, created: Fixture.created, tags: t.chance(30) ? [t.pick(tags)] : [],
                       sources: t.chance(30) ? [Citation(source: "s-\(t.next(nSources))")] : [])
        }
        func attribution(_ t: inout Tape) -> Attribution {
            Attribution(actor: "a-\(t.next(nActors))", confidence: t.next(101),
                        sources: t.chance(50) ? [Citation(source: "s-\(t.next(nSources))", locator: "p. 1")] : [])
        }
        for i in 0..<nSources {
            c.insert(.source(Source(meta: meta("s-\(i)", &t), title: "Source \(i)", date: t.pick(dates),
                                    reliability: t.chance(70) ? t.pick(Reliability.allCases) : nil)))
        }
        for i in 0..<nActors {
            c.insert(.actor(Actor(meta: meta("a-\(i)", &t), name: "Actor \(i)", kind: t.pick(ActorKind.allCases),
                                  parent: i > 0 && t.chance(40) ? "a-\(t.next(i))" : nil)))
        }
        for i in 0..<nIncidents {
            let losses = t.chance(60) ? [Loss(asset: "BTC", amount: Fixture.dec(t.amount(maxScale: 8)),
                                              usd: t.chance(50) ? Fixture.dec(t.amount(maxScale: 2)) : nil)] : []
            c.insert(.incident(Incident(meta: meta("i-\(i)", &t), title: "Incident \(i)", kind: t.pick(IncidentKind.allCases),
                                        started: t.pick(dates), victim: t.chance(50) ? "a-\(t.next(nActors))" : nil,
                                        losses: losses, status: t.pick(IncidentStatus.allCases),
                                        attributions: t.chance(50) ? [attribution(&t)] : [])))
        }
        for i in 0..<nWallets {
            c.insert(.wallet(Wallet(meta: meta("w-\(i)", &t), chain: "BTC", address: "bc1q\(i)x\(t.next(100_000))",
                                    label: t.chance(30) ? "Wallet \(i)" : nil,
                                    attributions: t.chance(50) ? [attribution(&t)] : [])))
        }
        func endpoint(_ t: inout Tape) -> String { t.chance(80) ? "w-\(t.next(nWallets))" : "a-\(t.next(nActors))" }
        for i in 0..<nTransfers {
            c.insert(.transfer(Transfer(meta: meta("t-\(i)", &t), time: "2018-06-19T14:0\(i):00Z", from: endpoint(&t),
                                        to: endpoint(&t), asset: "BTC", amount: Fixture.dec(t.amount(maxScale: 8)),
                                        incident: nIncidents > 0 && t.chance(50) ? "i-\(t.next(nIncidents))" : nil,
                                        kind: t.pick(TransferKind.allCases), basis: t.pick(TransferBasis.allCases))))
        }
        return c
    }

    /// An editor whose time differs per step, so each step's stamp is its own.
    static func editor(step: Int, _ t: inout Tape) -> Editor {
        let second = step % 60 < 10 ? "0\(step % 60)" : "\(step % 60)"
        return Editor(author: t.pick(["ana", "bo"]), time: "2026-11-22T06:\(10 + step / 60 % 50):\(second)Z")
    }

    /// A random edit of `c` made through `Editor`; nil when the editor refuses it (a fair outcome too).
    static func edit(step: Int, of c: Case, allowDelete: Bool = true, _ t: inout Tape) -> Edit? {
        let e = editor(step: step, &t)
        let ids = c.allRecords.map(\.id)
        let actors = c.actors.keys.sorted(), sources = c.sources.keys.sorted()
        let attributable = (c.incidents.keys.sorted() + c.wallets.keys.sorted())
        func some(_ from: [String], _ t: inout Tape) -> [String] {
            from.isEmpty ? [] : (0...t.next(3)).map { _ in t.pick(from) }
        }
        func any(_ from: [String], _ t: inout Tape) -> String { from.isEmpty ? "none" : t.pick(from) }
        do {
            switch t.next(allowDelete ? 11 : 10) {
            case 0: return try e.addNote("note \(step)", to: some(ids, &t), in: c)
            case 1: return try e.tag(t.pick(tags), ids: some(ids, &t), in: c)
            case 2: return try e.untag(t.pick(tags), ids: some(ids, &t), in: c)
            case 3: return try e.cite(any(sources, &t), locator: t.chance(50) ? "p. \(t.next(40))" : nil, ids: some(ids, &t), in: c)
            case 4:
                return try e.attribute(ids: some(attributable, &t), to: any(actors, &t), confidence: t.next(101),
                                       basis: t.chance(50) ? "basis \(step)" : nil,
                                       sources: t.chance(50) ? [any(sources, &t)] : [], in: c)
            case 5, 6:
                let id = any(ids, &t)
                guard let kind = c.record(id: id)?.kind else { return nil }
                let (field, value) = fieldAndValue(kind, actors: actors, sources: sources, c: c, &t)
                return try e.set(field: field, value: value, id: id, in: c)
            case 7: return try e.add(newRecord(step, actors: actors, c: c, &t), in: c)
            case 8: return try e.removeAttribution(ids: some(attributable, &t), actor: any(actors, &t), in: c)
            case 9:
                let info = ["title", "marking", "summary"]
                return try e.set(field: t.pick(info), value: t.chance(80) ? "Value \(step)" : "", id: "case", in: c)
            default:
                let noted = c.allRecords.filter { !$0.meta.notes.isEmpty }
                if !noted.isEmpty && t.chance(50) {
                    let r = t.pick(noted)
                    return try e.deleteNote(t.pick(r.meta.notes).id, from: r.id, in: c)
                }
                return try e.delete(ids: Array(Set(some(ids, &t))).sorted(), in: c)
            }
        } catch {
            return nil
        }
    }

    static func fieldAndValue(_ kind: RecordKind, actors: [String], sources: [String], c: Case,
                              _ t: inout Tape) -> (String, String) {
        if t.chance(10) { return ("marking", t.pick(["TLP:RED", "TLP:GREEN", ""])) }
        let actor = actors.isEmpty ? "" : t.pick(actors)
        switch kind {
        case .source:
            switch t.next(5) {
            case 0: return ("title", "Title \(t.next(99))")
            case 1: return ("publisher", t.pick(["FBI", ""]))
            case 2: return ("date", t.pick(dates))
            case 3: return ("reliability", t.pick(["A", "C", "F", ""]))
            default: return ("url", "https://example.org/\(t.next(9))")
            }
        case .incident:
            switch t.next(9) {
            case 0: return ("title", "Hack \(t.next(99))")
            case 1: return ("kind", t.pick(IncidentKind.allCases).rawValue)
            case 2: return ("status", t.pick(IncidentStatus.allCases).rawValue)
            case 3: return ("started", t.pick(dates))
            case 4: return ("ended", t.pick(dates + [""]))
            case 5: return ("victim", t.pick([actor, ""]))
            case 6:
                let amount = t.amount(maxScale: 8)
                return ("loss.BTC", t.chance(50) ? "\(amount) usd \(t.amount(maxScale: 2))" : amount)
            case 7: return ("loss.ETH", t.amount(maxScale: 18))
            default: return ("summary", "Summary \(t.next(9))")
            }
        case .actor:
            switch t.next(5) {
            case 0: return ("name", "Actor \(t.next(99))")
            case 1: return ("kind", t.pick(ActorKind.allCases).rawValue)
            case 2: return ("country", t.pick(["KP", ""]))
            case 3: return ("parent", t.pick([actor, ""]))
            default: return ("aliases", t.pick(["Hidden Cobra, APT38", "Andariel", ""]))
            }
        case .wallet:
            switch t.next(3) {
            case 0: return ("label", t.pick(["Hot wallet", ""]))
            case 1: return ("chain", t.pick(["BTC", "ETH"]))
            default: return ("address", "bc1q\(t.next(100_000))")
            }
        case .transfer:
            let endpoints = c.wallets.keys.sorted() + actors
            switch t.next(9) {
            case 0: return ("amount", t.amount(maxScale: 8))
            case 1: return ("usd", t.chance(70) ? t.amount(maxScale: 2) : "")
            case 2: return ("kind", t.pick(TransferKind.allCases).rawValue)
            case 3: return ("basis", t.pick(TransferBasis.allCases).rawValue)
            case 4: return ("from", endpoints.isEmpty ? "" : t.pick(endpoints))
            case 5: return ("to", endpoints.isEmpty ? "" : t.pick(endpoints))
            case 6: return ("time", t.pick(dates))
            case 7: return ("txHash", "0x\(t.next(1_000_000))")
            default: return ("incident", t.pick(c.incidents.keys.sorted() + [""]))
            }
        }
    }

    static func newRecord(_ step: Int, actors: [String], c: Case, _ t: inout Tape) -> AnyRecord {
        let meta = RecordMeta(id: "new-\(step)", created: Fixture.created)
        switch t.next(3) {
        case 0: return .source(Source(meta: meta, title: "New source \(step)"))
        case 1: return .actor(Actor(meta: meta, name: "New actor \(step)", kind: .person,
                                    parent: actors.isEmpty ? nil : t.pick(actors)))
        default:
            return .wallet(Wallet(meta: meta, chain: "BTC", address: "bc1qnew\(step)",
                                  attributions: actors.isEmpty ? [] : [Attribution(actor: t.pick(actors), confidence: t.next(101))]))
        }
    }
}
