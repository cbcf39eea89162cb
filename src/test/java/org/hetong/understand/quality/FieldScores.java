package org.hetong.understand.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hetong.understand.ContractFields;

/**
 * Field accuracy where the gold label has a value: contract number (exact), title (ignoring
 * whitespace), each party (role and name both right), the three dates, and the amount (value and
 * currency both right). A value hetong reads where the gold label has none is counted apart as
 * "spurious": it is not an error of the field's accuracy, but a reader would see a wrong value.
 */
public final class FieldScores {
    public static final List<String> FIELDS = List.of("contractNumber", "contractTitle", "parties", "signDate",
            "effectiveDate", "expiryDate", "amount");

    private final Map<String, int[]> counts = new LinkedHashMap<>(); // field -> {correct, total, spurious}
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldScores() {
        for (String f : FIELDS) {
            counts.put(f, new int[3]);
            errors.put(f, new ArrayList<>());
        }
    }

    public void add(String document, GoldDocument.Fields gold, ContractFields predicted) {
        compare(document, "contractNumber", gold.contractNumber(), strip(predicted.contractNumber()),
                Objects.equals(strip(gold.contractNumber()), strip(predicted.contractNumber())));
        compare(document, "contractTitle", gold.contractTitle(), predicted.contractTitle(),
                squeeze(gold.contractTitle()).equals(squeeze(predicted.contractTitle())));
        for (GoldDocument.Party party : gold.parties()) {
            boolean right = predicted.parties().stream()
                    .anyMatch(p -> squeeze(p.role()).equals(squeeze(party.role())) && squeeze(p.name()).equals(squeeze(party.name())));
            String seen = predicted.parties().stream().map(p -> p.role() + ":" + p.name()).toList().toString();
            compare(document, "parties", party.role() + ":" + party.name(), seen, right);
        }
        compare(document, "signDate", gold.signDate(), predicted.signDate(), Objects.equals(gold.signDate(), predicted.signDate()));
        compare(document, "effectiveDate", gold.effectiveDate(), predicted.effectiveDate(),
                Objects.equals(gold.effectiveDate(), predicted.effectiveDate()));
        compare(document, "expiryDate", gold.expiryDate(), predicted.expiryDate(),
                Objects.equals(gold.expiryDate(), predicted.expiryDate()));
        ContractFields.Amount a = predicted.amount();
        boolean amountRight = gold.amount() != null && a != null && a.value() != null
                && gold.amount().value().compareTo(a.value()) == 0 && gold.amount().currency().equals(a.currency());
        compare(document, "amount", gold.amount() == null ? null : plain(gold.amount().value()) + " " + gold.amount().currency(),
                a == null ? null : (a.value() == null ? "?" : plain(a.value())) + " " + a.currency(), amountRight);
    }

    private void compare(String document, String field, Object gold, Object predicted, boolean right) {
        int[] c = counts.get(field);
        if (gold == null) {
            if (predicted != null && !field.equals("contractTitle") && !field.equals("parties")) {
                c[2]++;
                errors.get(field).add(document + ": spurious " + predicted);
            }
            return;
        }
        c[1]++;
        if (right) {
            c[0]++;
        } else {
            errors.get(field).add(document + ": expected " + gold + ", got " + predicted);
        }
    }

    public int correct(String field) {
        return counts.get(field)[0];
    }

    public int total(String field) {
        return counts.get(field)[1];
    }

    public int spurious(String field) {
        return counts.get(field)[2];
    }

    public double accuracy(String field) {
        return total(field) == 0 ? 0 : (double) correct(field) / total(field);
    }

    public int correctOverall() {
        return FIELDS.stream().mapToInt(this::correct).sum();
    }

    public int totalOverall() {
        return FIELDS.stream().mapToInt(this::total).sum();
    }

    public double accuracyOverall() {
        return totalOverall() == 0 ? 0 : (double) correctOverall() / totalOverall();
    }

    public List<String> errors(String field) {
        return List.copyOf(errors.get(field));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("[\\s\u3000]+", "");
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
