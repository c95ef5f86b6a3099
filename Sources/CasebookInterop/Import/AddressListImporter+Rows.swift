import CasebookModel
import Foundation

extension AddressListImporter {
    func value(_ field: String, _ row: CSVRow, _ columns: [String: Int]) -> String? {
        if let k = columns[field], k < row.fields.count {
            let v = row.fields[k]
            if !v.isEmpty { return v }
        }
        return options.set[field].flatMap { $0.isEmpty ? nil : $0 }
    }

    mutating func importRow(_ row: CSVRow, columns: [String: Int]) throws(ValueError) {
        guard let address = value("address", row, columns) else { throw ValueError("the address is empty") }
        if let p = Addresses.problem(address) { throw ValueError(p) }
        // A chain the file name gives (sanctioned_addresses_BSC.txt) beats the address's shape,
        // which cannot tell ETH from BSC or BTC from BCH.
        guard let chain = (value("chain", row, columns) ?? chainFromFileName() ?? Addresses.guessChain(address)).map(Addresses.chain) else {
            throw ValueError("no chain for \(address); pass --set chain=ETH (or a chain column)")
        }
        let label = value("label", row, columns)
        let owner = try ownerID(label: label, row: row, columns: columns)
        let source = try sourceID(row, columns)
        let authority = value("authority", row, columns)
        var confidence = Attribution.unknownConfidence
        if let text = value("confidence", row, columns) {
            guard let c = Int(text), (0...100).contains(c) else { throw ValueError("confidence \"\(VisibleText.line(text))\" is not 0-100") }
            confidence = c
        } else if let a = authority?.lowercased(), a.contains("ofac") || a.contains("sdn") || a.contains("authority") {
            // Listed by (or taken from) a sanctioning authority: high confidence (STIX 70-100).
            confidence = 90
        }
        let listed = value("listed", row, columns).map { ["yes", "true", "1"].contains($0.lowercased()) } ?? false
        var tags: [String] = []
        if listed || (authority?.uppercased().contains("OFAC") ?? false) { tags.append("sanctioned") }
        let basis = value("basis", row, columns)
            ?? "Listed in \(value("dataset", row, columns) ?? fileName)" + (authority.map { " (\($0))" } ?? "")
        var attributions: [Attribution] = []
        if let owner {
            attributions.append(Attribution(actor: owner, confidence: confidence, basis: basis, sources: [Citation(source: source)]))
        }
        let id = wallets.find(address, chain: chain) ?? Addresses.walletID(address, chain: chain)
        var meta = RecordMeta(id: id, created: now, tags: tags, sources: [Citation(source: source)])
        if let existing = target.record(id: id) ?? batch.record(id: id) {
            guard existing.kind == .wallet else { throw ValueError("\(id) is already a \(existing.kind.rawValue) in the case") }
            meta.created = existing.meta.created
        }
        // A label that named the owner says nothing the owner does not; the address reads better.
        let walletLabel = value("owner", row, columns) == nil && owner != nil ? nil : label
        let wallet = Wallet(meta: meta, chain: chain, address: address, label: walletLabel, attributions: attributions)
        if case .wallet(let held)? = batch.record(id: id), held.address != address {
            // The same address twice in the list, in two letter cases: one wallet.
            result.notices.append("\(address) (line \(row.line)) is the same wallet as \(held.address)")
        }
        guard batch.put(.wallet(wallet), line: row.line) else { throw ValueError("\(id) is already used by another kind of record") }
        wallets.add(address, chain: chain, id: id)
    }

    /// `sanctioned_addresses_XBT.txt` -> XBT.
    func chainFromFileName() -> String? {
        let base = baseName(fileName).split(separator: ".").first.map(String.init) ?? ""
        let chains: Set = ["BTC", "XBT", "ETH", "LTC", "BCH", "BSV", "BTG", "DASH", "ETC", "TRX", "XMR", "XRP", "XVG", "ZEC", "ARB", "BSC"]
        guard let last = base.split(separator: "_").last, chains.contains(String(last)) else { return nil }
        return String(last)
    }

    mutating func ownerID(label: String?, row: CSVRow, columns: [String: Int]) throws(ValueError) -> String? {
        if let given = value("owner", row, columns) {
            if case .actor? = target.record(id: given) ?? batch.record(id: given) { return given }
            if let id = actorsByName[Self.nameKey(given)] { return id }
            throw ValueError("owner \(VisibleText.line(given)) is not an actor in the case (give its id or name)")
        }
        guard let label else { return nil }
        if let id = actorsByName[Self.nameKey(label)] { return id }
        // No actor by that name: make one, so the wallets are grouped under it on screen.
        let name = label.firstIndex(of: "(").map { String(label[..<$0]).trimmingCharacters(in: .whitespaces) } ?? label
        let id = "act-" + StixText.slug(name, limit: 40)
        guard target.record(id: id) == nil || target.record(id: id)?.kind == .actor else {
            throw ValueError("cannot make an actor for \(VisibleText.line(label)): the id \(id) is taken")
        }
        if target.record(id: id) == nil {
            let actor = Actor(meta: RecordMeta(id: id, created: now, tags: ["imported"]), name: name, kind: .organization,
                              summary: "Made by importing \(fileName), whose rows name it as the owner of addresses.")
            batch.put(.actor(actor))
            result.notices.append("made actor \(name) (\(id)), kind organization: set its kind with `casebook set FILE \(id) kind …`")
        }
        actorsByName[Self.nameKey(label)] = id
        return id
    }

    /// The source a row cites: `--set source=ID`, else one per source URL (or dataset), else the file.
    mutating func sourceID(_ row: CSVRow, _ columns: [String: Int]) throws(ValueError) -> String {
        if let given = options.set["source"] {
            guard case .source? = target.record(id: given) ?? batch.record(id: given) else {
                throw ValueError("--set source=\(VisibleText.line(given)) is not a source in the case")
            }
            return given
        }
        let url = value("url", row, columns)
        let dataset = value("dataset", row, columns)
        let authority = value("authority", row, columns)
        let base = baseName(fileName)
        let key = url ?? dataset ?? base
        let id = "src-list-" + StixText.slug(URL(string: url ?? "")?.host ?? dataset ?? base, limit: 24) + "-" + StixText.shortHash(key)
        if batch.record(id: id) == nil {
            var title = "Address list \(base)"
            if let url, let u = URL(string: url), let host = u.host {
                title = "\(host): \(u.lastPathComponent.isEmpty ? url : u.lastPathComponent)"
            } else if let dataset {
                title = "Address list \(dataset)"
            }
            let date = value("date", row, columns).flatMap { d in d.split(separator: "/").map(String.init).last(where: CaseTime.isValid) }
            let excerpt = [dataset.map { "Via \($0)" }, authority.map { "authority: \($0)" }].compactMap { $0 }.joined(separator: "; ")
            let source = Source(meta: RecordMeta(id: id, created: now, tags: ["address-list"]), title: title,
                                publisher: URL(string: url ?? "")?.host ?? authority, date: date, url: url,
                                excerpt: excerpt.isEmpty ? nil : excerpt)
            batch.put(.source(source))
        }
        return id
    }
}
