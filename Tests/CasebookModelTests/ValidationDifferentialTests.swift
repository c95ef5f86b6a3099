// validate() checks records straight from their tables, two halves at a time, and sorts only the
// records with problems into file order. This compares it with the plain walk it replaced (every
// record in file order, a table of ids seen so far) on damaged cases, small and large enough to
// be split, with ids shared across kinds, dangling references and blank required fields.

import Testing
@testable import CasebookModel

@Suite("validate() against the record-by-record walk")
struct ValidationDifferentialTests {
    /// What validate() returned before it was made fast.
    static func reference(_ c: Case) -> [Problem] {
        var problems: [Problem] = []
        var seen: [String: RecordKind] = [:]
        let assets = c.assetTable
        for record in c.allRecords {
            if let other = seen[record.id] {
                problems.append(Problem(recordID: record.id, field: "id",
                                        message: "is used by a \(other.rawValue) and a \(record.kind.rawValue)"))
            }
            seen[record.id] = record.kind
            problems += c.problems(in: record, assets: assets)
        }
        return problems
    }

    /// A synthetic case with `n` transfers damaged by a seeded generator.
    static func damaged(transfers n: Int, seed: UInt64) -> Case {
        var c = SyntheticCase.make(transfers: n, seed: seed)
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let transferIDs = c.transfers.keys.sorted(), walletIDs = c.wallets.keys.sorted()
        let actorIDs = c.actors.keys.sorted(), incidentIDs = c.incidents.keys.sorted()
        for _ in 0..<(5 + n / 500) {
            let t = transferIDs[next(transferIDs.count)]
            switch next(9) {
            case 0: c.transfers[t]!.from = "nowhere-\(next(10))"
            case 1: c.transfers[t]!.incident = walletIDs[next(walletIDs.count)]
            case 2: c.transfers[t]!.time = "yesterday"
            case 3:   // a wallet with a transfer's id: clash reported on the transfer
                var w = c.wallets[walletIDs[next(walletIDs.count)]]!
                w.meta.id = t
                c.wallets[t] = w
            case 4:   // an actor with a wallet's id, and a blank address
                let w = walletIDs[next(walletIDs.count)]
                var a = c.actors[actorIDs[next(actorIDs.count)]]!
                a.meta.id = w
                c.actors[w] = a
                c.wallets[w]!.address = next(2) == 0 ? " \t" : "\u{3000}"
            case 5:   // an incident id reused by a source, an actor and a transfer
                let i = incidentIDs[next(incidentIDs.count)]
                var tr = c.transfers[t]!
                tr.meta.id = i
                c.transfers[i] = tr
                var a = c.actors[actorIDs[next(actorIDs.count)]]!
                a.meta.id = i
                c.actors[i] = a
            case 6: c.wallets[walletIDs[next(walletIDs.count)]]!.chain = ""
            case 7:   // an incident that is not there, named by a few transfers (the checker remembers sound ones)
                c.transfers[t]!.incident = "inc-gone-\(next(2))"
            default: c.transfers[t]!.to = incidentIDs[next(incidentIDs.count)]
            }
        }
        return c
    }

    @Test("same problems in the same order, small cases", arguments: Array(UInt64(1)...UInt64(12)))
    func small(seed: UInt64) {
        let c = Self.damaged(transfers: 40 + Int(seed) * 7, seed: seed)
        let found = c.validate()
        #expect(!found.isEmpty)
        #expect(found == Self.reference(c))
    }

    @Test("same problems in the same order when the tables are split between threads")
    func large() {
        let c = Self.damaged(transfers: 60_000, seed: 7)
        #expect(c.wallets.count >= 20_000)
        let found = c.validate()
        #expect(found.count > 50)
        #expect(found == Self.reference(c))
    }

    /// With no id shared across kinds, a big case's references are first looked for by their
    /// ids' bytes (RawIDSet): a hit settles one, anything else is looked up as before. Here the
    /// references that bytes cannot settle: dangling ones, ones to the wrong kind, long ids (kept
    /// apart from the String that names them), and a Kelvin sign that equals a K.
    @Test("same problems in the same order when references are found by their ids' bytes")
    func largeWithoutClashes() {
        var c = SyntheticCase.make(transfers: 40_000, seed: 11)
        let transferIDs = c.transfers.keys.sorted(), walletIDs = c.wallets.keys.sorted()
        let incidentIDs = c.incidents.keys.sorted(), actorIDs = c.actors.keys.sorted()
        // Two wallets renamed: one to a long id, one to an ASCII id a Kelvin sign can spell.
        for (k, newID) in [(0, "wal-with-a-long-identifier-0001"), (1, "K-wallet-1"), (2, "wal-with-a-long-identifier-0002")] {
            var w = c.wallets[walletIDs[k]]!
            c.wallets[walletIDs[k]] = nil
            w.meta.id = newID
            c.wallets[newID] = w
        }
        for (k, t) in transferIDs.enumerated() where k % 97 == 0 {
            switch (k / 97) % 6 {
            case 0: c.transfers[t]!.from = "nowhere-\(k)"
            case 1: c.transfers[t]!.to = incidentIDs[k % incidentIDs.count]      // not a wallet or actor
            case 2: c.transfers[t]!.incident = actorIDs[k % actorIDs.count]      // not an incident
            case 3:   // found, by String: the same text in storage of its own, made at run time
                c.transfers[t]!.from = String(decoding: Array("wal-with-a-long-identifier-000\(k % 2 + 1)".utf8), as: UTF8.self)
            case 4: c.transfers[t]!.to = "\u{212A}-wallet-1"                      // found: it equals "K-wallet-1"
            default: c.transfers[t]!.incident = "inc-gone"
            }
        }
        #expect(c.validate() == Self.reference(c))
        #expect(c.validate().count > 100)
        #expect(!c.validate().contains { $0.message.contains("wal-with-a-long") || $0.message.contains("wallet-1") })
    }

    @Test("a clean synthetic case has no problems")
    func clean() {
        #expect(SyntheticCase.make(transfers: 30_000, seed: 3).validate() == [])
    }
}
