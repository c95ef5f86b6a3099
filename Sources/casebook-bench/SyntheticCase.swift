import CasebookModel

/// A deterministic synthetic case for timing: a few incidents and actors, `wallets` wallets and
/// `transfers` transfers in hop chains with exact 18-decimal ETH amounts and tx hashes, so the
/// figures depend on size, not on luck. (The full generator with Korean names and realistic
/// laundering paths is `casebook generate`, planned with the speed work.)
enum SyntheticCase {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func make(transfers count: Int, wallets walletCount: Int = 2000, seed: UInt64 = 1) -> Case {
        var r = Random(state: seed)
        let time = "2026-01-01T00:00:00Z"
        var c = Case(info: CaseInfo(title: "Synthetic case, \(count) transfers", marking: "TLP:CLEAR", created: time))
        c.insert(.actor(Actor(meta: RecordMeta(id: "act-lazarus", created: time), name: "Lazarus Group", kind: .group,
                              aliases: [Alias(name: "박진혁")], country: "KP")))
        c.insert(.actor(Actor(meta: RecordMeta(id: "act-exchange", created: time), name: "Exchange", kind: .exchange, country: "KR")))
        for i in 0..<4 {
            c.insert(.incident(Incident(meta: RecordMeta(id: "inc-\(i)", created: time), title: "Exchange hack \(i)", kind: .exchangeHack,
                                        started: "2022-0\(i + 1)-01", victim: "act-exchange",
                                        losses: [Loss(asset: "ETH", amount: ExactDecimal(1000 * (i + 1)), usd: ExactDecimal(units: Int128(3_000_000 * (i + 1)) * 100, scale: 2))],
                                        status: .attributed, attributions: [Attribution(actor: "act-lazarus", confidence: 70)])))
        }
        for w in 0..<walletCount {
            let address = "0x" + String((0..<5).map { _ in String(r.next(), radix: 16) }.joined().prefix(40))
            c.insert(.wallet(Wallet(meta: RecordMeta(id: "w-\(w)", created: time), chain: "ETH", address: address,
                                    label: w % 10 == 0 ? "hop wallet \(w)" : nil,
                                    attributions: [Attribution(actor: "act-lazarus", confidence: 40 + r.below(50))])))
        }
        c.reserveCapacity(count, for: .transfer)
        for t in 0..<count {
            let units = Int128(r.below(1_000_000)) * 1_000_000_000_000 + Int128(r.below(1_000_000_000))
            let hash = "0x" + (0..<4).map { _ in String(r.next(), radix: 16) }.joined()
            let day = 1 + t % 28, hour = (t / 28) % 24, minute = (t / 672) % 60, second = t % 60
            func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            c.insert(.transfer(Transfer(meta: RecordMeta(id: "tx-\(t)", created: time), time: "2022-03-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))Z",
                                        from: "w-\(r.below(walletCount))", to: "w-\(r.below(walletCount))", asset: "ETH",
                                        amount: ExactDecimal(units: units, scale: 18), usd: ExactDecimal(units: Int128(r.below(100_000_000)), scale: 2),
                                        txHash: hash, incident: "inc-\(t % 4)", kind: t % 9 == 0 ? .cashOut : .hop, basis: .observed)))
        }
        return c
    }
}
