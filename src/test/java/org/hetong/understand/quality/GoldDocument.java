package org.hetong.understand.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One labelled document of the gold set ({@code src/test/resources/gold/labels/*.json}): where its
 * file is, which split it belongs to, and what a lawyer reads in it — kind, family, fields, the
 * article-level clauses in order and, for supplements, which contract clauses they change.
 *
 * <p>Not a view of what hetong outputs: the labels are what the document says, and the
 * evaluation compares the pipeline against them.
 *
 * @param label  the label file's name without {@code .json}
 * @param source {@code sample-docs/…}, {@code gold/docs/…}, with {@code !/entry} for a file inside a
 *               mail or ZIP
 * @param family the 合同编号 of the contract this document belongs to, or null
 */
public record GoldDocument(String label, String source, String split, String kind, String family,
                           Fields fields, List<GoldClause> clauses, List<Amendment> amends) {
    public static final Set<String> SPLITS = Set.of("train", "test");
    public static final Set<String> KINDS = Set.of("contract", "supplement", "correspondence", "attachment", "other");

    public GoldDocument {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException(label + ": split must be train or test, was " + split);
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(label + ": kind must be one of " + KINDS + ", was " + kind);
        }
        fields = fields == null ? Fields.EMPTY : fields;
        clauses = List.copyOf(clauses);
        amends = amends == null ? List.of() : List.copyOf(amends);
    }

    public boolean isTest() {
        return split.equals("test");
    }

    /** A clause as a lawyer numbers, heads and types it. A null number means an unnumbered paragraph. */
    public record GoldClause(String number, String heading, String type, String secondary) {
        public GoldClause {
            Objects.requireNonNull(type, "type");
        }

        /** The signature block: no number, heading 签署, type 签署. */
        public boolean isSignature() {
            return number == null && "签署".equals(type) && "签署".equals(heading);
        }

        /** How the clause shows in reports: its number, else its first words. */
        public String display() {
            if (isSignature()) {
                return "签署";
            }
            return number != null ? number + (heading == null ? "" : " " + heading) : "¶" + heading;
        }
    }

    /** The contract fields present in the document; null where the document does not state one. */
    public record Fields(String contractNumber, String contractTitle, List<Party> parties, LocalDate signDate,
                         LocalDate effectiveDate, LocalDate expiryDate, Amount amount) {
        static final Fields EMPTY = new Fields(null, null, List.of(), null, null, null, null);

        public Fields {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    public record Party(String role, String name) {
        public Party {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(name, "name");
        }
    }

    public record Amount(BigDecimal value, String currency) {
        public Amount {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /**
     * A change a supplement clause makes to its contract.
     *
     * @param clause the supplement's clause: its number, or the first words of an unnumbered paragraph
     * @param target the contract clause changed, as the contract numbers it (第五条, 2., 一、, 附件二)
     * @param action modify, delete or add
     */
    public record Amendment(String clause, String target, String action) {
        public static final Set<String> ACTIONS = Set.of("modify", "delete", "add");

        public Amendment {
            if (!ACTIONS.contains(action)) {
                throw new IllegalArgumentException("amendment action must be one of " + ACTIONS + ", was " + action);
            }
        }
    }
}
