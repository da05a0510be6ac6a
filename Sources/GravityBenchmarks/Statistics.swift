import Foundation

/// Summary statistics of repeated measurements, in milliseconds.
public struct Statistics: Sendable {
    public let samples: [Double]

    public init(_ samples: [Double]) { self.samples = samples.sorted() }

    public var median: Double { Percentile.median(samples) }
    public var minimum: Double { samples.first ?? 0 }
    public var maximum: Double { samples.last ?? 0 }

    /// The nearest-rank percentile, `p` in percent.
    public func percentile(_ p: Double) -> Double { Percentile.nearestRank(p / 100, of: samples) }
}

/// 12.3 ms.
func format(_ milliseconds: Double) -> String { String(format: "%.1f ms", milliseconds) }

/// A benchmark that cannot run as asked (a program missing, a run that failed), in one line.
public struct BenchmarkFailure: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
