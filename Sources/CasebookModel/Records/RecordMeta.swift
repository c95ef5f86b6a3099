/// What every record carries besides its own fields: identity, times, marking and annotations.
public struct RecordMeta: Sendable, Hashable {
    /// Stable, unique within the case: a readable slug such as `inc-bithumb-2018` or a UUID.
    public var id: String
    /// ISO 8601 UTC times, e.g. `2026-11-22T06:15:27Z`.
    public var created: String
    public var modified: String
    /// Handling marking such as `TLP:AMBER`; nil means the case's own marking applies.
    public var marking: String?
    public var tags: [String]
    public var notes: [Note]
    /// Citations of Source records that back this record.
    public var sources: [Citation]

    /// Inlinable, as Transfer's reader init is: the reader's call does not cross modules.
    @inlinable public init(id: String, created: String, modified: String? = nil, marking: String? = nil,
                tags: [String] = [], notes: [Note] = [], sources: [Citation] = []) {
        self.id = id
        self.created = created
        self.modified = modified ?? created
        self.marking = marking
        self.tags = tags
        self.notes = notes
        self.sources = sources
    }
}

/// A dated note by a named author.
public struct Note: Sendable, Hashable {
    public var id: String
    public var author: String
    public var time: String
    public var text: String

    public init(id: String, author: String, time: String, text: String) {
        self.id = id
        self.author = author
        self.time = time
        self.text = text
    }
}

/// A pointer to a Source record, optionally to a place in it (page, paragraph, quote).
public struct Citation: Sendable, Hashable {
    public var source: String
    public var locator: String?

    public init(source: String, locator: String? = nil) {
        self.source = source
        self.locator = locator
    }
}

/// A claim that an actor is behind an incident or controls a wallet, with STIX-scale confidence.
public struct Attribution: Sendable, Hashable {
    public var actor: String
    /// 0-100 as in STIX 2.1 (see `ConfidenceLevel`), or `Attribution.unknownConfidence` when the
    /// source made the claim without stating a confidence (a STIX relationship with none).
    public var confidence: Int
    public var basis: String?
    public var sources: [Citation]

    public init(actor: String, confidence: Int, basis: String? = nil, sources: [Citation] = []) {
        self.actor = actor
        self.confidence = confidence
        self.basis = basis
        self.sources = sources
    }

    public var level: ConfidenceLevel { ConfidenceLevel(confidence) }

    /// STIX: "if the confidence property is not present, the confidence of the content is
    /// unspecified", which is not the same as 0 ("none"); the case file omits the field then.
    public static let unknownConfidence = -1

    public var isConfidenceKnown: Bool { confidence != Attribution.unknownConfidence }

    /// "high 90", or "unknown" when no confidence was stated.
    public var confidenceLabel: String { isConfidenceKnown ? "\(level.rawValue) \(confidence)" : "unknown" }
}

extension Array where Element == Attribution {
    /// The attribution with the highest confidence (the first of equals): what panes show.
    public var strongest: Attribution? {
        reduce(nil) { best, a in (best.map { a.confidence > $0.confidence } ?? true) ? a : best }
    }
}

/// The STIX 2.1 "None / Low / Med / High" scale: 0, 1-29, 30-69, 70-100; `unknown` when the
/// source stated none (`Attribution.unknownConfidence`).
public enum ConfidenceLevel: String, Sendable, CaseIterable {
    case unknown, none, low, moderate, high

    public init(_ value: Int) {
        switch value {
        case ..<0: self = .unknown
        case 0: self = .none
        case 1..<30: self = .low
        case 30..<70: self = .moderate
        default: self = .high
        }
    }
}

/// A record that shows in a pane and can be annotated.
public protocol CaseRecord: Sendable, Hashable {
    static var kind: RecordKind { get }
    var meta: RecordMeta { get set }
    /// A short human name used in labels and lists: "Bithumb hack (2018)".
    var displayName: String { get }
}

extension CaseRecord {
    public var id: String { meta.id }
    public var tags: [String] { meta.tags }
    public var notes: [Note] { meta.notes }
    public var sources: [Citation] { meta.sources }
}
