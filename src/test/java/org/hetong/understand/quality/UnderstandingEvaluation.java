package org.hetong.understand.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hetong.ingest.UnreadableDocumentException;
import org.hetong.understand.Clause;

/**
 * Runs the pipeline over the gold set and scores it: clause boundaries, clause types per split,
 * fields, document kinds, family links and amendments (when plugged in, see {@link QualityPlugins}).
 * The numbers are kept here; {@link QualityReport} prints them.
 */
public final class UnderstandingEvaluation {
    /** One gold document with what the pipeline made of it (null and an error when it could not be read). */
    public record DocumentResult(GoldDocument gold, DocumentUnderstanding result, ClauseAlignment alignment, String error) {}

    public record LinkResult(boolean implemented, int total, int correct, List<String> errors) {}

    public record AmendmentResult(boolean implemented, int total, int detected, int extra, List<String> errors) {}

    final GoldSet gold;
    final List<DocumentResult> documents = new ArrayList<>();
    final BoundaryCounts boundaries = new BoundaryCounts();
    final Map<String, BoundaryCounts> boundariesByKind = new LinkedHashMap<>();
    final BoundaryCounts numberedDocuments = new BoundaryCounts();
    final BoundaryCounts paragraphDocuments = new BoundaryCounts();
    final Map<String, LabelScores> types = new LinkedHashMap<>();
    final FieldScores fields = new FieldScores();
    final LabelScores kinds = new LabelScores();
    LinkResult links;
    AmendmentResult amendments;

    private UnderstandingEvaluation(GoldSet gold) {
        this.gold = gold;
        types.put("train", new LabelScores());
        types.put("test", new LabelScores());
        types.put("all", new LabelScores());
    }

    public static UnderstandingEvaluation run(GoldSet gold, GoldPipeline pipeline, DocumentLinker linker,
                                              AmendmentFinder detector) {
        UnderstandingEvaluation e = new UnderstandingEvaluation(gold);
        for (GoldDocument d : gold.documents()) {
            e.evaluate(d, pipeline);
        }
        e.links = e.links(linker);
        e.amendments = e.amendments(detector);
        return e;
    }

    private void evaluate(GoldDocument d, GoldPipeline pipeline) {
        DocumentUnderstanding u;
        try {
            u = pipeline.understand(d.source());
        } catch (UnreadableDocumentException | RuntimeException ex) {
            documents.add(new DocumentResult(d, null, ClauseAlignment.align(d.clauses(), List.of()), ex.toString()));
            return;
        }
        List<Clause> clauses = u.understanding().clauses();
        ClauseAlignment alignment = ClauseAlignment.align(d.clauses(), clauses);
        documents.add(new DocumentResult(d, u, alignment, null));
        boundaries.add(alignment);
        boundariesByKind.computeIfAbsent(d.kind(), k -> new BoundaryCounts()).add(alignment);
        boolean numbered = d.clauses().stream().anyMatch(c -> c.number() != null && !c.number().startsWith("附件"));
        (numbered ? numberedDocuments : paragraphDocuments).add(alignment);
        for (ClauseAlignment.Match m : alignment.matches()) {
            if (!m.found()) {
                continue;
            }
            String example = d.label() + " " + m.gold().display();
            types.get(d.split()).add(m.gold().type(), m.predicted().clauseType(), m.gold().secondary(), example);
            types.get("all").add(m.gold().type(), m.predicted().clauseType(), m.gold().secondary(), example);
        }
        fields.add(d.label(), d.fields(), u.understanding().fields());
        kinds.add(d.kind(), u.understanding().kind().code(), null, d.label());
    }

    private LinkResult links(DocumentLinker linker) {
        List<GoldDocument> linkable = gold.documents().stream()
                .filter(d -> d.family() != null && !d.kind().equals("contract")).toList();
        if (linker == null) {
            return new LinkResult(false, linkable.size(), 0, List.of());
        }
        Map<String, String> links = linker.link(understood());
        Map<String, GoldDocument> contracts = gold.contractsByFamily();
        int correct = 0;
        List<String> errors = new ArrayList<>();
        for (GoldDocument d : linkable) {
            String expected = contracts.get(d.family()).source();
            String actual = links.get(d.source());
            if (expected.equals(actual)) {
                correct++;
            } else {
                errors.add(d.label() + ": expected " + expected + ", linked to " + actual);
            }
        }
        return new LinkResult(true, linkable.size(), correct, errors);
    }

    private AmendmentResult amendments(AmendmentFinder detector) {
        int total = gold.documents().stream().mapToInt(d -> d.amends().size()).sum();
        if (detector == null) {
            return new AmendmentResult(false, total, 0, 0, List.of());
        }
        Map<String, GoldDocument> contracts = gold.contractsByFamily();
        int detected = 0;
        int extra = 0;
        List<String> errors = new ArrayList<>();
        for (DocumentResult r : documents) {
            GoldDocument d = r.gold();
            if (!d.kind().equals("supplement") || r.result() == null) {
                continue;
            }
            DocumentUnderstanding contract = understood(contracts.get(d.family()));
            List<AmendmentFinder.Found> found = detector.find(r.result(), contract);
            List<AmendmentFinder.Found> unused = new ArrayList<>(found);
            for (GoldDocument.Amendment a : d.amends()) {
                AmendmentFinder.Found hit = unused.stream().filter(x -> sameAmendment(d, a, x)).findFirst().orElse(null);
                if (hit != null) {
                    detected++;
                    unused.remove(hit);
                } else {
                    errors.add(d.label() + ": missed " + a.clause() + " " + a.action() + " " + a.target());
                }
            }
            extra += unused.size();
            unused.forEach(x -> errors.add(d.label() + ": not in gold " + x.supplementClause().number() + " " + x.action() + " " + x.target()));
        }
        return new AmendmentResult(true, total, detected, extra, errors);
    }

    private static boolean sameAmendment(GoldDocument d, GoldDocument.Amendment a, AmendmentFinder.Found x) {
        if (!a.action().equals(x.action()) || !ClauseNumbers.articleKey(a.target()).equals(ClauseNumbers.articleKey(x.target()))) {
            return false;
        }
        GoldDocument.GoldClause clause = d.clauses().stream()
                .filter(c -> a.clause().equals(c.number()) || (c.number() == null && a.clause().equals(c.heading())))
                .findFirst().orElse(new GoldDocument.GoldClause(a.clause(), null, "变更", null));
        return ClauseAlignment.matches(clause, x.supplementClause());
    }

    private List<DocumentUnderstanding> understood() {
        return documents.stream().map(DocumentResult::result).filter(r -> r != null).toList();
    }

    private DocumentUnderstanding understood(GoldDocument d) {
        return d == null ? null : documents.stream().filter(r -> r.gold() == d).map(DocumentResult::result).findFirst().orElse(null);
    }

    public GoldSet gold() {
        return gold;
    }

    public List<DocumentResult> documents() {
        return List.copyOf(documents);
    }

    public BoundaryCounts boundaries() {
        return boundaries;
    }

    public LabelScores types(String split) {
        return types.get(split);
    }

    public FieldScores fields() {
        return fields;
    }

    public LabelScores kinds() {
        return kinds;
    }

    public LinkResult links() {
        return links;
    }

    public AmendmentResult amendments() {
        return amendments;
    }

    public long unreadable() {
        return documents.stream().filter(r -> r.error() != null).count();
    }
}
