package org.hetong.understand;

import java.util.List;
import java.util.Objects;

/** What hetong reads out of one document's text. */
public record Understanding(DocumentKind kind, String title, ContractFields fields, List<Clause> clauses) {
    public Understanding {
        Objects.requireNonNull(kind, "kind");
        fields = fields == null ? ContractFields.empty() : fields;
        clauses = List.copyOf(clauses);
    }
}
