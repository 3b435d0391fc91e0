package futures.workshop.bench;

import java.util.List;

/** Small statistics for benchmark samples. */
final class Stats {
    private Stats() {}

    /** The median of the samples (the lower middle one for an even count). */
    static long median(List<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }

    /** The median of the samples (the lower middle one for an even count). */
    static double medianOf(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }
}
