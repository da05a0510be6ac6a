import Foundation
import GravityRuntime

/// Summary statistics of repeated measurements, in milliseconds.
struct Statistics {
    let samples: [Double]

    init(_ samples: [Double]) { self.samples = samples.sorted() }

    var median: Double { Percentile.median(samples) }
    var minimum: Double { samples.first ?? 0 }
    var maximum: Double { samples.last ?? 0 }

    /// The nearest-rank percentile, `p` in percent.
    func percentile(_ p: Double) -> Double { Percentile.nearestRank(p / 100, of: samples) }
}

func format(_ milliseconds: Double) -> String { String(format: "%.1f ms", milliseconds) }
