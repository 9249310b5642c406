/// A Markdown table printed to standard output, so that a run's output can be
/// pasted into BENCHMARKS.md as it is.
struct MarkdownTable {
  let header: [String]
  private var rows: [[String]] = []

  init(_ header: String...) { self.header = header }

  mutating func add(_ cells: String...) { rows.append(cells) }

  func print() {
    Swift.print("| " + header.joined(separator: " | ") + " |")
    Swift.print("|" + header.map { _ in " --- |" }.joined())
    for row in rows { Swift.print("| " + row.joined(separator: " | ") + " |") }
    Swift.print("")
  }
}
