import Foundation

/// Summary statistics of repeated measurements, in milliseconds.
struct Statistics {
    let samples: [Double]

    init(_ samples: [Double]) { self.samples = samples.sorted() }

    var median: Double { percentile(50) }
    var minimum: Double { samples.first ?? 0 }
    var maximum: Double { samples.last ?? 0 }

    /// The nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(samples.count)).rounded(.up))
        return samples[min(max(rank, 1), samples.count) - 1]
    }
}

func format(_ milliseconds: Double) -> String { String(format: "%.1f ms", milliseconds) }
