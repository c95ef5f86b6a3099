import Foundation

// One line per figure: median, min and max over the runs (p99 too for per-keystroke figures),
// the target from issue 6, and PASS or FAIL against it (p99 where the target is a p99).

struct BenchFigure {
    enum Unit: String { case ms, MB }
    let label: String
    let samples: [Double]
    var target: Double?
    var unit: Unit = .ms
    /// Judge the p99 rather than the median (keystrokes, journal appends).
    var judgeP99 = false
    var note = ""

    var sorted: [Double] { samples.sorted() }
    var median: Double { sorted[sorted.count / 2] }
    var p99: Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)] }

    var verdict: String {
        guard let target else { return "" }
        return (judgeP99 ? p99 : median) <= target ? "PASS" : "FAIL"
    }
}

enum BenchTable {
    static func number(_ v: Double) -> String {
        String(format: v < 10 ? "%9.2f" : "%9.0f", v)
    }

    static func header() {
        Swift.print("  " + "figure".padding(toLength: 58, withPad: " ", startingAt: 0)
              + "   median      min      max      p99   target       ")
    }

    static func print(_ f: BenchFigure) {
        let s = f.sorted
        let p99 = f.judgeP99 ? number(f.p99) : "        —"
        let target = f.target.map { "≤" + String(format: $0 < 10 ? "%.0f" : "%.0f", $0) + " " + f.unit.rawValue } ?? "—"
        Swift.print("  " + (f.label + " (\(f.unit.rawValue))").padding(toLength: 58, withPad: " ", startingAt: 0)
                    + number(f.median) + number(s.first!) + number(s.last!) + p99
                    + "   " + target.padding(toLength: 10, withPad: " ", startingAt: 0) + f.verdict
                    + (f.note.isEmpty ? "" : "  " + f.note))
        fflush(nil)
    }

    /// Milliseconds `body` takes.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
