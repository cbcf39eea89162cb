package org.hetong.understand;

/**
 * A risk flagged on a contract. {@code code} groups risks for facets and filters
 * (missing:保密, expiring, expired, auto-renewal); {@code label} is what the facet shows.
 */
public record Risk(String code, String label, String severity, String message, Integer clauseOrdinal) {
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";
}
