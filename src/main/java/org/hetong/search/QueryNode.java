package org.hetong.search;

import java.util.List;

/** The parsed form of a user's query, before it becomes a Lucene query. */
sealed interface QueryNode {
    /** Words to find; {@code quoted} when the user put them in double quotes. */
    record Text(String text, boolean quoted) implements QueryNode {}

    /** A filter such as {@code type:保密}. */
    record Filter(String field, String value) implements QueryNode {}

    /** {@code -x}: results must not match x. */
    record Not(QueryNode node) implements QueryNode {}

    /** {@code a OR b}. */
    record Or(List<QueryNode> nodes) implements QueryNode {
        public Or {
            nodes = List.copyOf(nodes);
        }
    }

    /** Everything at one level, all required. */
    record And(List<QueryNode> nodes) implements QueryNode {
        public And {
            nodes = List.copyOf(nodes);
        }
    }
}
