import CasebookModel

// Opens a case file straight into records, with no JSONValue tree in between: about ten times
// faster than JSONParser + CaseCoding on a big case, and a fraction of the memory.
//
// How it works: the top-level object is walked key by key. Sections of records are read by
// CaseReaderArrays (two threads for a big one); the small parts (the case info, the assets, the
// history) are cut out of the file and given to JSONParser and the reference decoders, so they
// mean exactly what they always meant. The records are then put into the case's tables in the
// order and with the capacity CaseCoding.decode uses, duplicates reported as it reports them.
// Anything the fast reader does not expect, including every error, makes it give up, and the
// reference path reads the file instead: messages (line:column, field paths) stay the same.

enum CaseReader {
    /// Reads the case file at `path` (named `name` in errors about its content): the fast
    /// reader, or the reference path when it declines. `progress` gets the fraction read (0...1);
    /// returning false cancels.
    /// The file's bytes are given back as they are read (CaseReaderRelease), every
    /// `releaseStep` bytes; the reference path, if it must decide, reads the file again.
    /// `preview`, if given, gets the case as far as its actors (info, assets, sources, incidents,
    /// actors) as soon as the fast reader has read them, while it reads on (wallets and transfers
    /// are most of a big file).
    static func load(_ path: String, name: String, progress: ((Double) -> Bool)?, split: Int = CaseReaderArrays.splitThreshold,
                     releaseStep: Int = 8 << 20, preview: ((Case) -> Void)? = nil) throws(StoreError) -> (CaseDocument, duplicates: [Problem]) {
        try CaseReaderFile.withBytes(path, releaseStep: releaseStep) { (buffer, release) throws(StoreError) in
            try load(buffer, path: name, progress: progress, split: split, release: release, preview: preview) { () throws(StoreError) in
                try POSIXFile.read(path)
            }
        }
    }

