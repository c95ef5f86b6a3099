import ArgumentParser
import CasebookInterop
import CasebookModel
import CasebookReport
import CasebookStore
import Foundation

extension ImportFormat: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a STIX 2.x bundle, a CSV ledger or an address list into a case, as one undoable edit.",
        discussion: """
        The format is detected when not given. Re-importing the same file updates what it made instead of \
        adding copies. Rows or objects that fail are listed with their line; the rest go in (exit status 2), \
        or, with --strict, nothing does. `casebook undo FILE` takes the whole import back.
        Transfer fields for --map/--set: id, time, from, to, asset, amount, usd, tx_hash, incident, kind, basis, \
        rate_source, chain, from_chain, to_chain, from_address, to_address, from_label, to_label, tags. \
        Address-list fields: address, chain, label, owner, confidence, source, url, authority, date, dataset, basis.
        """
    )

    @Argument(help: "The case file.") var file: String
    @Option(help: "The file to import.") var from: String
    @Option(help: "stix, csv or addresses (detected when not given).") var format: ImportFormat?
    @Option(help: "Read a column as a field: COLUMN=FIELD,... (repeatable).") var map: [String] = []
    @Option(name: .customLong("set"), help: "A value for a field the file lacks: FIELD=VALUE (repeatable), e.g. asset=ETH.") var values: [String] = []
    @Option(help: "Link transfers that name no incident to this incident.") var incident: String?
    @Flag(help: "Print what would be added, updated and skipped, and change nothing.") var dryRun = false
    @Flag(help: "Any failed row or object aborts the import with nothing imported.") var strict = false

    static let maxInput = 1 << 30

    func run() throws {
        var options = ImportOptions()
        options.format = format
        options.incident = incident
        options.strict = strict
        options.map = try pairs(map.flatMap { $0.split(separator: ",").map(String.init) }, "--map", "COLUMN=FIELD")
        options.set = try pairs(values, "--set", "FIELD=VALUE")
        let bytes = try readInput()
        let store = try reporting(file) { try CaseStore(opening: file, mode: dryRun ? .readOnly : .readWrite) }
        for w in store.warnings { warn(w) }
        let result: ImportResult
        do { result = try Importer.plan(bytes, fileName: from, into: store.content, options: options, editor: Session.editor) } catch {
            throw CLIError("\(VisibleText.line(from)): \(error.visibleMessage)")
        }
        let lines = result.reportLines()
        if dryRun {
            say("dry run: nothing was changed")
            for line in lines { say(line) }
        } else if let edit = result.edit {
            let entry = try reporting(file) { try store.apply(edit) }
            say("\(VisibleText.line(entry.label)) (#\(entry.seq))")
            for line in lines { say(line) }
            try reporting(file) { try store.close() }
        } else if result.failures.isEmpty {
            say("nothing to import: the case already holds everything in \(VisibleText.line(from))")
            for line in lines { say(line) }
        } else {
            // Nothing went in because every row failed: not "already holds everything".
            say("nothing imported: no row or object of \(VisibleText.line(from)) could go in (the reasons follow)")
            for line in lines { say(line) }
        }
        if !result.failures.isEmpty {
            FileHandle.standardError.write(Data("casebook: \(result.failures.count) row(s) or object(s) of \(VisibleText.line(from)) were not imported (listed above)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Reads the input in chunks, stopping past the limit: a device or a pipe has no size to
    /// check first (`--from /dev/zero` must not eat the machine's memory).
    func readInput() throws -> [UInt8] {
        let name = VisibleText.line(from)
        guard let handle = FileHandle(forReadingAtPath: from) else {
            throw CLIError("\(name): cannot read it (no such file, or no permission)")
        }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw CLIError("\(name): cannot read it (\(VisibleText.line(error.localizedDescription)))")
            }
            guard let chunk, !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
            guard bytes.count <= Self.maxInput else {
                throw CLIError("\(name): is larger than \(Self.maxInput / 1_000_000) MB, the most Casebook imports at a time")
            }
        }
        return bytes
    }

    func pairs(_ items: [String], _ option: String, _ shape: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw CLIError("\(option) \(VisibleText.line(item)): expected \(shape)")
            }
            out[String(item[..<eq]).trimmingCharacters(in: .whitespaces)] = String(item[item.index(after: eq)...])
        }
        return out
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case stix, csv, json }

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a case as a STIX 2.1 bundle, a CSV ledger or canonical case JSON.",
        discussion: "STIX carries what Casebook has no standard word for in x_casebook_* properties and x-casebook-wallet/x-casebook-transfer objects (see the README), so `casebook import` reads it back to the same case. JSON export leaves out the undo history."
    )

    @Argument(help: "The case file.") var file: String
    @Option(help: "stix, csv or json.") var format: ExportFormat
    @Option(help: "Write to this file (atomically) instead of stdout.") var output: String?
    @OptionGroup var marking: SummaryOptionGroup

    func run() throws {
        let c = try Session.read(file).content
        let limit = try marking.limit()
        let text: String
        var withheld = 0
        switch format {
        case .stix:
            try stix(c, limit)
            return
        case .csv:
            (text, withheld) = LedgerExporter.csv(c, maxMarking: limit)
        case .json:
            (text, withheld) = CaseExport.json(c, maxMarking: limit)
        }
        if withheld > 0 {
            FileHandle.standardError.write(Data("casebook: \(withheld) record(s) marked above \(limit?.label ?? "") left out\n".utf8))
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try SummaryOutput.write(text, to: output, caseFile: file)
        say("\(VisibleText.line(output)): \(format.rawValue) export written")
    }

    /// The STIX bundle, written to the file or stdout as it is made (it is never all in memory).
    func stix(_ c: Case, _ limit: TLP?) throws {
        var exporter = StixExporter(c, maxMarking: limit, now: Session.now)
        if exporter.withheld > 0 {
            FileHandle.standardError.write(Data("casebook: \(exporter.withheld) record(s) marked above \(limit?.label ?? "") left out\n".utf8))
        }
        guard let output else {
            try exporter.write { FileHandle.standardOutput.write(Data($0.utf8)) }
            return
        }
        if SummaryOutput.sameFile(output, file) { throw CLIError("\(output): refusing to overwrite the case file itself") }
        do {
            try OutputFile.write(output) { piece in try exporter.write(piece) }
        } catch let error as StoreError {
            throw CLIError(error.description)   // it names the file and what failed
        } catch {
            throw CLIError("\(output): cannot write: \(error)")
        }
        say("\(VisibleText.line(output)): stix export written")
    }
}
