package org.hetong.archive;

import java.util.List;
import java.util.Set;

/**
 * Filters, sorting and paging for browsing documents. Values are bound as parameters; the sort
 * is chosen from a fixed list, never copied from input into SQL.
 *
 * @param party   part of a party's name
 * @param text    part of the title or file name
 * @param deleted true to list the trash instead of the archive
 */
public record DocumentQuery(String kind, String status, String contractId, String year, String party, String text,
                            boolean deleted, String sort, int page, int size) {
    private static final Set<String> SORTS = Set.of("newest", "oldest", "title", "name", "date");

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
        if (year != null && !year.isBlank() && !year.strip().matches("\\d{4}")) {
            throw new IllegalArgumentException("year must have four digits, was '" + year + "'");
        }
    }

    public DocumentQuery(String kind, String status, String contractId, String year, String sort, int page, int size) {
        this(kind, status, contractId, year, null, null, false, sort, page, size);
    }

    public static DocumentQuery all(int page, int size) {
        return new DocumentQuery(null, null, null, null, null, page, size);
    }

    String deletedClause() {
        return deleted ? "deleted_at IS NOT NULL" : "deleted_at IS NULL";
    }

    void appendWhere(StringBuilder sql, List<Object> args) {
        if (notBlank(kind)) {
            sql.append(" AND kind = ?");
            args.add(kind.strip());
        }
        if (notBlank(status)) {
            sql.append(" AND status = ?");
            args.add(status.strip());
        }
        if (notBlank(contractId)) {
            sql.append(" AND contract_id = ?");
            args.add(contractId.strip());
        }
        if (notBlank(year)) {
            sql.append(" AND COALESCE(json_extract(fields_json, '$.signDate'), json_extract(fields_json, '$.effectiveDate')) LIKE ?");
            args.add(year.strip() + "-%");
        }
        if (notBlank(party)) {
            sql.append(" AND EXISTS (SELECT 1 FROM json_each(documents.fields_json, '$.parties') p"
                    + " WHERE json_extract(p.value, '$.name') LIKE ? ESCAPE '\\')");
            args.add("%" + escapeLike(party.strip()) + "%");
        }
        if (notBlank(text)) {
            sql.append(" AND (title LIKE ? ESCAPE '\\' OR file_name LIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(text.strip()) + "%";
            args.add(pattern);
            args.add(pattern);
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
            case "date" -> "json_extract(fields_json, '$.signDate') IS NULL, json_extract(fields_json, '$.signDate') DESC, id";
            default -> "created_at DESC, id";
        };
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
