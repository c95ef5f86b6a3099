import ArgumentParser
import CasebookModel
import CasebookStore

enum ListKind: String, ExpressibleByArgument, CaseIterable {
    case incidents, actors, wallets, transfers, sources
    var kind: RecordKind { RecordKind(plural: rawValue)! }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the incidents, actors, wallets, transfers or sources of a case."
    )

    @Argument(help: "The case file.") var file: String
    @Argument(help: "What to list: \(ListKind.allCases.map(\.rawValue).joined(separator: ", ")).") var what: ListKind
    @Option(help: "table (for people) or json (one record per line, for jq).") var format: OutputFormat = .table

    func run() throws {
        let c = try Session.read(file).content
        let records = Listing.ordered(c, what.kind)
        switch format {
        case .json:
            let lines = records.map(CaseCoding.json)
            say(lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n]")
        case .table:
            say(Listing.table(c, what.kind, records).render(), terminator: "")
        }
    }
}

/// The tables `list` prints: the columns an investigator scans, in a sensible order.
enum Listing {
    /// Incidents by start date, transfers by time, the rest by id.
    static func ordered(_ c: Case, _ kind: RecordKind) -> [AnyRecord] {
        let records = c.records(of: kind)
        switch kind {
        case .incident:
            return records.sorted { sortKey($0) < sortKey($1) }
        case .transfer:
            return records.sorted { sortKey($0) < sortKey($1) }
        default:
            return records
        }
    }

    private static func sortKey(_ r: AnyRecord) -> String {
        switch r {
        case .incident(let i): (i.started ?? "9999") + "\u{0}" + i.id
        case .transfer(let t): t.time + "\u{0}" + t.id
        default: r.id
        }
    }

    static func name(_ c: Case, _ id: String?) -> String? {
        guard let id else { return nil }
        return c.record(id: id)?.displayName ?? id
    }

    static func attribution(_ c: Case, _ a: Attribution?) -> String? {
        guard let a else { return nil }
        return "\(name(c, a.actor) ?? a.actor) (" + (a.isConfidenceKnown ? "\(a.level.rawValue), \(a.confidence)" : "confidence unknown") + ")"
    }

    static func table(_ c: Case, _ kind: RecordKind, _ records: [AnyRecord]) -> Table {
        var t: Table
        switch kind {
        case .incident:
            t = Table("ID", "STARTED", "TITLE", "VICTIM", "KIND", "LOSS USD", "ATTRIBUTION", "STATUS")
            t.rightAligned = [5]
            for case .incident(let i) in records {
                t.add([i.id, i.started, i.title, name(c, i.victim), i.kind.rawValue, i.lossUSD?.formatted(minScale: 2),
                       attribution(c, i.strongestAttribution), i.status.rawValue])
            }
        case .actor:
            t = Table("ID", "NAME", "KIND", "COUNTRY", "ALIASES", "SANCTIONS")
            for case .actor(let a) in records {
                t.add([a.id, a.name, a.kind.rawValue, a.country, a.aliases.map(\.name).joined(separator: ", "),
                       a.sanctions.map { "\($0.authority) \($0.programme)" }.joined(separator: "; ")])
            }
        case .wallet:
            t = Table("ID", "CHAIN", "ADDRESS", "LABEL", "OWNER")
            t.maxWidth = 70
            for case .wallet(let w) in records {
                t.add([w.id, w.chain, w.address, w.label, attribution(c, w.attributions.strongest)])
            }
        case .transfer:
            t = Table("ID", "TIME", "FROM", "TO", "ASSET", "AMOUNT", "USD", "INCIDENT", "KIND", "BASIS")
            t.rightAligned = [5, 6]
            t.maxWidth = 32
            for case .transfer(let x) in records {
                t.add([x.id, x.time, name(c, x.from), name(c, x.to), x.asset, x.amount.formatted(),
                       x.usd?.formatted(minScale: 2), x.incident, x.kind.rawValue, x.basis.rawValue])
            }
        case .source:
            t = Table("ID", "DATE", "REL", "TITLE", "PUBLISHER")
            t.maxWidth = 60
            for case .source(let s) in records {
                t.add([s.id, s.date, s.reliability?.rawValue, s.title, s.publisher])
            }
        }
        return t
    }
}
