package org.hetong.search;

import java.util.HashSet;
import java.util.Set;

/**
 * Tells near-identical clauses apart from merely similar ones: the same template with a different
 * party, date or amount. Wording is compared as sets of character bigrams of the Han text (digits,
 * Latin letters, spaces and punctuation ignored); above {@value #SAME_TEMPLATE} Jaccard overlap two
 * clauses count as one template.
 */
final class TemplateGroups {
    static final double SAME_TEMPLATE = 0.85;

    private TemplateGroups() {}

    static Set<Integer> signature(String text) {
        Set<Integer> bigrams = new HashSet<>();
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                continue;
            }
            if (previous != 0) {
                bigrams.add(previous << 16 | c);
            }
            previous = c;
        }
        return bigrams;
    }

    static double jaccard(Set<Integer> a, Set<Integer> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        Set<Integer> small = a.size() <= b.size() ? a : b;
        Set<Integer> large = small == a ? b : a;
        for (Integer x : small) {
            if (large.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    static double overlap(String a, String b) {
        return jaccard(signature(a), signature(b));
    }
}
