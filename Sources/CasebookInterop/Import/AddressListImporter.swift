import CasebookModel

// Address lists -> wallets attributed to their owner, citing the list. Two shapes:
//  - one address per line (OFAC's sanctioned_addresses_ETH.txt); `#` starts a comment;
//  - CSV with an `address` column and any of chain (or currency), label, owner, confidence,
//    source_url (or url), authority, source_date (or date), source_dataset, basis.
// The owner is `--set owner=ID`, else the actor whose name or alias matches the row's label
// (ignoring a bracketed suffix such as "(OFAC SDN)"), else a new actor named after the label.
// Each distinct source URL (or the file, for a bare list) becomes a source. An address already in
// the case on the same chain gets the attribution added instead of a second wallet.

struct AddressListImporter {
    let target: Case
    let options: ImportOptions
    let now: String
    let fileName: String
    var batch = ImportBatch()
    var result = ImportResult()
    var wallets: WalletIndex
    var actorsByName: [String: String] = [:]

    static let fields = ["address", "chain", "label", "owner", "confidence", "source", "url", "authority", "date", "dataset", "basis"]

    static func read(_ bytes: [UInt8], fileName: String, into target: Case, options: ImportOptions,
                     now: String) throws(ImportError) -> (ImportBatch, ImportResult) {
        for (field, _) in options.set where !fields.contains(field) {
            throw ImportError("--set \(field)=…: address lists take \(fields.joined(separator: ", "))")
        }
        var importer = AddressListImporter(target: target, options: options, now: now, fileName: fileName,
                                           wallets: WalletIndex(target))
        importer.indexActors()
        let rows: [CSVRow]
        do { rows = try CSVReader.rows(bytes) } catch { throw ImportError("\(fileName):\(error.line):\(error.column): \(error.message)") }
        let data = rows.filter { !($0.fields.first ?? "").hasPrefix("#") }
        guard let first = data.first else { throw ImportError("\(fileName): holds no addresses") }
        var columns: [String: Int] = ["address": 0]
        var body = data[...]
        if first.fields.map({ $0.lowercased() }).contains("address") {
            columns = try Self.columns(first.fields, map: options.map)
            body = data.dropFirst()
        }
        for row in body {
            do throws(ValueError) { try importer.importRow(row, columns: columns) } catch {
                importer.result.failures.append(ImportIssue(line: row.line, reason: error.message))
            }
        }
        return (importer.batch, importer.result)
    }

    static func columns(_ header: [String], map: [String: String]) throws(ImportError) -> [String: Int] {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let synonyms: [String: [String]] = [
            "address": ["address"], "chain": ["chain", "currency", "network", "asset"], "label": ["label", "name"],
            "owner": ["owner", "actor"], "confidence": ["confidence"], "url": ["source_url", "url"],
            "authority": ["authority"], "date": ["source_date", "date"], "dataset": ["source_dataset", "dataset", "source"],
            "basis": ["basis"], "listed": ["in_0xb10c_ofac_list_2024_09_27", "sanctioned"],
        ]
        var columns: [String: Int] = [:]
        for (field, names2) in synonyms {
            if let k = names2.lazy.compactMap({ names.firstIndex(of: $0) }).first { columns[field] = k }
        }
        for (column, field) in map {
            guard fields.contains(field) else { throw ImportError("--map \(column)=\(field): address lists take \(fields.joined(separator: ", "))") }
            guard let k = names.firstIndex(of: column.lowercased()) else {
                throw ImportError("--map \(column)=\(field): the file has no column \(column) (columns: \(header.joined(separator: ", ")))")
            }
            columns[field] = k
        }
        return columns
    }

    mutating func indexActors() {
        // Names first, then aliases, each in id order, so a name beats another actor's alias.
        let actors = target.actors.values.sorted { $0.id < $1.id }
        for a in actors where actorsByName[Self.nameKey(a.name)] == nil { actorsByName[Self.nameKey(a.name)] = a.id }
        for a in actors {
            for alias in a.aliases where actorsByName[Self.nameKey(alias.name)] == nil { actorsByName[Self.nameKey(alias.name)] = a.id }
        }
    }

    /// "Lazarus Group (OFAC SDN)" and "lazarus group" are one name.
    static func nameKey(_ name: String) -> String {
        var n = name
        if let open = n.firstIndex(of: "("), n.hasSuffix(")") { n = String(n[..<open]) }
        return n.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
