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
    var included: [String: AnyRecord] = [:]
    var stixIDs: [String: String] = [:]
    /// The objects written so far, each followed by ",\n": written as they are made rather than
    /// kept as JSON values until the end (which held 280 MB more at 100,000 transfers).
    var body = ""
    var levels = Set<TLP>()
    var citedBy: [String: [String]] = [:]
    var emittedNotes = Set<String>()

    /// Marks an object as written by Casebook (and which version of these properties it uses), so
    /// `casebook import` reads its x_casebook_* properties as the record itself.
    public static let extensionVersion = 1

    public init(_ c: Case, maxMarking: TLP? = nil, now: String) {
        // The same withholding as the JSON and CSV exports: records above the marking go, with
        // every reference to them (a transfer between withheld wallets goes too).
        let (shared, withheld) = CaseExport.filtered(c, maxMarking: maxMarking)
        self.c = shared
        self.withheld = withheld
        self.now = StixText.precise(now) ?? now
        for kind in RecordKind.allCases {
            for r in shared.records(of: kind) { included[r.id] = r }
        }
        for r in included.values { stixIDs[r.id] = Self.stixID(for: r) }
    }

    /// The bundle as text: `{"type":"bundle",...,"objects":[` then one object per line.
    public mutating func bundle() -> String {
        body = ""
        emittedNotes = []
        citedBy = citingRecords()
        for kind in RecordKind.allCases {
            for r in c.records(of: kind) where included[r.id] != nil { export(r) }
        }
        let bundleID = StixText.stixID(type: "bundle", for: c.info.title + "|" + c.info.created)
        var out = "{\"type\":\"bundle\",\"id\":\"\(bundleID)\",\"objects\":[\n"
        // The marking definitions first (highest level first), then the records, then the grouping.
        for level in levels.sorted().reversed() {
            JSONWriter.write(StixMarkings.definition(level), into: &out)
            out += ",\n"
        }
        out += body
        body = ""
        if !stixIDs.isEmpty {
            JSONWriter.write(grouping(), into: &out)
            out += ",\n"
        }
        if out.hasSuffix(",\n") { out.removeLast(2); out += "\n" }
        out += "]}\n"
        return out
    }

    /// Writes one object of the bundle.
    mutating func emit(_ o: JSONObject) {
        JSONWriter.write(.object(o), into: &body)
        body += ",\n"
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
        let modified = StixText.precise(r.meta.modified) ?? created
        o.add("created", created)
        o.add("modified", modified)
        let level = TLP.level(of: r.meta.marking ?? c.info.marking)
        if r.meta.marking != nil || c.info.marking != nil {
            levels.insert(level)
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
        guard case .source(let s)? = included[cite.source] else { return nil }
        var o = JSONObject()
        o.add("source_name", s.title)
        o.add("description", cite.locator)
        o.add("url", s.url)
        o.add("external_id", s.id)
        return .object(o)
    }
}
