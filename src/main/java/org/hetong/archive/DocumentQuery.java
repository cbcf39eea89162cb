package org.hetong.archive;

import java.util.List;
import java.util.Set;

/**
 * Filters, sorting and paging for browsing documents. Values are bound as parameters; the sort
 * is chosen from a fixed list, never copied from input into SQL.
 */
public record DocumentQuery(String kind, String status, String contractId, String year, String sort, int page, int size) {
    private static final Set<String> SORTS = Set.of("newest", "oldest", "title", "name");

    public DocumentQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page starts at 1, was " + page);
        }
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("size must be between 1 and 500, was " + size);
        }
        if (sort != null && !sort.isBlank() && !SORTS.contains(sort)) {
            throw new IllegalArgumentException("unknown sort '" + sort + "'; use one of " + String.join(", ", SORTS));
        }
    }

    public static DocumentQuery all(int page, int size) {
        return new DocumentQuery(null, null, null, null, null, page, size);
    }

    void appendWhere(StringBuilder sql, List<Object> args) {
        if (kind != null && !kind.isBlank()) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
        if (status != null && !status.isBlank()) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (contractId != null && !contractId.isBlank()) {
            sql.append(" AND contract_id = ?");
            args.add(contractId);
        }
        if (year != null && !year.isBlank()) {
            sql.append(" AND json_extract(fields_json, '$.signDate') LIKE ?");
            args.add(year + "-%");
        }
    }

    String orderBy() {
        if (sort == null || sort.isBlank()) {
            return "created_at DESC, id";
        }
        return switch (sort) {
            case "oldest" -> "created_at ASC, id";
            case "title" -> "title COLLATE NOCASE, id";
            case "name" -> "file_name COLLATE NOCASE, id";
            default -> "created_at DESC, id";
        };
    }
}
