package org.hetong.search;

/** A query the user typed that cannot be read; the message says where and how to fix it, in Chinese. */
public final class QuerySyntaxException extends Exception {
    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Character position in the query where the problem is, from 0. */
    public int position() {
        return position;
    }
}
