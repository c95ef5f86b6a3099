/// What every record carries besides its own fields: identity, times, marking and annotations.
public struct RecordMeta: Sendable, Hashable {
    // The marking and the annotations (tags, notes, citations) are kept together in one shared
    // box, absent while all are empty, as they are for most of a big case's records: a record is
    // then 32 bytes smaller, and copying or dropping one retains and releases one reference
    // fewer for each of them. Reading a field reads the box; changing one copies the box first
    // if another record shares it (copy on write), so RecordMeta keeps value semantics. Setting
    // an empty value where there is no box makes none (an export sets every record's citations).

    /// Stable, unique within the case: a readable slug such as `inc-bithumb-2018` or a UUID.
    public var id: String
    /// ISO 8601 UTC times, e.g. `2026-11-22T06:15:27Z`.
    public var created: String
    public var modified: String
    @usableFromInline var extras: RecordExtrasBox?

    /// Inlinable, as Transfer's reader init is: the reader's call does not cross modules.
    @inlinable public init(id: String, created: String, modified: String? = nil, marking: String? = nil,
                tags: [String] = [], notes: [Note] = [], sources: [Citation] = []) {
        self.id = id
        self.created = created
        self.modified = modified ?? created
        let extras = RecordExtras(marking: marking, tags: tags, notes: notes, sources: sources)
        self.extras = extras.isEmpty ? nil : RecordExtrasBox(extras)
    }

    /// A record with no marking and no annotations, as the case reader makes most of a big
    /// case's records: no box is made, nor its fields checked.
    @inlinable package init(unannotated id: String, created: String, modified: String?) {
        self.id = id
        self.created = created
        self.modified = modified ?? created
        extras = nil
    }

    /// No marking and no annotations (as most records of a big case): read where the record
    /// lies, without a call across modules (a getter's call copies the meta it is asked of).
    @inlinable package var isUnannotated: Bool { extras == nil }

    /// Handling marking such as `TLP:AMBER`; nil means the case's own marking applies.
    public var marking: String? {
        get { extras?.value.marking }
        set { if !(newValue == nil && extras == nil) { extrasForChange.marking = newValue; settle() } }
        _modify { defer { settle() }; yield &extrasForChange.marking }
    }

    public var tags: [String] {
        get { extras?.value.tags ?? [] }
        set { if !(newValue.isEmpty && extras == nil) { extrasForChange.tags = newValue; settle() } }
        _modify { defer { settle() }; yield &extrasForChange.tags }
    }

    public var notes: [Note] {
        get { extras?.value.notes ?? [] }
        set { if !(newValue.isEmpty && extras == nil) { extrasForChange.notes = newValue; settle() } }
        _modify { defer { settle() }; yield &extrasForChange.notes }
    }

    /// Citations of Source records that back this record.
    public var sources: [Citation] {
        get { extras?.value.sources ?? [] }
        set { if !(newValue.isEmpty && extras == nil) { extrasForChange.sources = newValue; settle() } }
        _modify { defer { settle() }; yield &extrasForChange.sources }
    }

    /// The box's fields, made this record's own (a new box, or a copy of a shared one).
    private var extrasForChange: RecordExtras {
        get { extras?.value ?? RecordExtras() }
        _modify {
            if extras == nil {
                extras = RecordExtrasBox(RecordExtras())
            } else if !isKnownUniquelyReferenced(&extras!) {
                extras = RecordExtrasBox(extras!.value)
            }
            yield &extras!.value
        }
    }

    /// No box once every field in it is empty again, so equal records are stored alike.
    private mutating func settle() {
        if extras?.value.isEmpty == true { extras = nil }
    }

    public static func == (a: RecordMeta, b: RecordMeta) -> Bool {
        a.id == b.id && a.created == b.created && a.modified == b.modified
            && (a.extras === b.extras || (a.extras?.value ?? RecordExtras()) == (b.extras?.value ?? RecordExtras()))
    }

    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(created)
        h.combine(modified)
        h.combine(extras?.value ?? RecordExtras())
    }
}

/// A record's marking and annotations (RecordMeta keeps them boxed).
@usableFromInline
struct RecordExtras: Sendable, Hashable {
    @usableFromInline var marking: String?
    @usableFromInline var tags: [String] = []
    @usableFromInline var notes: [Note] = []
    @usableFromInline var sources: [Citation] = []

    @inlinable init(marking: String? = nil, tags: [String] = [], notes: [Note] = [], sources: [Citation] = []) {
        self.marking = marking
        self.tags = tags
        self.notes = notes
        self.sources = sources
    }

    @inlinable var isEmpty: Bool { marking == nil && tags.isEmpty && notes.isEmpty && sources.isEmpty }
}

/// The shared box; only ever changed when uniquely referenced (RecordMeta.extrasForChange).
@usableFromInline
final class RecordExtrasBox: @unchecked Sendable {
    @usableFromInline var value: RecordExtras
    @inlinable init(_ value: RecordExtras) { self.value = value }
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
