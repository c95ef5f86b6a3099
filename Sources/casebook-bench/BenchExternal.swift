import Foundation

// The same case file through other JSON readers, for scale: orjson and the standard json
// module in Python, and jq. Each is timed as a whole process (start-up included, as a user
// would run it), median of a few runs; a reader that is not installed is skipped with a note.

enum BenchExternal {
    static let readers: [(name: String, check: [String], run: @Sendable (String) -> [String])] = [
        ("python3 orjson.loads", ["python3", "-c", "import orjson"],
         { ["python3", "-c", "import orjson,sys; orjson.loads(open(sys.argv[1],'rb').read())", $0] }),
        ("python3 json.load", ["python3", "-c", "import json"],
         { ["python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", $0] }),
        ("jq length", ["jq", "--version"], { ["jq", "length", $0] }),
    ]

    /// Runs `tool args` (found on PATH); nil if it could not start or failed. With `capture`,
    /// returns its standard output.
    @discardableResult
    static func run(_ tool: String, _ args: [String], capture: Bool = false) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool.hasPrefix("/") ? tool : "/usr/bin/env")
        p.arguments = tool.hasPrefix("/") ? args : [tool] + args
        let pipe = Pipe()
        p.standardOutput = capture ? pipe : FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = capture ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `casebookMS`: opening to the screen; `recordsMS`: the file into records alone (what these
    /// readers do: parse the JSON into their own objects); both in a fresh process, as these are.
    static func compare(_ path: String, casebookMS: Double, recordsMS: Double, runs: Int) {
        print("  same file through other readers (whole process, median of \(runs)); Casebook's time as a ratio to each:"
              + " open to the screen \(Int(casebookMS)) ms, records alone \(Int(recordsMS)) ms (fresh process)")
        for reader in readers {
            guard run(reader.check[0], Array(reader.check.dropFirst())) != nil else {
                print("    \(reader.name.padding(toLength: 24, withPad: " ", startingAt: 0)) not installed, skipped")
                continue
            }
            let command = reader.run(path)
            var samples: [Double] = []
            var failed = false
            for _ in 0..<runs {
                samples.append(BenchTable.time { failed = failed || run(command[0], Array(command.dropFirst())) == nil })
            }
            let median = samples.sorted()[samples.count / 2]
            print("    \(reader.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(String(format: "%8.0f", median)) ms"
                  + "   screen/this = \(String(format: "%.2f", casebookMS / median))×"
                  + "   records/this = \(String(format: "%.2f", recordsMS / median))×" + (failed ? "  (it reported an error)" : ""))
        }
    }
}
