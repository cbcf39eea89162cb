package org.hetong.understand;

import java.util.Objects;

/**
 * A change a supplement makes to a clause of its contract: "第五条第二款修改为…" (modify),
 * "删除第八条第二款" (delete), "增加一条作为第十三条" (add).
 *
 * @param clauseOrdinal the supplement's clause that makes the change
 * @param targetArticle the contract article changed, as a number (5 for 第五条)
 * @param targetLabel   the target as written, e.g. 第五条第二款
 * @param excerpt       the sentence that makes the change
 */
public record Amendment(int clauseOrdinal, Action action, int targetArticle, String targetLabel, String excerpt) {
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
        if (targetArticle < 1) {
            throw new IllegalArgumentException("an amended article has a positive number, not " + targetArticle);
        }
    }
}
