import Foundation
import Testing

@Suite struct SummaryCommandTests {
    static let time = ["CASEBOOK_SUMMARY_TIME": "2026-11-22T12:00:00Z"]

    @Test func summaryGoesToStdoutOrAtomicallyToAFile() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let text = cli.run(["summary", file], env: Self.time)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Generated 2026-11-22T12:00:00Z by Analyst Kim"))
        #expect(text.stdout.contains("page 1 of 2") && text.stdout.contains("\u{0C}"))
        #expect(text.stdout.contains("Park Jin Hyok") || text.stdout.contains("박진혁"))
        let html = cli.run(["summary", file, "--format", "html", "--output", "brief.html"], env: Self.time)
        #expect(html.status == 0 && html.stdout == "brief.html: html summary written\n", "\(html.stderr)")
        #expect(cli.read("brief.html").hasPrefix("<!DOCTYPE html>"))
        #expect(cli.read("brief.html").contains("Bithumb hack (2018)"))
        let md = cli.run(["summary", file, "--format", "markdown"], env: Self.time)
        #expect(md.stdout.hasPrefix("# Small case\n"))
        let wide = cli.run(["summary", file, "--width", "132"], env: Self.time)
        #expect(wide.stdout.split(separator: "\n").allSatisfy { $0.count <= 132 })
        #expect(wide.stdout.split(separator: "\n").contains { $0.count > 80 })
    }

    @Test func summaryRefusesToOverwriteTheCaseAndBadOptions() {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let before = cli.read(file)
        let r = cli.run("summary", file, "--output", "./" + file)
        #expect(r.status == 1 && r.stderr.contains("refusing to overwrite the case file"))
        #expect(cli.read(file) == before)
        #expect(cli.run("summary", file, "--max-marking", "PURPLE").stderr.contains("is not a TLP level"))
        #expect(cli.run("summary", file, "--width", "10").status == 1)
        let limited = cli.run("summary", file, "--max-marking", "TLP:GREEN")
        #expect(limited.status == 0 && limited.stdout.contains("7 records omitted"), "the case is AMBER")
    }

    /// A fake `lp` first on PATH that saves its arguments and standard input.
    func fakeLP(_ cli: CLI) -> String {
        let bin = cli.path("bin")
        try! FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let script = """
        #!/bin/sh
        for a in "$@"; do printf '%s\\n' "$a"; done > "\(cli.path("lp-args.txt"))"
        cat > "\(cli.path("lp-stdin.txt"))"
        echo "request id is fake-1 (1 file(s))"

        """
        try! script.write(toFile: bin + "/lp", atomically: true, encoding: .utf8)
        try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/lp")
        return bin
    }

    @Test func printSendsExactlyTheTextFormToLPWithOptions() {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let bin = fakeLP(cli)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = cli.run(["print", file, "--printer", "office; rm -rf /", "--copies", "2"], env: Self.time.merging(["PATH": path]) { $1 })
        #expect(r.status == 0, "\(r.stderr)")
        #expect(cli.read("lp-args.txt") == "-d\noffice; rm -rf /\n-n\n2\n-t\nCasebook: Small case\n", "passed directly, no shell")
        let expected = cli.run(["summary", file, "--format", "text"], env: Self.time).stdout
        #expect(!expected.isEmpty && cli.read("lp-stdin.txt") == expected)

        let plain = cli.run(["print", file], env: Self.time.merging(["PATH": path]) { $1 })
        #expect(plain.status == 0)
        #expect(cli.read("lp-args.txt") == "-t\nCasebook: Small case\n")
    }

    @Test func printWithoutLPSaysHowToSaveInstead() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let empty = cli.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let r = cli.run(["print", file], env: ["PATH": empty])
        #expect(r.status == 1)
        #expect(r.stderr.contains("lp was not found"))
        #expect(r.stderr.contains("casebook summary \(file) --format text --output case.txt"))
    }
}

@Suite struct OverflowSummaryTests {
    /// A hostile or mistyped amount: 2 × 10^20 ETH beside 1 wei cannot be totalled in 128 bits.
    @Test func aSummaryOfAmountsTooLargeToTotalSaysOverflowAndExitsZero() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        var text = cli.read(file)
        let loss = #"{"asset":"BTC","amount":"1234.56789012","usd":"31000000.00"}"#
        #expect(text.contains(loss))
        text = text.replacingOccurrences(of: loss, with: loss
            + #",{"asset":"ETH","amount":"200000000000000000000","usd":"1.00"},{"asset":"ETH","amount":"0.000000000000000001","usd":"1.00"}"#)
        try text.write(toFile: cli.path(file), atomically: true, encoding: .utf8)
        let r = cli.run(["summary", file], env: SummaryCommandTests.time)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("overflow"))
        #expect(r.stdout.contains("31,000,002.00"), "the USD total still adds up")
        #expect(r.stdout.contains("1,234.56789012"), "the BTC loss is still shown exactly")
    }
}
