package org.hetong.understand.quality;

/**
 * Clause-boundary counts for one group of documents: gold clauses found (true positives), gold clauses
 * missed, predicted units with no gold clause; and, over the found ones, how many carry the number as
 * written and the right heading.
 */
public final class BoundaryCounts {
    private int found;
    private int missed;
    private int spurious;
    private int numbered;
    private int numberExact;
    private int headingRight;

    public void add(ClauseAlignment alignment) {
        for (ClauseAlignment.Match m : alignment.matches()) {
            if (!m.found()) {
                missed++;
                continue;
            }
            found++;
            if (m.gold().number() != null) {
                numbered++;
                if (m.predicted().number() != null
                        && ClauseNumbers.compact(m.gold().number()).replaceAll("[、.]$", "")
                        .equals(ClauseNumbers.compact(m.predicted().number()).replaceAll("[、.]$", ""))) {
                    numberExact++;
                }
            }
            if (m.gold().isSignature() || ClauseNumbers.sameHeading(m.gold().heading(), m.predicted().heading())
                    || (m.gold().number() == null && m.predicted().heading() == null)) {
                headingRight++;
            }
        }
        spurious += alignment.unmatchedPredicted().size();
    }

    public int found() {
        return found;
    }

    public int gold() {
        return found + missed;
    }

    public int predicted() {
        return found + spurious;
    }

    public double precision() {
        return predicted() == 0 ? 0 : (double) found / predicted();
    }

    public double recall() {
        return gold() == 0 ? 0 : (double) found / gold();
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Of the found numbered clauses, the share whose label is the one written (第十二条 stays 第十二条). */
    public double numberAccuracy() {
        return numbered == 0 ? 0 : (double) numberExact / numbered;
    }

    /**
     * Of the found clauses, the share with the right heading: the gold heading (layout marks ignored),
     * none for an unheaded clause, and any for an unnumbered paragraph (its "heading" is its first words).
     */
    public double headingAccuracy() {
        return found == 0 ? 0 : (double) headingRight / found;
    }
}
