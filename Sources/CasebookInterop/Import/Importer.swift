import CasebookModel

public enum ImportFormat: String, Sendable, CaseIterable {
    case stix, csv, addresses

    /// Guesses the format from the first bytes: JSON is STIX; a file whose lines are all single
    /// words (or whose header starts with `address`) is an address list; any other text is CSV.
    public static func detect(_ bytes: [UInt8]) -> ImportFormat {
        var head = CSVReader.text(of: Array(bytes.prefix(64 * 1024)))
        if head.hasPrefix("\u{FEFF}") { head.removeFirst() }
        let trimmed = head.drop { $0.isWhitespace }
        if trimmed.first == "{" || trimmed.first == "[" { return .stix }
        let lines = head.split(whereSeparator: \.isNewline).prefix(50).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let first = lines.first else { return .csv }
        if first.lowercased().hasPrefix("address") { return .addresses }
        if lines.allSatisfy({ !$0.contains(",") && !$0.contains(";") && !$0.contains("\t") && !$0.contains(" ") }) { return .addresses }
        return .csv
    }
}

/// What the command line passes to an import.
public struct ImportOptions: Sendable {
    public var format: ImportFormat?
    /// Input column -> Casebook field, for CSV files Casebook does not recognise.
    public var map: [String: String] = [:]
    /// Casebook field -> value, for what the file lacks (`asset=ETH`, `owner=act-lazarus`).
    public var set: [String: String] = [:]
    /// Transfers that name no incident are linked to this one.
    public var incident: String?
    public var strict = false

    public init() {}
}

/// Reads an input file into an ImportBatch, then plans the one edit that imports it.
public enum Importer {
    /// The reading half: records, skips and failures, before anything is compared to the case.
    public static func read(_ bytes: [UInt8], fileName: String, into c: Case, options: ImportOptions,
                            now: String) throws(ImportError) -> (ImportBatch, ImportResult, ImportFormat) {
        let format = options.format ?? ImportFormat.detect(bytes)
        if let incident = options.incident {
            guard case .incident? = c.record(id: incident) else {
                throw ImportError("--incident: \(VisibleText.line(incident)) is not an incident in the case")
            }
        }
        if format == .stix, !options.map.isEmpty || !options.set.isEmpty || options.incident != nil {
            throw ImportError("--map, --set and --incident are for CSV ledgers and address lists, not STIX bundles")
        }
        switch format {
        case .stix:
            let (batch, result) = try StixImporter.read(bytes, fileName: fileName, into: c, now: now)
            return (batch, result, format)
        case .csv:
            let (batch, result) = try LedgerImporter.read(bytes, fileName: fileName, into: c, options: options, now: now)
            return (batch, result, format)
        case .addresses:
            let (batch, result) = try AddressListImporter.read(bytes, fileName: fileName, into: c, options: options, now: now)
            return (batch, result, format)
        }
    }

    /// Reads and plans in one step. With `strict`, any failure stops the import with nothing changed.
    public static func plan(_ bytes: [UInt8], fileName: String, into c: Case, options: ImportOptions,
                            editor: Editor) throws(ImportError) -> ImportResult {
        let (batch, read, format) = try read(bytes, fileName: fileName, into: c, options: options, now: editor.time)
        try refuseIfStrict(read, options)
        let base = baseName(fileName)
        let planned = try batch.plan(into: c, editor: editor, label: "Import \(VisibleText.line(base)) (\(format.rawValue))", result: read)
        // Planning can fail records too (an id the case uses for another kind).
        try refuseIfStrict(planned, options)
        return planned
    }

    static func refuseIfStrict(_ result: ImportResult, _ options: ImportOptions) throws(ImportError) {
        guard options.strict, !result.failures.isEmpty else { return }
        let list = result.failures.prefix(10).map { "  " + $0.description }.joined(separator: "\n")
        throw ImportError("\(result.failures.count) failure\(result.failures.count == 1 ? "" : "s") with --strict, so nothing was imported:\n\(list)")
    }
}
