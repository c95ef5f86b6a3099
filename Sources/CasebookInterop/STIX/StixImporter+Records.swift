import CasebookModel
import CasebookStore

// Actors, incidents, wallets and transfers from their STIX objects.

extension StixImporter {
    mutating func importActor(_ o: StixObject) throws(StixObjectError) {
        guard let id = recordIDs[o.id] else { return }
        let name = try o.string("name")
        let kind: ActorKind
        if let k = try o.optString("x_casebook_kind") {
            guard let parsed = ActorKind(rawValue: k) else { throw o.fail("x_casebook_kind", "\"\(k)\" is not an actor kind") }
            kind = parsed
        } else if o.type == "identity" {
            switch try o.optString("identity_class") {
            case "individual": kind = .person
            case "group": kind = .group
            default: kind = .organization
            }
        } else {
            kind = .group
        }
        let meta = try meta(o, id: id)
        var aliases: [Alias]
        if o.has("x_casebook_aliases") {
            aliases = try o.objects("x_casebook_aliases").compactMap { a in
                a.string("name").map { Alias(name: $0, source: a.string("source").flatMap(resolve)) }
            }
        } else {
            aliases = []
            for alias in try o.strings("aliases") where alias != name {
                aliases.append(Alias(name: alias, source: aliasSource(alias, in: o)))
            }
        }
        let sanctions = try o.objects("x_casebook_sanctions").compactMap { s -> Sanction? in
            guard let programme = s.string("programme"), let authority = s.string("authority") else { return nil }
            return Sanction(programme: programme, authority: authority, date: s.string("date"), reference: s.string("reference"))
        }
        let parent = try o.optString("x_casebook_parent").flatMap(resolve)
        let summary = isCasebook(o) ? try o.optString("description") : StixText.plain(try o.optString("description"))
        var actor = Actor(meta: meta, name: name, kind: kind, aliases: aliases, country: try o.optString("x_casebook_country"),
                          sanctions: sanctions, parent: parent, summary: summary)
        if adopted.contains(id), case .actor(let mine)? = target.record(id: id) {
            actor.name = mine.name
            actor.kind = mine.kind
            actor.summary = mine.summary ?? actor.summary
            actor.country = mine.country ?? actor.country
            actor.parent = mine.parent ?? actor.parent
        }
        guard batch.put(.actor(actor), line: o.line) else { throw o.fail("id", "\(id) is already used by another kind of record") }
    }

    mutating func importIncident(_ o: StixObject) throws(StixObjectError) {
        guard let id = recordIDs[o.id] else { return }
        let title = try o.string("name")
        var kind = IncidentKind.other
        if let k = try o.optString("x_casebook_kind") {
            guard let parsed = IncidentKind(rawValue: k) else { throw o.fail("x_casebook_kind", "\"\(k)\" is not an incident kind") }
            kind = parsed
        }
        var status: IncidentStatus? = nil
        if let s = try o.optString("x_casebook_status") {
            guard let parsed = IncidentStatus(rawValue: s) else { throw o.fail("x_casebook_status", "\"\(s)\" is not an incident status") }
            status = parsed
        }
        let losses = try o.objects("x_casebook_losses").map { (l: JSONObject) throws(StixObjectError) -> Loss in
            guard let asset = l.string("asset"), let text = l.string("amount"), let amount = ExactDecimal(text) else {
                throw o.fail("x_casebook_losses", "has an entry without an asset and a decimal amount (as a string)")
            }
            var usd: ExactDecimal?
            if let u = l.string("usd") {
                guard let value = ExactDecimal(u) else { throw o.fail("x_casebook_losses", "has a usd that is not a decimal: \(u)") }
                usd = value
            }
            return Loss(asset: asset, amount: amount, usd: usd)
        }
        var summary: String?
        if isCasebook(o) {
            summary = try o.optString("description")
        } else {
            summary = StixText.plain(try o.optString("description"))
            let aliases = try o.strings("aliases").filter { $0 != title }
            if !aliases.isEmpty {
                summary = [summary, "Also known as: " + aliases.joined(separator: ", ") + "."].compactMap { $0 }.joined(separator: "\n\n")
            }
        }
        let incident = Incident(
            meta: try meta(o, id: id), title: title, kind: kind,
            started: try o.optString("x_casebook_started") ?? o.time("first_seen"),
            ended: try o.optString("x_casebook_ended") ?? o.time("last_seen"),
            victim: try o.optString("x_casebook_victim").flatMap(resolve), country: try o.optString("x_casebook_country"),
            losses: losses, status: status ?? .suspected, summary: summary)
        guard batch.put(.incident(incident), line: o.line) else { throw o.fail("id", "\(id) is already used by another kind of record") }
    }

    mutating func importWallet(_ o: StixObject) throws(StixObjectError) {
        guard let id = recordIDs[o.id] else { return }
        let wallet = Wallet(meta: try meta(o, id: id), chain: try o.string("chain"), address: try o.string("address"),
                            label: try o.optString("label"))
        guard batch.put(.wallet(wallet), line: o.line) else { throw o.fail("id", "\(id) is already used by another kind of record") }
    }

    mutating func importTransfer(_ o: StixObject) throws(StixObjectError) {
        guard let id = recordIDs[o.id] else { return }
        func ref(_ key: String) throws(StixObjectError) -> String {
            let r = try o.string(key)
            guard let found = resolve(r) else { throw o.fail(key, "refers to \(r), which is neither in the bundle nor in the case") }
            return found
        }
        guard let amount = try o.decimal("amount") else { throw o.fail("amount", "is missing") }
        let kindText = try o.string("transfer_kind")
        guard let kind = TransferKind(rawValue: kindText) else { throw o.fail("transfer_kind", "\"\(kindText)\" is not a transfer kind") }
        let basisText = try o.string("basis")
        guard let basis = TransferBasis(rawValue: basisText) else { throw o.fail("basis", "\"\(basisText)\" is not a basis") }
        let transfer = Transfer(
            meta: try meta(o, id: id), time: try o.string("time"), from: try ref("from_ref"), to: try ref("to_ref"),
            asset: try o.string("asset"), amount: amount, usd: try o.decimal("usd"), rateSource: try o.optString("rate_source"),
            txHash: try o.optString("tx_hash"), incident: try o.optString("incident_ref").flatMap(resolve),
            kind: kind, basis: basis)
        guard batch.put(.transfer(transfer), line: o.line) else { throw o.fail("id", "\(id) is already used by another kind of record") }
    }
}
