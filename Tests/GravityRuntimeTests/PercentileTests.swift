import GravityBenchmarks
import GravityRuntime
import Testing

@Suite("Percentiles")
struct PercentileTests {
    @Test("nearest rank: the smallest value with at least that share of the samples at or below it")
    func nearestRank() {
        let hundred = (1...100).map(Double.init)
        #expect(Percentile.nearestRank(0.99, of: hundred) == 99)
        #expect(Percentile.nearestRank(0.5, of: hundred) == 50)
        #expect(Percentile.nearestRank(0.999, of: hundred) == 100)
        #expect(Percentile.nearestRank(0, of: hundred) == 1)
        #expect(Percentile.nearestRank(0.99, of: [7]) == 7)
        #expect(Percentile.nearestRank(0.99, of: []) == 0)
    }

    @Test("the median of an even count is the mean of the middle two")
    func median() {
        #expect(Percentile.median([4, 1, 3]) == 3)
        #expect(Percentile.median([4, 1, 3, 2]) == 2.5)
        #expect(Percentile.median([]) == 0)
    }
}
