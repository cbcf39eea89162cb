package org.hetong.understand.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision, recall and F1 per label for a single-label classification (gold label against predicted
 * label, one pair per item), macro-F1 over the labels that occur in the gold data, and the most
 * frequent confusions with an example each. A missing prediction is the label {@link #NONE}.
 */
public final class LabelScores {
    public static final String NONE = "(无)";

    private final Map<String, int[]> counts = new TreeMap<>(); // label -> {tp, fp, fn}
    private final Map<String, List<String>> confusions = new LinkedHashMap<>(); // "gold → pred" -> examples
    private int items;
    private int correct;
    private int lenient;

    /**
     * @param alsoAccepted a second gold label that would also be right (the gold secondary type), or null
     * @param example      where the item is, for the confusion list
     */
    public void add(String gold, String predicted, String alsoAccepted, String example) {
        String p = predicted == null ? NONE : predicted;
        items++;
        if (gold.equals(p)) {
            correct++;
            lenient++;
            count(gold)[0]++;
            return;
        }
        if (p.equals(alsoAccepted)) {
            lenient++;
        }
        count(gold)[2]++;
        count(p)[1]++;
        confusions.computeIfAbsent(gold + " → " + p, k -> new ArrayList<>()).add(example);
    }

    private int[] count(String label) {
        return counts.computeIfAbsent(label, k -> new int[3]);
    }

    public int items() {
        return items;
    }

    public double accuracy() {
        return items == 0 ? 0 : (double) correct / items;
    }

    /** Accuracy when the gold secondary type also counts as right. */
    public double lenientAccuracy() {
        return items == 0 ? 0 : (double) lenient / items;
    }

    /** Labels that occur in the gold data (support > 0), in name order. */
    public List<String> goldLabels() {
        return counts.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[2] > 0).map(Map.Entry::getKey).toList();
    }

    public int support(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return c[0] + c[2];
    }

    public double precision(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    public double recall(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean F1 over the labels present in the gold data. */
    public double macroF1() {
        List<String> labels = goldLabels();
        return labels.isEmpty() ? 0 : labels.stream().mapToDouble(this::f1).average().orElse(0);
    }

    /** "gold → predicted" with its count and up to three examples, most frequent first. */
    public List<Confusion> topConfusions(int limit) {
        return confusions.entrySet().stream()
                .map(e -> new Confusion(e.getKey(), e.getValue().size(), e.getValue().subList(0, Math.min(3, e.getValue().size()))))
                .sorted(Comparator.comparingInt(Confusion::count).reversed().thenComparing(Confusion::pair))
                .limit(limit).toList();
    }

    public record Confusion(String pair, int count, List<String> examples) {}
}