    static func load(_ bytes: [UInt8], path: String, progress: ((Double) -> Bool)?,
                     split: Int = CaseReaderArrays.splitThreshold) throws(StoreError) -> (CaseDocument, duplicates: [Problem]) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(StoreError) in try load(buffer, path: path, progress: progress, split: split) }
    }

    static func load(_ buffer: UnsafeBufferPointer<UInt8>, path: String, progress: ((Double) -> Bool)?,
                     split: Int = CaseReaderArrays.splitThreshold, release: CaseReaderRelease = .none,
                     preview: ((Case) -> Void)? = nil,
                     reread: () throws(StoreError) -> [UInt8] = { [] }) throws(StoreError) -> (CaseDocument, duplicates: [Problem]) {
        let total = max(1, buffer.count)
        let report = progress.map { p in { (offset: Int) in p(Double(offset) / Double(total)) } }
        do {
            return try decode(buffer, progress: report, split: split, release: release, preview: preview)
        } catch .cancelled {
            throw .cancelled(path: path)
        } catch {
            return try reference(release.happened ? try reread() : Array(buffer), path: path, progress: report)
        }
    }

    /// JSONParser + CaseCoding.decode: the meaning of a case file, and its error messages.
    static func reference(_ bytes: [UInt8], path: String,
                          progress: ((Int) -> Bool)?) throws(StoreError) -> (CaseDocument, duplicates: [Problem]) {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes, progress: progress) } catch {
            if error.message == JSONParser.cancelledMessage { throw .cancelled(path: path) }
            throw .syntax(path: path, line: error.line, column: error.column, message: error.message)
        }
        do { return try CaseCoding.decode(root) } catch { throw .format(path: path, error) }
    }

    /// The fast reader alone: the document, or why it stopped.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, progress report: ((Int) -> Bool)?,
                       split: Int = CaseReaderArrays.splitThreshold,
                       release: CaseReaderRelease = .none,
                       preview: ((Case) -> Void)? = nil) throws(CaseReaderStop) -> (CaseDocument, duplicates: [Problem]) {
        var c = CaseReaderCursor(buffer)
        var names = CaseReaderInterner()
        var lines = CaseReaderLines(buffer, release: release)
        var progress = CaseReaderProgress(report: report)
        var parts = Parts()
        func section<K: CaseReaderKind>(_ k: K.Type) throws(CaseReaderStop) {
            let table = try CaseReaderArrays.read(k, &c, &names, &lines, &progress, split: split)
            // A duplicate's line was counted over given-back bytes: the reference path counts it.
            if lines.unreliable { throw .unsupported }
            K.store(table.records, in: &parts.content)
            parts.duplicates[index(K.kind)] = table.duplicates
            // The actors end what the first two panes show; a preview has no duplicate to hide.
            if K.kind == .actor, let preview, let info = parts.info, parts.duplicates.allSatisfy(\.isEmpty) {
                var partial = parts.content
                partial.info = info
                partial.assets = parts.assets
                preview(partial)
            }
        }
        c.skipSpace()
        do {
            guard try c.open(UInt8(ascii: "{"), UInt8(ascii: "}")) else { throw CaseReaderUnsupported() }
            var seen = Set<String>()
            repeat {
                let key = String(decoding: try c.key(), as: UTF8.self)
                guard seen.insert(key).inserted, !c.null() else { throw CaseReaderUnsupported() }
                switch RecordKind(plural: key) {
                case .source?: try section(CaseReaderSource.self)
                case .incident?: try section(CaseReaderIncident.self)
                case .actor?: try section(CaseReaderActor.self)
                case .wallet?: try section(CaseReaderWallet.self)
                case .transfer?: try section(CaseReaderTransfer.self)
                case nil: try parts.read(key, &c)
                }
            } while try c.more(UInt8(ascii: "}"))
            c.skipSpace()
            guard c.atEnd else { throw CaseReaderUnsupported() }
        } catch let stop as CaseReaderStop {
            throw stop
        } catch {
            throw .unsupported
        }
        return try parts.document()
    }

    static func index(_ kind: RecordKind) -> Int { RecordKind.allCases.firstIndex(of: kind)! }

    /// What the top-level object held, before the records go into their tables.
    struct Parts {
        var format = false
        var version = false
        var info: CaseInfo?
        var assets: [Asset] = []
        var history = History()
        /// The records; the info is put in at the end, as the file may give it after them.
        var content = Case(info: CaseInfo(title: "", created: ""))
        /// Duplicate ids by kind, reported in kind order as CaseCoding.decode does.
        var duplicates = Array(repeating: [Problem](), count: RecordKind.allCases.count)

        /// A part other than a section of records.
        mutating func read(_ key: String, _ c: inout CaseReaderCursor) throws(CaseReaderUnsupported) {
            switch key {
            case "format":
                guard try c.string() == CaseCoding.formatName else { throw CaseReaderUnsupported() }
                format = true
            case "version":
                guard try c.int() == CaseCoding.currentVersion else { throw CaseReaderUnsupported() }
                version = true
            case "case": info = try reference(&c) { (v) throws(FormatError) in try CaseCoding.decodeInfo(v, path: "case") }
            case "assets":
                assets = try reference(&c) { (v) throws(FormatError) in
                    var r = try FieldReader(.object(JSONObject([JSONPair("assets", v)])), path: "")
                    return try r.objects("assets", CaseCoding.decodeAsset)
                }
            case "history":
                history = try reference(&c) { (v) throws(FormatError) in
                    guard case .array(let items) = v else { throw FormatError(line: 0, path: "history", message: "") }
                    var history = History()
                    for (i, item) in items.enumerated() {
                        let entry = try EditCoding.decode(item, path: "history[\(i)]", history: history)
                        do { try history.append(entry) } catch { throw FormatError(line: 0, path: "history", message: "") }
                    }
                    return history
                }
            default: throw CaseReaderUnsupported()
            }
        }

        /// The value at the cursor, parsed and decoded by the reference code.
        private func reference<T>(_ c: inout CaseReaderCursor,
                                  _ decode: (JSONValue) throws(FormatError) -> T) throws(CaseReaderUnsupported) -> T {
            let start = c.i
            try c.skipValue()
            do { return try decode(try JSONParser.parse(c.bytes(from: start))) } catch { throw CaseReaderUnsupported() }
        }

        func document() throws(CaseReaderStop) -> (CaseDocument, duplicates: [Problem]) {
            guard format, version, let info else { throw .unsupported }
            var content = content
            content.info = info
            content.assets = assets
            return (CaseDocument(content: content, history: history), duplicates.flatMap { $0 })
        }
    }
}
