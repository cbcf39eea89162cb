package org.hetong.search;

/**
 * One search: the query as typed, filters from the page's facets, paging and sort.
 *
 * @param ocr  {@code true}: only clauses read by OCR from scans; {@code false}: only typed ones; null: both
 * @param sort {@code relevance} (default) or {@code date}
 */
public record SearchRequest(String query, String type, String kind, String party, String year, String contract,
                            String risk, String ocr, int page, int size, String sort) {
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 500;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (query.length() > 1000) {
            throw new IllegalArgumentException("检索式过长（超过 1000 个字符），请缩短。");
        }
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("页码应在 1 到 " + MAX_PAGE + " 之间，实际为 " + page + "。");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("每页条数应在 1 到 " + MAX_SIZE + " 之间，实际为 " + size + "。");
        }
        sort = sort == null || sort.isBlank() ? "relevance" : sort;
        if (!sort.equals("relevance") && !sort.equals("date")) {
            throw new IllegalArgumentException("排序方式「" + sort + "」无效，应为 relevance 或 date。");
        }
    }

    public SearchRequest(String query, String type, String kind, String party, String year, String contract,
                         String risk, int page, int size, String sort) {
        this(query, type, kind, party, year, contract, risk, null, page, size, sort);
    }

    public SearchRequest(String query, String type, String kind, String party, String year, String contract,
                         int page, int size, String sort) {
        this(query, type, kind, party, year, contract, null, null, page, size, sort);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, null, null, null, null, 1, 20, null);
    }

    public boolean hasFilters() {
        return notBlank(type) || notBlank(kind) || notBlank(party) || notBlank(year) || notBlank(contract) || notBlank(risk)
                || notBlank(ocr);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
