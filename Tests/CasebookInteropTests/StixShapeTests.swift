import CasebookInterop
import CasebookModel
import CasebookStore
import Testing

/// The rules of the STIX 2.1 JSON schemas an export must keep (checked in full by the OASIS
/// schemas by hand, see the README): ids, versions, millisecond timestamps, required properties,
/// custom names, no empty lists.
@Suite("STIX export shape")
struct StixShapeTests {
    static let objects: [JSONObject] = {
        var exporter = StixExporter(RoundTripTests.richCase(), now: "2026-11-22T09:00:00Z")
        guard case .object(let bundle) = try! JSONParser.parse(exporter.bundle()),
              case .array(let list)? = bundle["objects"] else { return [] }
        return list.compactMap { if case .object(let o) = $0 { o } else { nil } }
    }()

    func string(_ o: JSONObject, _ key: String) -> String? { if case .string(let s)? = o[key] { s } else { nil } }

    @Test("every object has a type, a type--UUID id, spec_version 2.1 and millisecond timestamps")
    func core() {
        #expect(Self.objects.count > 400)
        let uuid = /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        let stamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/
        for o in Self.objects {
            let type = string(o, "type") ?? ""
            let id = string(o, "id") ?? ""
            #expect(id.wholeMatch(of: uuid) != nil && id.hasPrefix(type + "--"), "\(id)")
            #expect(string(o, "spec_version") == "2.1", "\(id)")
            #expect(string(o, "created")?.wholeMatch(of: stamp) != nil, "\(id) created")
            if type != "marking-definition" { #expect(string(o, "modified")?.wholeMatch(of: stamp) != nil, "\(id) modified") }
        }
    }

    @Test("required properties are there, custom ones are named x_casebook_*, and no list is empty")
    func properties() {
        let standard: Set = ["type", "spec_version", "id", "created", "modified", "name", "description", "aliases", "labels",
                             "object_marking_refs", "external_references", "identity_class", "threat_actor_types",
                             "relationship_type", "source_ref", "target_ref", "confidence", "published", "object_refs",
                             "content", "authors", "context", "extensions", "chain", "address", "label", "time", "from_ref",
                             "to_ref", "asset", "amount", "usd", "rate_source", "tx_hash", "incident_ref", "transfer_kind", "basis"]
        for o in Self.objects {
            let type = string(o, "type") ?? ""
            switch type {
            case "relationship": for k in ["relationship_type", "source_ref", "target_ref"] { #expect(o[k] != nil, "\(k)") }
            case "report": for k in ["name", "published", "object_refs"] { #expect(o[k] != nil, "report \(k)") }
            case "note": for k in ["content", "object_refs"] { #expect(o[k] != nil, "note \(k)") }
            case "grouping": for k in ["context", "object_refs"] { #expect(o[k] != nil, "grouping \(k)") }
            case "intrusion-set", "threat-actor", "identity", "incident": #expect(o["name"] != nil)
            default: #expect(type == "marking-definition" || type.hasPrefix("x-casebook-"), "\(type)")
            }
            for pair in o.pairs {
                #expect(standard.contains(pair.key) || pair.key.wholeMatch(of: /x_casebook_[a-z_]+/) != nil, "\(type).\(pair.key)")
                if case .array(let a) = pair.value { #expect(!a.isEmpty, "\(type).\(pair.key) is an empty list") }
            }
        }
    }

    @Test("attributions carry their confidence, and an unknown one is left out")
    func confidence() {
        let rels = Self.objects.filter { string($0, "relationship_type") == "attributed-to" }
        #expect(rels.contains { if case .number("90")? = $0["confidence"] { true } else { false } } || rels.contains { $0["confidence"] != nil })
        #expect(rels.contains { $0["confidence"] == nil && string($0, "x_casebook_basis") == "named in the complaint" })
    }
}
