package org.hetong.understand.quality;

import java.util.ArrayList;
import java.util.List;
import org.hetong.ingest.UnreadableDocumentException;
import org.hetong.understand.Clause;

/**
 * A gold clause that the splitter found, with the clause hetong made of it: what a clause-type
 * classifier is measured on. {@code group} is the family (or, without one, the document), the unit
 * of cross-validation, so no wording of a family is both learned and tested.
 */
public record TypedClause(String split, String group, String document, String display, String type, String secondary,
                          Clause clause) {

    public boolean isTest() {
        return split.equals("test");
    }

    /** Every found gold clause of the gold set, in document order. */
    public static List<TypedClause> collect(GoldSet gold, GoldPipeline pipeline) {
        List<TypedClause> out = new ArrayList<>();
        for (GoldDocument d : gold.documents()) {
            DocumentUnderstanding u;
            try {
                u = pipeline.understand(d.source());
            } catch (UnreadableDocumentException e) {
                throw new IllegalStateException(d.label() + " is unreadable: " + e.getMessage(), e);
            }
            ClauseAlignment alignment = ClauseAlignment.align(d.clauses(), u.understanding().clauses());
            for (ClauseAlignment.Match m : alignment.matches()) {
                if (m.found()) {
                    out.add(new TypedClause(d.split(), d.family() == null ? d.label() : d.family(), d.label(),
                            m.gold().display(), m.gold().type(), m.gold().secondary(), m.predicted()));
                }
            }
        }
        return out;
    }
}
