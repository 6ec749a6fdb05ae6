package se.samverka.query.risk;

import java.util.List;

/** How far a revealed estimate's values lie apart: lowest, highest, mean and median. */
public record RiskSpread(int min, int max, double mean, double median) {
    static RiskSpread of(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double mean = sorted.stream().mapToInt(Integer::intValue).sum() / (double) n;
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return new RiskSpread(sorted.get(0), sorted.get(n - 1), round(mean), median);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
