import CasebookModel

// The case file, as written:
//
//   {"format":"casebook","version":1,
//   "case":{"title":"...","marking":"TLP:AMBER","created":"..."},
//   "assets":[],
//   "sources":[
//   {"id":"src-ft-2019",...},
//   {"id":"src-rusi-2019",...}
//   ],
//   ... incidents, actors, wallets, transfers ...
//   "history":[
//   {"seq":1,"op":"edit",...}
//   ]}
//
// Records sorted by id, one per line, so a change to one record is a one-line diff; transfers
// by time and then id, the ledger's order, so a case opens with its ledger in order (a transfer
// whose time changes moves to its new line). Reading
// checks the format version first: newer is refused, older is migrated (see Migrations).

/// A case and its history: what a case file holds.
public struct CaseDocument: Sendable, Equatable {
    public var content: Case
    public var history: History

    public init(content: Case, history: History = History()) {
        self.content = content
        self.history = history
    }
}

public enum CaseCoding {
    public static let formatName = "casebook"
    public static let currentVersion = 1

    public static func encode(_ info: CaseInfo) -> JSONValue {
        var o = JSONObject()
        o.add("title", info.title)
        o.add("marking", info.marking)
        o.add("summary", info.summary)
        o.add("created", info.created)
        return .object(o)
    }

    static func decodeInfo(_ value: JSONValue, path: String) throws(FormatError) -> CaseInfo {
        var r = try FieldReader(value, path: path)
        let info = CaseInfo(title: try r.string("title"), marking: try r.optString("marking"),
                            summary: try r.optString("summary"), created: try r.string("created"))
        try r.finish()
        return info
    }

    static func decodeAsset(_ a: inout FieldReader) throws(FormatError) -> Asset {
        Asset(code: try a.string("code"), precision: try a.int("precision"), name: try a.optString("name") ?? "")
    }

    /// The canonical text of a case file: byte-for-byte the same for the same document.
    public static func encode(_ doc: CaseDocument) -> String {
        String(decoding: CaseWriter.encode(doc), as: UTF8.self)
    }

    /// The canonical text's UTF-8 bytes, in pieces to be used one after the other (no joined
    /// copy of a large case): for hashing or writing without building one String.
    public static func encodedChunks(_ doc: CaseDocument) -> [[UInt8]] {
        CaseWriter.chunks(doc)
    }

    /// Gives the canonical text's UTF-8 bytes to `sink` in order, a few megabytes at a time,
    /// encoding on two threads while the sink works: for hashing or writing a large case with
    /// neither one String nor all its bytes in memory. A piece is valid only during its call.
    public static func encode<E: Error>(_ doc: CaseDocument, into sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        try CaseWriter.write(doc, sink: sink)
    }

    /// The canonical text built the original way, through JSONValue and JSONWriter: what
    /// CaseWriter's bytes are tested against.
    static func referenceEncode(_ doc: CaseDocument) -> String {
        var out = "{\"format\":\"\(formatName)\",\"version\":\(currentVersion),\n\"case\":"
        JSONWriter.write(encode(doc.content.info), into: &out)
        out += ",\n"
        func list(_ name: String, _ lines: [JSONValue], last: Bool = false) {
            out += "\"\(name)\":["
            if !lines.isEmpty {
                out += "\n"
                for (k, v) in lines.enumerated() {
                    JSONWriter.write(v, into: &out)
                    out += k == lines.count - 1 ? "\n" : ",\n"
                }
            }
            out += last ? "]}\n" : "],\n"
        }
        list("assets", doc.content.assets.sorted { $0.code < $1.code }.map { a in
            var o = JSONObject()
            o.add("code", a.code)
            o.add("precision", .number(String(a.precision)))
            o.add("name", a.name)
            return .object(o)
        })
        for kind in RecordKind.allCases where kind != .transfer {
            list(kind.plural, doc.content.records(of: kind).map(RecordCoding.encode))
        }
        let transfers = doc.content.transfers.values
        list(RecordKind.transfer.plural, transfers.indices.sorted { transfers[$0].precedes(transfers[$1]) }
            .map { RecordCoding.encode(.transfer(transfers[$0])) })
        list("history", doc.history.entries.map(EditCoding.encode), last: true)
        return out
    }

    /// Reads a case file's JSON. Within-kind duplicate ids are not fatal here: the later record is
    /// set aside and reported in `duplicates`, so `check` can list them (the store refuses to
    /// write such a case, so nothing is lost).
    public static func decode(_ root: JSONValue) throws(FormatError) -> (CaseDocument, duplicates: [Problem]) {
        var r = try FieldReader(root, path: "")
        guard try r.optString("format") == formatName else {
            throw FormatError(line: 1, path: "", message: "is not a Casebook case (no \"format\": \"casebook\")")
        }
        let version = try r.int("version")
        guard version <= currentVersion else {
            throw FormatError(line: 1, path: "version", message: "is \(version), written by a newer Casebook; this one reads format version \(currentVersion) and older. Upgrade Casebook to open it.")
        }
        guard version >= 1 else { throw FormatError(line: 1, path: "version", message: "\(version) is not a format version") }
        // Version 1 is the first format; later versions add migrations here, oldest first.

        guard let infoValue = r.raw("case") else { throw r.fail("case", "is missing") }
        var content = Case(info: try decodeInfo(infoValue, path: "case"))
        content.assets = try r.objects("assets", decodeAsset)
        var duplicates: [Problem] = []
        for kind in RecordKind.allCases {
            let values = try r.array(kind.plural)
            content.reserveCapacity(values.count, for: kind)
            for (i, v) in values.enumerated() {
                let record = try RecordCoding.decode(v, kind: kind, path: "\(kind.plural)[\(i)]")
                if !content.insertLoaded(record) {
                    let line: Int = if case .object(let o) = v { o.line } else { 0 }
                    duplicates.append(Problem(recordID: record.id, field: "id",
                                              message: "appears twice among \(kind.plural) (again at line \(line))"))
                }
            }
        }
        var history = History()
        for (i, v) in try r.array("history").enumerated() {
            let entry = try EditCoding.decode(v, path: "history[\(i)]", history: history)
            do { try history.append(entry) } catch {
                let line: Int = if case .object(let o) = v { o.line } else { 0 }
                throw FormatError(line: line, path: "history[\(i)]", message: error.message)
            }
        }
        if let unknown = r.firstUnusedKey {
            let known = RecordKind.allCases.map(\.plural).joined(separator: ", ")
            throw FormatError(line: 0, path: unknown, message: "is not a known record kind or section (records go in \(known))")
        }
        return (CaseDocument(content: content, history: history), duplicates)
    }
}

extension CaseCoding {
    /// Parses and decodes case-file text in one step; duplicate ids are an error here.
    public static func decode(text: String) throws -> CaseDocument {
        let (doc, duplicates) = try decode(JSONParser.parse(text))
        if let first = duplicates.first { throw FormatError(line: 0, path: first.recordID, message: first.message) }
        return doc
    }

    /// One record as the case file writes it (a single line of JSON).
    public static func json(_ record: AnyRecord) -> String { JSONWriter.string(RecordCoding.encode(record)) }

    /// One history entry as the case file and journal write it.
    public static func json(_ entry: HistoryEntry) -> String { JSONWriter.string(EditCoding.encode(entry)) }
}
