import Foundation

// `casebook set FILE ID FIELD VALUE` and the screen's inline edit come here. Each kind has a table
// of settable fields; a value is parsed for the field's type (text, date, decimal, enum, id) and
// an empty value clears an optional field. Losses are set per asset: `loss.BTC` = "2000.5" or
// "2000.5 usd 4100000.25"; an empty value removes that asset's loss.

extension Editor {
    /// Field names that `set` accepts for a kind, for help and error messages.
    public static func settableFields(_ kind: RecordKind) -> [String] {
        let common = ["marking"]
        switch kind {
        case .source: return ["title", "publisher", "date", "url", "reliability", "excerpt"] + common
        case .incident: return ["title", "kind", "started", "ended", "victim", "country", "status", "summary", "loss.ASSET"] + common
        case .actor: return ["name", "kind", "country", "parent", "summary", "aliases"] + common
        case .wallet: return ["chain", "address", "label"] + common
        case .transfer: return ["time", "from", "to", "asset", "amount", "usd", "rateSource", "txHash", "incident", "kind", "basis"] + common
        }
    }

    public static let caseFields = ["title", "marking", "summary"]

    public func set(field: String, value: String, id: String, in c: Case) throws(EditError) -> Edit {
        if id == "case" { return try setInfo(field: field, value: value, in: c) }
        guard let record = c.record(id: id) else { throw EditError("no record with id \(id)") }
        let shown = value.isEmpty ? "(cleared)" : "'\(value.count > 40 ? value.prefix(39) + "…" : value)'"
        return try modify(c, ids: [id], command: "set", label: { "Set \(field) of \($0) to \(shown)" }) { r throws(EditError) in
            try Self.assign(field: field, value: value, to: &r, kind: record.kind)
        }
    }

    func setInfo(field: String, value: String, in c: Case) throws(EditError) -> Edit {
        var info = c.info
        let v: String? = value.isEmpty ? nil : value
        switch field {
        case "title":
            guard let v else { throw EditError("case.title: may not be empty") }
            info.title = v
        case "marking": info.marking = v
        case "summary": info.summary = v
        default: throw EditError("case has no settable field \(field); fields: \(Self.caseFields.joined(separator: ", "))")
        }
        return Edit(command: "set", label: "Set case \(field) to '\(value)'", time: time, author: author,
                    changes: [.info(before: c.info, after: info)])
    }

    static func assign(field: String, value: String, to r: inout AnyRecord, kind: RecordKind) throws(EditError) {
        let opt: String? = value.isEmpty ? nil : value
        func text() throws(EditError) -> String {
            guard let opt else { throw EditError("\(r.id).\(field): may not be empty") }
            return opt
        }
        func date() throws(EditError) -> String? {
            if let opt, !CaseTime.isValid(opt) { throw EditError("\(r.id).\(field): \"\(opt)\" is not an ISO 8601 date or time") }
            return opt
        }
        func decimal() throws(EditError) -> ExactDecimal? {
            guard let opt else { return nil }
            guard let d = ExactDecimal(opt) else { throw EditError("\(r.id).\(field): \"\(opt)\" is not a decimal number") }
            return d
        }
        func choice<E: RawRepresentable & CaseIterable>(_: E.Type) throws(EditError) -> E where E.RawValue == String {
            guard let e = E(rawValue: value) else {
                throw EditError("\(r.id).\(field): \"\(value)\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return e
        }
        if field == "marking" { r.meta.marking = opt; return }
        let unknown = EditError("\(r.id) is a \(kind.rawValue), which has no settable field \(field); fields: \(settableFields(kind).joined(separator: ", "))")
        switch r {
        case .source(var s):
            switch field {
            case "title": s.title = try text()
            case "publisher": s.publisher = opt
            case "date": s.date = try date()
            case "url": s.url = opt
            case "reliability": s.reliability = opt == nil ? nil : try choice(Reliability.self)
            case "excerpt": s.excerpt = opt
            default: throw unknown
            }
            r = .source(s)
        case .incident(var i):
            switch field {
            case "title": i.title = try text()
            case "kind": i.kind = try choice(IncidentKind.self)
            case "started": i.started = try date()
            case "ended": i.ended = try date()
            case "victim": i.victim = opt
            case "country": i.country = opt
            case "status": i.status = try choice(IncidentStatus.self)
            case "summary": i.summary = opt
            case _ where field.hasPrefix("loss."):
                i.losses = try setLoss(asset: String(field.dropFirst(5)), value: value, losses: i.losses, id: r.id)
            default: throw unknown
            }
            r = .incident(i)
        case .actor(var a):
            switch field {
            case "name": a.name = try text()
            case "kind": a.kind = try choice(ActorKind.self)
            case "country": a.country = opt
            case "parent": a.parent = opt
            case "summary": a.summary = opt
            case "aliases":
                let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                a.aliases = names.map { n in a.aliases.first { $0.name == n } ?? Alias(name: n) }
            default: throw unknown
            }
            r = .actor(a)
        case .wallet(var w):
            switch field {
            case "chain": w.chain = try text()
            case "address": w.address = try text()
            case "label": w.label = opt
            default: throw unknown
            }
            r = .wallet(w)
        case .transfer(var t):
            switch field {
            case "time":
                guard let d = try date() else { throw EditError("\(r.id).time: may not be empty") }
                t.time = d
            case "from": t.from = try text()
            case "to": t.to = try text()
            case "asset": t.asset = try text()
            case "amount":
                guard let d = try decimal() else { throw EditError("\(r.id).amount: may not be empty") }
                t.amount = d
            case "usd": t.usd = try decimal()
            case "rateSource": t.rateSource = opt
            case "txHash": t.txHash = opt
            case "incident": t.incident = opt
            case "kind": t.kind = try choice(TransferKind.self)
            case "basis": t.basis = try choice(TransferBasis.self)
            default: throw unknown
            }
            r = .transfer(t)
        }
    }

    static func setLoss(asset: String, value: String, losses: [Loss], id: String) throws(EditError) -> [Loss] {
        var losses = losses
        guard !asset.isEmpty else { throw EditError("\(id): say which asset, as loss.BTC") }
        let index = losses.firstIndex { $0.asset == asset }
        let words = value.split(separator: " ").map(String.init)
        if words.isEmpty {
            guard let index else { throw EditError("\(id) has no \(asset) loss to clear") }
            losses.remove(at: index)
            return losses
        }
        guard let amount = ExactDecimal(words[0]), words.count == 1 || (words.count == 3 && words[1].lowercased() == "usd"),
              words.count == 1 || ExactDecimal(words[2]) != nil else {
            throw EditError("\(id).loss.\(asset): write AMOUNT or AMOUNT usd USD-VALUE, e.g. \"2000.5 usd 4100000\"")
        }
        let loss = Loss(asset: asset, amount: amount, usd: words.count == 3 ? ExactDecimal(words[2]) : nil)
        if let index { losses[index] = loss } else { losses.append(loss) }
        return losses
    }
}
