import CasebookModel
import CasebookStore

// Reads a STIX 2.0 or 2.1 bundle (or a bare array of objects) into StixObjects keyed by id.
// STIX lets a bundle carry several versions of one object: the one with the latest `modified` is
// kept and the others are counted. Revoked objects (and ATT&CK's deprecated ones) are left out
// and counted. An object whose `type` or `id` is missing is a failure naming its place; nothing
// about one object stops the others.

struct StixBundle: Sendable {
    var id: String?
    var specVersion: String?
    /// Objects in file order (after dropping older versions), by id.
    var objects: [StixObject] = []
    var byID: [String: StixObject] = [:]
    var skipped: [String: Int] = [:]
    var failures: [ImportIssue] = []
    var notices: [String] = []
    /// Ids left out on purpose (revoked, deprecated): what refers to them is skipped, not failed.
    var leftOut: Set<String> = []

    static let maxObjects = 2_000_000

    init(bytes: [UInt8], file: String) throws(ImportError) {
        let root: JSONValue
        // A byte-order mark is not JSON, but editors on some systems write one.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do { root = try JSONParser.parse(body) } catch {
            throw ImportError("\(file):\(error.line):\(error.column): \(error.message)")
        }
        let items: [JSONValue]
        switch root {
        case .object(let o):
            guard case .string(let type)? = o["type"] else {
                throw ImportError("\(file): is not a STIX bundle (the top-level object has no \"type\")")
            }
            if type == "bundle" {
                guard case .array(let list)? = o["objects"] else {
                    if o["objects"] == nil { items = []; break }
                    throw ImportError("\(file):\(o.line): the bundle's \"objects\" is not an array")
                }
                items = list
                if case .string(let i)? = o["id"] { id = i }
                if case .string(let v)? = o["spec_version"] { specVersion = v }
            } else {
                items = [root]
            }
        case .array(let list):
            items = list
        default:
            throw ImportError("\(file): is not a STIX bundle (expected an object with \"type\": \"bundle\")")
        }
        guard items.count <= Self.maxObjects else {
            throw ImportError("\(file): holds \(items.count) objects; Casebook imports at most \(Self.maxObjects) at a time")
        }
        var versions = 0
        for (k, item) in items.enumerated() {
            let object: StixObject
            do { object = try StixObject(item, index: k) } catch {
                failures.append(error.issue)
                continue
            }
            if let held = byID[object.id] {
                versions += 1
                // Compared as STIX timestamps (…00Z and …00.500Z are different lengths of text).
                func stamp(_ o: StixObject) -> String { StixText.precise(o.time("modified")) ?? "" }
                let newer = stamp(object) > stamp(held)
                if newer { byID[object.id] = object }
                continue
            }
            byID[object.id] = object
            objects.append(object)
        }
        if versions > 0 {
            notices.append("\(versions) object\(versions == 1 ? "" : "s") appeared more than once; the newest version (latest \"modified\") of each was kept")
            objects = objects.map { byID[$0.id]! }
        }
        let dropped = objects.filter { o in
            if case .bool(true)? = o.json["revoked"] { skipped["revoked", default: 0] += 1; return true }
            if case .bool(true)? = o.json["x_mitre_deprecated"] { skipped["deprecated", default: 0] += 1; return true }
            return false
        }
        if !dropped.isEmpty {
            leftOut = Set(dropped.map(\.id))
            objects.removeAll { leftOut.contains($0.id) }
            for id in leftOut { byID[id] = nil }
        }
    }

    func of(_ types: Set<String>) -> [StixObject] { objects.filter { types.contains($0.type) } }
}
