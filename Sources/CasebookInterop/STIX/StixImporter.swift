import CasebookModel
import CasebookStore

// STIX 2.0/2.1 -> Casebook. How objects map:
//   intrusion-set, threat-actor, identity -> actors (aliases kept; identity_class picks the kind)
//   incident, campaign                    -> incidents (campaign first_seen/last_seen -> started/ended)
//   attributed-to relationships           -> attributions (confidence from the relationship, else
//                                            unknown); between two actors -> the child's parent
//   targets (incident -> identity)        -> the incident's victim
//   uses (-> malware, tool, attack-pattern) -> one note per actor or incident listing them
//   note, opinion                         -> notes on the records they refer to
//   report                                -> a source, cited by the records it refers to
//   external_references                   -> sources, cited by their object (and aliases' sources)
//   marking-definition (TLP)              -> the record's marking
//   x-casebook-wallet, x-casebook-transfer and x_casebook_* properties: what `casebook export`
//   writes, read back exactly so a case survives the round trip.
// Records keep their STIX id as their Casebook id (or `x_casebook_id` when Casebook wrote it), so
// importing the same bundle again updates them. Every record cites the bundle itself as a source.

public struct StixImporter {
    var bundle: StixBundle
    let target: Case
    let fileName: String
    let now: String
    var batch = ImportBatch()
    var result = ImportResult()
    /// STIX id -> Casebook record id, for everything this import makes.
    var recordIDs: [String: String] = [:]
    var bundleSourceID = ""
    var identityNames: [String: String] = [:]
    /// What each imported actor or incident uses (malware, tools, techniques), for its note.
    var uses: [String: [StixObject]] = [:]
    /// Records the case already had that STIX objects were matched to by name: the case's own
    /// fields win over the bundle's, which only fill gaps.
    var adopted: Set<String> = []
    /// The bundle's own source is kept only if something cites it (a bundle `casebook export`
    /// wrote cites its real sources instead).
    var bundleSourceCited = false

    /// Reads `bytes` (a bundle from `fileName`) against `target`, the case it will go into.
    public static func read(_ bytes: [UInt8], fileName: String, into target: Case, now: String) throws(ImportError) -> (ImportBatch, ImportResult) {
        var importer = StixImporter(bundle: try StixBundle(bytes: bytes, file: fileName), target: target,
                                    fileName: fileName, now: now)
        importer.run()
        return (importer.batch, importer.result)
    }

    mutating func run() {
        result.failures = bundle.failures
        result.skipped = bundle.skipped
        result.notices = bundle.notices
        for o in bundle.of(["identity"]) { identityNames[o.id] = o.json.string("name") }
        assignIDs()
        makeBundleSource()
        for o in bundle.objects {
            do {
                switch o.type {
                case "intrusion-set", "threat-actor", "identity": try importActor(o)
                case "incident", "campaign": try importIncident(o)
                case "report": try importReport(o)
                case "x-casebook-wallet": try importWallet(o)
                case "relationship", "note", "opinion", "x-casebook-transfer", "marking-definition": break
                default: result.skipped["\(o.type) (not modelled)", default: 0] += 1
                }
            } catch {
                result.failures.append(error.issue)
            }
        }
        // Second pass: what refers to the records made above.
        for o in bundle.objects {
            do {
                switch o.type {
                case "relationship": try importRelationship(o)
                case "note", "opinion": try importNote(o)
                case "x-casebook-transfer": try importTransfer(o)
                case "report": try citeFromReport(o)
                default: break
                }
            } catch {
                result.failures.append(error.issue)
            }
        }
        addUsesNotes()
        if !bundleSourceCited { batch.remove(bundleSourceID) }
    }

    /// Record ids for the objects that become records, so references can be resolved in any order.
    mutating func assignIDs() {
        let types: Set = ["intrusion-set", "threat-actor", "identity", "incident", "campaign", "report",
                          "x-casebook-wallet", "x-casebook-transfer"]
        let actorTypes: Set = ["intrusion-set", "threat-actor", "identity"]
        var namesInCase: [String: [String]] = [:]
        for a in target.actors.values { namesInCase[a.name.lowercased(), default: []].append(a.id) }
        let producers = Set(bundle.objects.compactMap { $0.json.string("created_by_ref") })
        let referenced = Set(bundle.objects.flatMap { o in
            [o.json.string("source_ref"), o.json.string("target_ref")].compactMap { $0 } + ((try? o.strings("object_refs")) ?? [])
        })
        for o in bundle.objects where types.contains(o.type) {
            if o.type == "identity", producers.contains(o.id), !referenced.contains(o.id) {
                // The bundle's producer (MITRE): it becomes the bundle source's publisher, not an actor.
                result.skipped["identity of the bundle's producer (kept as the source's publisher)", default: 0] += 1
                continue
            }
            if let own = o.json.string("x_casebook_id") { recordIDs[o.id] = own; continue }
            // An actor the case already has under the same name is the same actor: the import adds
            // to it (aliases, sources, notes) instead of making a twin.
            if actorTypes.contains(o.type), target.record(id: o.id) == nil, let name = o.json.string("name"),
               let ids = namesInCase[name.lowercased()], ids.count == 1 {
                recordIDs[o.id] = ids[0]
                adopted.insert(ids[0])
                result.notices.append("\(name) (\(o.id)) is the case's actor \(ids[0]); the import adds to it")
                continue
            }
            recordIDs[o.id] = o.id
        }
    }

    /// The record a STIX reference points at: made by this import, or already in the case.
    func resolve(_ ref: String) -> String? {
        if let id = recordIDs[ref] { return id }
        if target.record(id: ref) != nil { return ref }
        return nil
    }

    /// Written by `casebook export`: its x_casebook_* properties are the record, exactly.
    func isCasebook(_ o: StixObject) -> Bool {
        o.has("x_casebook_version") || o.has("x_casebook_id") || o.type.hasPrefix("x-casebook-")
    }

    /// Created/modified from the object when they are times the case can hold, else now.
    mutating func meta(_ o: StixObject, id: String) throws(StixObjectError) -> RecordMeta {
        let created = o.time("x_casebook_created") ?? o.time("created") ?? now
        var m = RecordMeta(id: id, created: created, modified: o.time("x_casebook_modified") ?? o.time("modified") ?? created)
        m.marking = isCasebook(o) ? try o.optString("x_casebook_marking") : StixMarkings.marking(of: o, in: bundle)
        m.tags = try o.strings("x_casebook_tags")
        if !isCasebook(o) {
            bundleSourceCited = true
            m.tags = try o.strings("labels").map { StixText.slug($0, limit: 30) }
            m.sources = [Citation(source: bundleSourceID)] + (try citationsFromReferences(o))
        } else {
            m.sources = try casebookCitations(o, "x_casebook_sources")
        }
        return m
    }

    func casebookCitations(_ o: StixObject, _ key: String) throws(StixObjectError) -> [Citation] {
        try o.objects(key).map { (c: JSONObject) throws(StixObjectError) -> Citation in
            guard let ref = c.string("source") else { throw o.fail(key, "has an entry without \"source\"") }
            guard let source = resolve(ref) else { throw o.fail(key, "cites \(ref), which is neither in the bundle nor in the case") }
            return Citation(source: source, locator: c.string("locator"))
        }
    }
}
