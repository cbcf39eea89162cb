package org.hetong.understand;

import java.util.Objects;

/**
 * A change a supplement makes to a clause of its contract: "第五条第二款修改为…" (modify),
 * "删除第八条第二款" (delete), "增加一条作为第十三条" (add), "原合同附件二…调整为…" (an appendix modified).
 * The target is an article or an appendix, never both.
 *
 * @param clauseOrdinal  the supplement's clause that makes the change
 * @param targetArticle  the contract article changed, as a number (5 for 第五条); 0 when an appendix is
 * @param targetLabel    the target as written, e.g. 第五条第二款, 附件二
 * @param excerpt        the sentence that makes the change
 * @param targetAppendix the contract appendix changed, as a number (2 for 附件二); 0 when an article is (and in
 *                       facts stored before appendices were read)
 */
public record Amendment(int clauseOrdinal, Action action, int targetArticle, String targetLabel, String excerpt,
                        int targetAppendix) {
    public enum Action {
        MODIFY, DELETE, ADD;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String label() {
            return switch (this) {
                case MODIFY -> "修改";
                case DELETE -> "删除";
                case ADD -> "新增";
            };
        }
    }

    public Amendment {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetLabel, "targetLabel");
        if ((targetArticle < 1) == (targetAppendix < 1)) {
            throw new IllegalArgumentException("a change targets an article or an appendix by a positive number, not article "
                    + targetArticle + " and appendix " + targetAppendix);
        }
    }

    /** A change of an article. */
    public Amendment(int clauseOrdinal, Action action, int targetArticle, String targetLabel, String excerpt) {
        this(clauseOrdinal, action, targetArticle, targetLabel, excerpt, 0);
    }

    /** A change of an appendix (附件二 → 2). */
    public static Amendment ofAppendix(int clauseOrdinal, Action action, int appendix, String targetLabel, String excerpt) {
        return new Amendment(clauseOrdinal, action, 0, targetLabel, excerpt, appendix);
    }

    /** The contract clause changed, as {@link #keyOf} gives it for the contract's own clauses. */
    public String targetKey() {
        return targetAppendix > 0 ? "appendix:" + targetAppendix : "article:" + targetArticle;
    }

    /** The key a change of this clause carries: an article or an appendix by its number; null for other clauses. */
    public static String keyOf(ClauseRole role, Integer number) {
        if (number == null) {
            return null;
        }
        return switch (role) {
            case CLAUSE -> "article:" + number;
            case APPENDIX -> "appendix:" + number;
            default -> null;
        };
    }
}
