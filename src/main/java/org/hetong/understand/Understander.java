package org.hetong.understand;

import java.util.List;

/** Reads one document's text: clauses with types, title, kind and contract fields. */
public final class Understander {
    private final ClauseSplitter splitter = new ClauseSplitter();
    private final ClauseClassifier classifier;
    private final TitleFinder titles = new TitleFinder();
    private final DocumentKindDetector kinds = new DocumentKindDetector();
    private final FieldExtractor fields = new FieldExtractor();

    public Understander(ClauseTaxonomy taxonomy) {
        this.classifier = new ClauseClassifier(taxonomy);
    }

    public ClauseTaxonomy taxonomy() {
        return classifier.taxonomy();
    }

    /**
     * @param subject a mail's subject, which is its title; null for other documents
     */
    public Understanding understand(String text, String mediaType, String fileName, String metadataTitle, String subject) {
        List<Clause> clauses = classifier.classify(splitter.split(text));
        String title = titles.find(text, metadataTitle, subject, fileName);
        DocumentKind kind = kinds.detect(title, mediaType, text, clauses);
        ContractFields contractFields = fields.extract(text, clauses, title);
        return new Understanding(kind, title, contractFields, clauses);
    }
}
