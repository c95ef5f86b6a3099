import CasebookModel
import Foundation

// The forms behind `a` (a record of the focused pane's kind) and "+ New source" in the cite
// picker: which fields, their hints, and how filled-in fields become a record. References can be
// typed as an id or as an exact name (Bithumb), and an empty id is made from the title or name.
// Errors start with the field's name so the form can put the cursor there.

enum FormBuilder {
    static func form(for purpose: Form.Purpose) -> Form {
        func f(_ name: String, _ hint: String, _ value: String = "") -> Form.Field { .init(name: name, hint: hint, editor: LineEditor(value)) }
        switch purpose {
        case .add(.incident):
            return Form(purpose: purpose, title: "New incident", fields: [
                f("title", "what was hit, e.g. Upbit hack (2019)"), f("kind", IncidentKind.allCases.map(\.rawValue).joined(separator: " ")),
                f("status", "suspected confirmed attributed closed", "suspected"), f("started", "2019-11-27"),
                f("victim", "actor id or name"), f("country", "KR"), f("loss", "342000 ETH usd 49000000"), f("summary", ""),
                f("id", "empty: made from the title")])
        case .add(.actor):
            return Form(purpose: purpose, title: "New actor", fields: [
                f("name", "e.g. 박진혁 or Lazarus Group"), f("kind", ActorKind.allCases.map(\.rawValue).joined(separator: " ")),
                f("country", "KP"), f("aliases", "comma-separated"), f("parent", "actor id or name"), f("summary", ""),
                f("id", "empty: made from the name")])
        case .add(.transfer):
            return Form(purpose: purpose, title: "New transfer", fields: [
                f("time", "2018-06-19T15:42:11Z"), f("from", "wallet or actor id or name"), f("to", "wallet or actor id or name"),
                f("asset", "BTC"), f("amount", "exact, e.g. 12.5"), f("usd", "value at the time"), f("txHash", ""),
                f("incident", "incident id or title"), f("kind", TransferKind.allCases.map(\.rawValue).joined(separator: " "), "hop"),
                f("basis", TransferBasis.allCases.map(\.rawValue).joined(separator: " "), "observed"), f("id", "empty: made from the time")])
        case .add, .newSource:
            return Form(purpose: purpose, title: "New source", fields: [
                f("title", "report or article title"), f("publisher", ""), f("date", "2019-03"), f("url", ""),
                f("reliability", "A-F (Admiralty)"), f("excerpt", ""), f("id", "empty: made from the title")])
        }
    }

    static func record(from form: Form, in c: Case, time: String) throws(EditError) -> AnyRecord {
        let kind: RecordKind = switch form.purpose {
        case .add(let k): k
        case .newSource: .source
        }
        func need(_ name: String) throws(EditError) -> String {
            guard let v = form.value(name) else { throw EditError("\(name): may not be empty") }
            return v
        }
        func choice<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type) throws(EditError) -> E where E.RawValue == String {
            let v = try need(name)
            guard let e = E(rawValue: v) else { throw EditError("\(name): \"\(v)\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))") }
            return e
        }
        func decimal(_ name: String) throws(EditError) -> ExactDecimal? {
            guard let v = form.value(name) else { return nil }
            guard let d = ExactDecimal(v.replacingOccurrences(of: ",", with: "")) else { throw EditError("\(name): \"\(v)\" is not a decimal number") }
            return d
        }
        func ref(_ name: String, _ kinds: Set<RecordKind>) throws(EditError) -> String? {
            guard let v = form.value(name) else { return nil }
            if let r = c.record(id: v), kinds.contains(r.kind) { return v }
            let named = c.allRecords.filter { kinds.contains($0.kind) && $0.displayName.lowercased() == v.lowercased() }
            guard named.count == 1 else {
                throw EditError("\(name): \(named.isEmpty ? "no" : "more than one") \(kinds.map(\.rawValue).sorted().joined(separator: " or ")) called \"\(v)\"")
            }
            return named[0].id
        }
        func newID(_ prefix: String, from text: String) -> String {
            if let given = form.value("id") { return given }
            var slug = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
            slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(40))
            var id = prefix + (slug.isEmpty ? UUID().uuidString.prefix(8).lowercased() : slug)
            var n = 2
            while c.record(id: id) != nil { id = prefix + slug + "-\(n)"; n += 1 }
            return id
        }
        switch kind {
        case .incident:
            let title = try need("title")
            var losses: [Loss] = []
            if let loss = form.value("loss") {
                let w = loss.split(separator: " ").map(String.init)
                guard w.count == 2 || (w.count == 4 && w[2].lowercased() == "usd"), let amount = ExactDecimal(w[0].replacingOccurrences(of: ",", with: "")) else {
                    throw EditError("loss: write AMOUNT ASSET, or AMOUNT ASSET usd VALUE, e.g. 342000 ETH usd 49000000")
                }
                var usd: ExactDecimal? = nil
                if w.count == 4 {
                    guard let u = ExactDecimal(w[3].replacingOccurrences(of: ",", with: "")) else { throw EditError("loss: \"\(w[3])\" is not a USD amount") }
                    usd = u
                }
                losses = [Loss(asset: w[1].uppercased(), amount: amount, usd: usd)]
            }
            return .incident(Incident(meta: RecordMeta(id: newID("inc-", from: title), created: time), title: title,
                                      kind: try choice("kind", IncidentKind.self), started: form.value("started"),
                                      victim: try ref("victim", [.actor]), country: form.value("country"), losses: losses,
                                      status: try choice("status", IncidentStatus.self), summary: form.value("summary")))
        case .actor:
            let name = try need("name")
            let aliases = (form.value("aliases") ?? "").split(separator: ",").map { Alias(name: $0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.name.isEmpty }
            return .actor(Actor(meta: RecordMeta(id: newID("act-", from: name), created: time), name: name,
                                kind: try choice("kind", ActorKind.self), aliases: aliases, country: form.value("country"),
                                parent: try ref("parent", [.actor]), summary: form.value("summary")))
        case .transfer:
            let time2 = try need("time")
            guard let amount = try decimal("amount") else { throw EditError("amount: may not be empty") }
            guard let from = try ref("from", [.wallet, .actor]) else { throw EditError("from: may not be empty") }
            guard let to = try ref("to", [.wallet, .actor]) else { throw EditError("to: may not be empty") }
            return .transfer(Transfer(meta: RecordMeta(id: newID("tx-", from: time2), created: time), time: time2, from: from, to: to,
                                      asset: try need("asset").uppercased(), amount: amount, usd: try decimal("usd"),
                                      txHash: form.value("txHash"), incident: try ref("incident", [.incident]),
                                      kind: try choice("kind", TransferKind.self), basis: try choice("basis", TransferBasis.self)))
        case .source, .wallet:
            let title = try need("title")
            var reliability: Reliability? = nil
            if let r = form.value("reliability") {
                guard let parsed = Reliability(rawValue: r.uppercased()) else { throw EditError("reliability: a grade from A to F") }
                reliability = parsed
            }
            return .source(Source(meta: RecordMeta(id: newID("src-", from: title), created: time), title: title,
                                  publisher: form.value("publisher"), date: form.value("date"), url: form.value("url"),
                                  reliability: reliability, excerpt: form.value("excerpt")))
        }
    }
}
