import CasebookModel
import CasebookReport
import CasebookStore

// Casebook -> a STIX 2.1 bundle, one object per line. Standard objects carry what STIX can say;
// what it cannot (amounts, wallets, transfers, incident losses, a source's reliability) travels in
// documented custom properties and objects (`x_casebook_*`, `x-casebook-wallet`,
// `x-casebook-transfer`; see the README), so `casebook import` reads the bundle back to the same
// case while other STIX tools still see actors, incidents, attributions, notes and reports.
//   actor    -> intrusion-set (group, unit), threat-actor (state, person) or identity (others)
//   incident -> incident; each attribution -> an attributed-to relationship with its confidence;
//               the victim -> a targets relationship
//   source   -> report, its object_refs the records that cite it (or the case's grouping)
//   note     -> note; marking -> object_marking_refs to the TLP 2.0 marking definitions
//   the case -> a grouping of everything exported
// A record imported from STIX keeps its STIX id; others get a stable name-based id.

public struct StixExporter {
    let c: Case
    let now: String
    /// Records left out because of `maxMarking`, and what was left out with them.
    public private(set) var withheld = 0
    var stixIDs: [String: String] = [:]
    /// Objects made and not yet handed to the sink, each but the first of the bundle after ",\n".
    var body = ""
    var anyObject = false
    var sink: ((String) throws -> Void)?
    var sinkError: (any Error)?
    /// The latest modified time of the records written (the grouping's own).
    var latestModified: String?
    var citedBy: [String: [String]] = [:]
    var emittedNotes = Set<String>()

    /// Marks an object as written by Casebook (and which version of these properties it uses), so
    /// `casebook import` reads its x_casebook_* properties as the record itself.
    public static let extensionVersion = 1

    /// `write` hands the text on in pieces of about this many bytes (a piece ends after the
    /// object that reaches it).
    public var pieceSize = 8 << 20

    public init(_ c: Case, maxMarking: TLP? = nil, now: String) {
        // The same withholding as the JSON and CSV exports: records above the marking go, with
        // every reference to them (a transfer between withheld wallets goes too).
        let (shared, withheld) = CaseExport.filtered(c, maxMarking: maxMarking)
        self.c = shared
        self.withheld = withheld
        self.now = StixText.precise(now) ?? now
        for kind in RecordKind.allCases {
            shared.forEachRecord(of: kind) { r in stixIDs[r.id] = Self.stixID(for: r) }
        }
    }

    /// The bundle as text: `{"type":"bundle",...,"objects":[` then one object per line.
    public mutating func bundle() -> String {
        var out = ""
        // Appending to a String cannot fail.
        try! write { out += $0 }
        return out
    }

    /// Hands the bundle's text to `write` in pieces of about `pieceSize`, in order: the same text as
    /// `bundle()`, never held whole (a million transfers make 1.3 GB of it). Rethrows the first
    /// error `write` throws, after which nothing more is handed to it.
    public mutating func write(_ write: (String) throws -> Void) throws {
        // Kept in `sink` while this runs (emit hands it pieces), and let go before it returns.
        try withoutActuallyEscaping(write) { write in
            sink = write
            defer { sink = nil }
            try writeBundle()
        }
    }

    private mutating func writeBundle() throws {
        sinkError = nil
        body = ""
        anyObject = false
        emittedNotes = []
        latestModified = nil
        citedBy = citingRecords()
        let bundleID = StixText.stixID(type: "bundle", for: c.info.title + "|" + c.info.created)
        body = "{\"type\":\"bundle\",\"id\":\"\(bundleID)\",\"objects\":[\n"
        // The marking definitions first (highest level first), so every level the records carry
        // is found before they are written; then the records, then the grouping.
        for level in markingLevels().sorted().reversed() { emit(StixMarkings.definition(level)) }
        for kind in RecordKind.allCases {
            c.forEachRecord(of: kind) { r in export(r) }
        }
        if !stixIDs.isEmpty { emit(grouping()) }
        body += anyObject ? "\n]}\n" : "]}\n"
        flush()
        if let sinkError { throw sinkError }
    }

    /// Writes one object of the bundle.
    mutating func emit(_ o: JSONObject) { emit(.object(o)) }

