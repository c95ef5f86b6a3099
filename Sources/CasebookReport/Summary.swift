// A case summary as a model: every section, table and total of the printed summary, computed
// once from the records so the text, Markdown and HTML forms cannot disagree. Strings here are
// raw case data (untrusted); each renderer makes them safe for its own form.
// Amounts are ExactDecimal throughout: totals add up to the smallest unit of their asset.

import CasebookModel

/// What the caller decides: who and when (passed in so goldens are stable), and the marking limit.
public struct SummaryOptions: Sendable {
    public var generated: String
    public var author: String
    /// Records whose marking (or, unmarked, the case's) is above this are left out; nil keeps all.
    public var maxMarking: TLP?

    public init(generated: String, author: String, maxMarking: TLP? = nil) {
        self.generated = generated
        self.author = author
        self.maxMarking = maxMarking
    }
}

/// An amount of one asset.
public struct AssetAmount: Sendable, Hashable {
    public var asset: String
    public var amount: ExactDecimal
    public init(asset: String, amount: ExactDecimal) { self.asset = asset; self.amount = amount }
}

/// A labelled USD total with the number of incidents in it.
public struct USDGroup: Sendable, Hashable {
    public var label: String
    public var usd: ExactDecimal
    public var incidents: Int
}

public struct KeyFigures: Sendable {
    /// Incidents in the summary, aggregate ones included.
    public var incidentCount = 0
    public var aggregateCount = 0
    /// Stated USD losses of the non-aggregate incidents.
    public var totalUSD = ExactDecimal.zero
    /// Non-aggregate incidents with no USD figure (counted in the groups, adding nothing).
    public var incidentsWithoutUSD = 0
    /// Losses per asset of the non-aggregate incidents, by asset code.
    public var perAsset: [AssetAmount] = []
    public var attributedUSD = ExactDecimal.zero
    public var unattributedUSD = ExactDecimal.zero
    /// By the actor of each incident's strongest attribution; largest first.
    public var byActor: [USDGroup] = []
    /// By the year the incident started ("unknown" last).
    public var byYear: [USDGroup] = []
    /// Aggregate incidents: listed with their figure, never added in.
    public var aggregates: [USDGroup] = []
}

public struct IncidentRow: Sendable {
    public var id: String
    public var date: String
    public var title: String
    public var victim: String
    public var kind: String
    public var usd: ExactDecimal?
    public var losses: [AssetAmount]
    public var status: String
    /// "Lazarus Group (high 70)", strongest first.
    public var attributions: [String]
    public var isAggregate: Bool
    public var notes: [Int]
}

public struct ActorRow: Sendable {
    public var name: String
    public var aliases: [String]
    public var kind: String
    public var country: String
    public var sanctions: [String]
    public var incidentsAttributed: Int
    /// USD of the non-aggregate incidents whose strongest attribution is this actor.
    public var totalUSD: ExactDecimal
    public var notes: [Int]
}

/// Where one incident's money went, in one asset.
public struct FlowRow: Sendable {
    public var incident: String
    public var asset: String
    public var stolen = ExactDecimal.zero
    public var movedOn = ExactDecimal.zero
    public var cashedOut = ExactDecimal.zero
    public var held = ExactDecimal.zero
    public var inMixers = ExactDecimal.zero
    public var spent = ExactDecimal.zero
    /// The bases of the transfers counted (observed, reported, inferred, illustrative).
    public var basis: [String] = []
    public var notes: [Int] = []

    /// Stolen less what reached an end (cashed out, held, mixed, spent). Swaps move value from
    /// one asset to another, so this can be negative for the asset swapped into.
    public var unexplained: ExactDecimal { stolen - cashedOut - held - inMixers - spent }
}

public struct NoteRow: Sendable {
    public var record: String
    public var author: String
    public var time: String
    public var text: String
}

public struct SourceRow: Sendable {
    public var number: Int
    public var id: String
    public var title: String
    public var publisher: String?
    public var date: String?
    public var reliability: Reliability?
    public var url: String?
    /// False for sources no row in the summary cites.
    public var cited: Bool
}

public struct Summary: Sendable {
    public var title: String
    public var marking: String
    public var caseSummary: String?
    public var generated: String
    public var author: String
    /// First 16 hex digits of the SHA-256 of the canonical case text.
    public var fingerprint: String
    public var maxMarking: TLP?
    /// Records left out for being marked above `maxMarking`.
    public var omitted = 0
    public var figures = KeyFigures()
    public var incidents: [IncidentRow] = []
    public var actors: [ActorRow] = []
    public var flows: [FlowRow] = []
    public var annotations: [NoteRow] = []
    /// Tags with the number of records carrying each.
    public var tags: [(tag: String, count: Int)] = []
    public var sources: [SourceRow] = []
    /// `validate()` problems, as text.
    public var problems: [String] = []
}
