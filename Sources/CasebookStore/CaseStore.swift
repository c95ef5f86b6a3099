#if canImport(Glibc)
import Glibc
#endif
import CasebookModel

// An open case: the document in memory, the journal of edits not yet folded into the file, and
// (when writable) the lock. Opening reads the case file, then replays the journal entries whose
// seq is above the file's last history entry, so a crash between compaction's rename and the
// journal's removal replays nothing twice. Every edit, undo and redo is applied in memory,
// appended to the journal and fsynced before the call returns; if the append fails, the memory
// change is rolled back, so what the screen shows is always what is on disk.

public final class CaseStore {
    public enum Mode: Sendable { case readWrite, readOnly }

    /// The case file's path (symlinks resolved).
    public let path: String
    public let mode: Mode
    public private(set) var document: CaseDocument
    /// Things worth telling the user that did not stop the open (a torn journal line).
    public private(set) var warnings: [String] = []
    /// Duplicate ids found on load; a case with any opens read-only.
    public private(set) var duplicates: [Problem] = []
    private let journal: Journal
    private var lock: CaseLock?

    public var journalPath: String { journal.path }
    public var content: Case { document.content }
    public var history: History { document.history }

    /// Creates a new case file (mode 0600); refuses to overwrite an existing one.
    @discardableResult
    public static func create(at path: String, document: CaseDocument) throws(StoreError) -> String {
        guard !POSIXFile.exists(path) else { throw .alreadyExists(path: path) }
        let bytes = CaseWriter.encode(document)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw .alreadyExists(path: path) }
            throw .io(path: path, action: "create it", reason: POSIXFile.errorText())
        }
        do {
            try POSIXFile.writeAll(fd, bytes, path: path)
            try POSIXFile.sync(fd, path: path)
        } catch {
            Glibc.close(fd)
            unlink(path)
            throw error
        }
        Glibc.close(fd)
        try POSIXFile.syncFolder(POSIXFile.folder(of: path))
        return path
    }

    /// Opens a case. `progress` is told the fraction read (0...1) now and then, from this thread;
    /// returning false cancels the open.
    /// `preview` gets the case's first records (through its actors) while the rest is read, when
    /// the journal holds no edits (which could change them): see CaseReader.load.
    public init(opening path: String, mode: Mode = .readWrite, progress: ((Double) -> Bool)? = nil,
                preview: ((Case) -> Void)? = nil) throws(StoreError) {
        guard POSIXFile.exists(path) else { throw .notFound(path: path) }
        let realPath = POSIXFile.resolved(path)
        self.path = realPath
        self.mode = mode
        journal = Journal(path: realPath + ".journal")
        if mode == .readWrite { lock = try CaseLock.acquire(for: realPath) }
        let unjournaled = POSIXFile.size(of: journal.path) <= 0
        let decoded = try CaseReader.load(realPath, name: path, progress: progress, preview: unjournaled ? preview : nil)
        document = decoded.0
        duplicates = decoded.duplicates
        if mode == .readWrite && !duplicates.isEmpty {
            throw .duplicateIDs(path: path, duplicates)
        }
        try replayJournal()
        if mode == .readWrite { POSIXFile.removeStaleTemps(of: realPath) }
    }

    private func replayJournal() throws(StoreError) {
        let contents = try Journal.read(journal.path)
        for (number, value) in contents.lines {
            let entry: HistoryEntry
            do { entry = try EditCoding.decode(value, path: "entry", history: document.history) } catch {
                throw .journal(path: journal.path, line: number, message: error.description)
            }
            if entry.seq <= document.history.lastSeq { continue }
            do { try record(entry) } catch {
                throw .journal(path: journal.path, line: number, message: "cannot replay: \(error)")
            }
        }
        if let torn = contents.tornLine {
            warnings.append("\(journal.path):\(torn): an incomplete last entry (from a crash while writing) was ignored; it was never reported as saved")
            if mode == .readWrite { try journal.truncate(to: contents.goodLength) }
        }
    }

    /// Applies an entry to the case and the history in memory. The case is changed in place, so
    /// an edit costs what it touches (no copy of a 100,000-transfer case); `Case.apply` is
    /// all-or-nothing, and the history is checked first.
    private func record(_ entry: HistoryEntry) throws {
        var history = document.history
        try history.append(entry)
        switch entry.op {
        case .edit, .redo: try document.content.apply(entry.edit)
        case .undo: try document.content.apply(entry.edit.inverse)
        }
        document.history = history
    }

    /// Makes `entry` durable: memory first, then the journal line and fsync; taken back in memory
    /// if the disk refuses, so memory never shows what the disk does not have.
    private func commit(_ entry: HistoryEntry) throws(StoreError) {
        guard mode == .readWrite else { throw .readOnly(path: path) }
        let history = document.history
        do { try record(entry) } catch { throw .edit(path: path, message: "\(error)") }
        do { try journal.append(JSONWriter.string(EditCoding.encode(entry))) } catch {
            switch entry.op {
            case .edit, .redo: try? document.content.apply(entry.edit.inverse)
            case .undo: try? document.content.apply(entry.edit)
            }
            document.history = history
            throw error
        }
    }

    // MARK: Editing

    /// Applies and journals an edit; returns its history entry once it is on disk.
    @discardableResult
    public func apply(_ edit: Edit) throws(StoreError) -> HistoryEntry {
        let entry = HistoryEntry(seq: document.history.lastSeq + 1, op: .edit, edit: edit, time: edit.time, author: edit.author)
        try commit(entry)
        return entry
    }

    /// Takes back the newest applied edit; nil when there is nothing to undo.
    @discardableResult
    public func undo(author: String, time: String) throws(StoreError) -> HistoryEntry? {
        try step(.undo, target: document.history.nextUndo, author: author, time: time)
    }

    /// Re-applies the newest undone edit; nil when there is nothing to redo.
    @discardableResult
    public func redo(author: String, time: String) throws(StoreError) -> HistoryEntry? {
        try step(.redo, target: document.history.nextRedo, author: author, time: time)
    }

    private func step(_ op: HistoryEntry.Operation, target: HistoryEntry?, author: String, time: String) throws(StoreError) -> HistoryEntry? {
        guard let target else { return nil }
        let entry = HistoryEntry(seq: document.history.lastSeq + 1, op: op, edit: target.edit, target: target.seq,
                                 time: time, author: author)
        try commit(entry)
        return entry
    }

    // MARK: Compaction

    /// Bytes of journal not yet folded into the case file.
    public var journalBytes: Int { journal.byteCount }

    /// Folds the journal into the case file: temp file, fsync, rename over, fsync the folder,
    /// then remove the journal. A failure at any step leaves the old file and the journal intact.
    public func compact() throws(StoreError) {
        guard mode == .readWrite else { throw .readOnly(path: path) }
        // The file is written block by block as the encoder threads produce them.
        let document = document
        try POSIXFile.replaceAtomically(path, mode: POSIXFile.mode(of: path) ?? 0o600) { (write) throws(StoreError) in
            try CaseWriter.write(document, sink: write)
        }
        journal.remove()
    }

    /// Whether closing should fold the journal in: always for small cases (a few ms, and the file
    /// then shows every edit to jq and git), and for large ones once the journal is an eighth of
    /// the file, so the cost of rewriting is spread over many edits.
    public var shouldCompact: Bool {
        let journalSize = journal.byteCount
        guard journalSize > 0 else { return false }
        let caseSize = POSIXFile.size(of: path)
        return caseSize <= 1 << 20 || journalSize * 8 >= caseSize
    }

    /// Folds the journal in if `shouldCompact`, then releases the lock. Safe to call twice.
    public func close() throws(StoreError) {
        defer {
            journal.close()
            lock?.release()
            lock = nil
        }
        if mode == .readWrite && lock != nil && shouldCompact { try compact() }
    }

    deinit {
        journal.close()
        lock?.release()
    }
}