    mutating func emit(_ value: JSONValue) {
        if anyObject { body += ",\n" }
        anyObject = true
        JSONWriter.write(value, into: &body)
        if body.utf8.count >= pieceSize { flush() }
    }

    /// Hands what is made to the sink.
    mutating func flush() {
        guard let sink, !body.isEmpty else { return }
        if sinkError == nil {
            do { try sink(body) } catch { sinkError = error }
        }
        body.removeAll(keepingCapacity: true)
    }

    /// The TLP levels the records' markings come to (`common` marks each record with its own).
    func markingLevels() -> Set<TLP> {
        var out = Set<TLP>()
        for kind in RecordKind.allCases {
            c.forEachRecord(of: kind) { r in
                if r.meta.marking != nil || c.info.marking != nil { out.insert(TLP.level(of: r.meta.marking ?? c.info.marking)) }
            }
        }
        return out
    }

    static func stixID(for r: AnyRecord) -> String {
        let allowed: Set<String>
        let type: String
        switch r {
        case .actor(let a):
            allowed = ["intrusion-set", "threat-actor", "identity"]
            switch a.kind {
            case .group, .unit: type = "intrusion-set"
            case .state, .person: type = "threat-actor"
            default: type = "identity"
            }
        case .incident: allowed = ["incident", "campaign"]; type = "incident"
        case .source: allowed = ["report"]; type = "report"
        case .wallet: allowed = ["x-casebook-wallet"]; type = "x-casebook-wallet"
        case .transfer: allowed = ["x-casebook-transfer"]; type = "x-casebook-transfer"
        }
        if StixText.isStixID(r.id, types: allowed) { return r.id }
        return StixText.stixID(type: type, for: r.id)
    }

    func ref(_ recordID: String?) -> String? { recordID.flatMap { stixIDs[$0] } }

    /// type, spec_version, id, created, modified, markings, labels and Casebook's own meta.
    mutating func common(_ r: AnyRecord) -> JSONObject {
        let id = stixIDs[r.id]!
        var o = JSONObject()
        o.add("type", StixText.type(ofID: id))
        o.add("spec_version", "2.1")
        o.add("id", id)
        let created = StixText.precise(r.meta.created) ?? now
        let precise = StixText.precise(r.meta.modified)
        if let precise, precise > (latestModified ?? "") { latestModified = precise }
        let modified = precise ?? created
        o.add("created", created)
        o.add("modified", modified)
        let level = TLP.level(of: r.meta.marking ?? c.info.marking)
        if r.meta.marking != nil || c.info.marking != nil {
            o.add("object_marking_refs", array: [.string(StixMarkings.tlp2IDs[level]!)])
        }
        o.add("labels", array: r.meta.tags.map(JSONValue.string))
        o.add("external_references", array: r.meta.sources.compactMap(externalReference))
        if r.id != id { o.add("x_casebook_id", r.id) }
        // STIX wants milliseconds; the case's own spelling of the times comes back exactly.
        if created != r.meta.created { o.add("x_casebook_created", r.meta.created) }
        if modified != r.meta.modified { o.add("x_casebook_modified", r.meta.modified) }
        o.add("x_casebook_marking", r.meta.marking)
        o.add("x_casebook_tags", array: r.meta.tags.map(JSONValue.string))
        o.add("x_casebook_sources", array: citations(r.meta.sources))
        o.add("x_casebook_version", .number(String(Self.extensionVersion)))
        return o
    }

    func citations(_ list: [Citation]) -> [JSONValue] {
        list.compactMap { cite in
            guard let source = ref(cite.source) else { return nil }
            var o = JSONObject()
            o.add("source", source)
            o.add("locator", cite.locator)
            return .object(o)
        }
    }

    /// A citation as a plain STIX external reference, for tools that do not follow reports.
    func externalReference(_ cite: Citation) -> JSONValue? {
        guard let s = c.sources[cite.source] else { return nil }
        var o = JSONObject()
        o.add("source_name", s.title)
        o.add("description", cite.locator)
        o.add("url", s.url)
        o.add("external_id", s.id)
        return .object(o)
    }
}
