package org.hetong.understand;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags a contract's risks: clause types its kind of contract should have but does not, an end
 * date within the warning window (or past), and automatic renewal terms.
 */
public final class RiskAssessor {
    private final RiskChecklist checklist;

    public RiskAssessor(RiskChecklist checklist) {
        this.checklist = checklist;
    }

    public RiskChecklist checklist() {
        return checklist;
    }

    /** The risks of a contract on {@code today}; documents of other kinds have none. */
    public List<Risk> assess(DocumentKind kind, String title, ContractFields fields, List<Clause> clauses, LocalDate today) {
        if (kind != DocumentKind.CONTRACT) {
            return List.of();
        }
        List<Risk> risks = new ArrayList<>();
        RiskChecklist.Category category = checklist.categoryOf(title);
        Set<String> present = new HashSet<>();
        for (Clause c : clauses) {
            if (c.clauseType() != null) {
                present.add(c.clauseType());
            }
            if (c.secondaryType() != null) {
                present.add(c.secondaryType());
            }
        }
        for (String required : category.required()) {
            if (!present.contains(required)) {
                risks.add(new Risk("missing:" + required, "缺少" + required + "条款", Risk.MEDIUM,
                        "按「" + category.name() + "」类合同的检查清单，应有「" + required + "」条款，但未找到。", null));
            }
        }
        LocalDate end = fields.expiryDate();
        if (end != null) {
            long days = ChronoUnit.DAYS.between(today, end);
            if (days < 0) {
                risks.add(new Risk("expired", "已到期", Risk.LOW, "合同已于 " + end + " 到期。", null));
            } else if (days <= checklist.expiryWarningDays()) {
                risks.add(new Risk("expiring", "即将到期", Risk.HIGH, "合同将于 " + end + " 到期（" + days + " 天后）。", null));
            }
        }
        for (Clause c : clauses) {
            if (!c.searchable()) {
                continue;
            }
            for (String word : checklist.autoRenewalWords()) {
                if (c.text().contains(word)) {
                    String where = c.number() == null ? "" : "（" + c.number() + "）";
                    risks.add(new Risk("auto-renewal", "自动续期", Risk.MEDIUM, "含自动续期条款" + where + "：「" + word + "」。", c.ordinal()));
                    return risks;
                }
            }
        }
        return risks;
    }
}
