import CasebookModel
@testable import CasebookStore
import Foundation
import Testing

// Reading a case file while giving its bytes back (CaseReaderRelease) against the reference
// path: with a release every page and a worker on every section, the same document, the same
// duplicates (with their lines) and the same errors, though the bytes behind the reader have left
// memory by then. Also the mapping itself (CaseReaderFile): every byte, and a file cut short
// while it is read.

@Suite struct CaseReaderReleaseTests {
    let page = CaseReaderRelease.page

    func text(transfers: Int = 2_500) -> String {
        CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: transfers, seed: 3)))
    }

    func write(_ text: String, _ scratch: Scratch) throws -> String {
        let p = scratch.path("r.case.json")
        try text.write(toFile: p, atomically: false, encoding: .utf8)
        return p
    }

    /// The file read with releases, and the reference reading of its bytes.
    func bothWays(_ path: String) throws -> (got: Result<(CaseDocument, duplicates: [Problem]), StoreError>,
                                             reference: Result<(CaseDocument, duplicates: [Problem]), StoreError>) {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let got = Result { () throws(StoreError) in try CaseReader.load(path, name: "r.case.json", progress: nil, split: 4096, releaseStep: page) }
        let reference = Result { () throws(StoreError) in try CaseReader.reference(bytes, path: "r.case.json", progress: nil) }
        return (got, reference)
    }

    @Test func aCaseReadWhileItsBytesAreGivenBackIsTheSame() throws {
        let scratch = Scratch()
        let path = try write(text(), scratch)
        // The fast reader itself took it, and did give bytes back.
        let released = try CaseReaderFile.withBytes(path, releaseStep: page) { (buffer, release) throws(StoreError) in
            let taken = (try? CaseReader.decode(buffer, progress: nil, split: 4096, release: release)) != nil
            return [taken, release.happened]
        }
        #expect(released == [true, true])
        let (got, reference) = try bothWays(path)
        let a = try reference.get(), b = try got.get()
        #expect(a.0 == b.0)
        #expect(CaseCoding.encode(a.0) == CaseCoding.encode(b.0))
        #expect(b.duplicates.isEmpty)
    }

    @Test func blocksThatStartInsideRecordsAreReadAloneWhileBytesAreGivenBack() throws {
        // Citations on lines of their own: "\n{" inside transfers, where blocks may begin.
        var lines = text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices where lines[i].hasPrefix("{\"id\":\"tx-") && i % 5 == 0 {
            lines[i] = lines[i].replacingOccurrences(of: "\"basis\":\"illustrative\"",
                                                     with: "\"basis\":\"illustrative\",\"sources\":[\n{\"source\":\"src-synthetic\"}]")
        }
        let scratch = Scratch()
        let path = try write(lines.joined(separator: "\n"), scratch)
        let taken = try CaseReaderFile.withBytes(path, releaseStep: page) { (buffer, release) throws(StoreError) in
            [(try? CaseReader.decode(buffer, progress: nil, split: 4096, release: release)) != nil, release.happened]
        }
        #expect(taken == [true, true], "the fast reader took it, giving bytes back")
        let (got, reference) = try bothWays(path)
        let a = try reference.get(), b = try got.get()
        #expect(a.0 == b.0)
        #expect(CaseCoding.encode(a.0) == CaseCoding.encode(b.0))
    }

    @Test func aDuplicateLateInTheFileIsReportedOnItsLine() throws {
        var lines = text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let last = try #require(lines.lastIndex { $0.hasPrefix("{\"id\":\"tx-") })
        let first = try #require(lines.firstIndex { $0.hasPrefix("{\"id\":\"tx-") })
        lines.insert(lines[first + 5], at: last)   // a transfer given again near the end
        let scratch = Scratch()
        let (got, reference) = try bothWays(try write(lines.joined(separator: "\n"), scratch))
        let a = try reference.get(), b = try got.get()
        #expect(!a.duplicates.isEmpty)
        #expect(a.duplicates == b.duplicates)
        #expect(a.0 == b.0)
    }

    @Test func aBrokenRecordLateInTheFileGivesTheReferenceError() throws {
        var lines = text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let last = try #require(lines.lastIndex { $0.hasPrefix("{\"id\":\"tx-") })
        lines[last - 3] = String(lines[last - 3].dropLast(3))   // cut short: a syntax error
        let scratch = Scratch()
        let (got, reference) = try bothWays(try write(lines.joined(separator: "\n"), scratch))
        guard case .failure(let a) = reference, case .failure(let b) = got else {
            Issue.record("expected both to fail: \(reference) / \(got)")
            return
        }
        #expect(a == b)
        #expect("\(b)".contains("line \(last - 2)") || "\(b)".contains("\(last - 2):"), "\(b)")
    }

    @Test("a mapped file is every byte of the file, at any size")
    func mappedFileIsTheWholeFile() throws {
        let scratch = Scratch()
        for size in [1, page - 1, page, 2 * page + 1, 7 * page + 4095] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 8) }
            let path = scratch.path("mapped-\(size).bin")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let read = try CaseReaderFile.withBytes(path) { (b, _) throws(StoreError) in Array(b) }
            // The first wrong byte, not the whole array, when it fails.
            #expect(read.count == bytes.count, "size \(size)")
            #expect(read.indices.first { read[$0] != bytes[$0] } == nil, "size \(size)")
        }
    }

    @Test("a file cut short, cut within its last page, or grown while it is read is read again as it now is",
          arguments: ["cut", "cut in last page", "grown"])
    func aFileChangedWhileReadIsReadAgain(change: String) throws {
        let scratch = Scratch()
        let size = 9 * page - 100
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        let path = scratch.path("cut.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let after: [UInt8]
        switch change {
        case "cut": after = Array(bytes[..<(3 * page)])
        case "cut in last page": after = Array(bytes[..<(size - 1000)])
        default: after = bytes + Array(repeating: 0x41, count: 5000)
        }
        var seen: [Int] = []
        let read = try CaseReaderFile.withBytes(path) { (b, _) throws(StoreError) in
            if seen.isEmpty {
                if after.count < size {
                    #expect(truncate(path, off_t(after.count)) == 0)
                } else {
                    let handle = try! FileHandle(forWritingTo: URL(fileURLWithPath: path))
                    handle.seekToEndOfFile()
                    handle.write(Data(after[size...]))
                    try! handle.close()
                }
            }
            // Reading past the new end raises SIGBUS in a mapped file; here it reads zeros.
            seen.append(b.count)
            return b.reduce(0) { $0 &+ Int($1) }
        }
        #expect(seen == [size, after.count], "read once mapped, then again the ordinary way")
        #expect(read == after.reduce(0) { $0 &+ Int($1) })
    }

    @Test("a case file cut short while it opens gives the error of the file as it now is")
    func aCaseCutShortWhileItOpens() throws {
        let scratch = Scratch()
        let path = try write(text(transfers: 12_000), scratch)
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = full.count / 2
        var reports = 0
        let result = Result { () throws(StoreError) in
            try CaseReader.load(path, name: "r.case.json", progress: { _ in
                reports += 1
                if reports == 1 { #expect(truncate(path, off_t(cut)) == 0) }
                return true
            }, split: 4096, releaseStep: page)
        }
        #expect(reports > 1)
        let reference = Result { () throws(StoreError) in try CaseReader.reference(Array(full.prefix(cut)), path: "r.case.json", progress: nil) }
        guard case .failure(let got) = result, case .failure(let expected) = reference else {
            Issue.record("expected both to fail: \(result) / \(reference)")
            return
        }
        #expect(got == expected)
    }
}
