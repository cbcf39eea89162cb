package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hetong.archive.AuditLog;

/**
 * The audit log for administrators: {@code GET /api/audit} filtered by account, action and time
 * ({@code from}/{@code to} as dates, inclusive, or as ISO instants), newest first;
 * {@code GET /api/audit/export.csv} the same filters as a CSV file (UTF-8 with BOM, for Excel).
 */
final class AuditRoutes {
    private static final int EXPORT_PAGE = 1;
    private final AuditLog audit;

    AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/audit", this::list);
        routes.get("/api/audit/export.csv", this::export);
    }

    private void list(Context ctx) {
        int page = Math.max(1, Params.intParam(ctx, "page", 1));
        int size = Math.min(Math.max(Params.intParam(ctx, "size", 50), 1), 500);
        AuditLog.Query query = query(ctx, page, size);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (AuditLog.Entry e : audit.find(query)) {
            entries.add(entryJson(e));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", audit.count(query));
        body.put("entries", entries);
        ctx.json(body);
    }

    private void export(Context ctx) throws IOException {
        AuditLog.Query query = query(ctx, EXPORT_PAGE, 1);
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", DocumentRoutes.contentDisposition("attachment", "hetong-审计日志.csv"));
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        out.write("编号,时间(UTC),账号,操作,对象,详情,来源地址,状态\r\n");
        try {
            audit.forEach(query, e -> {
                try {
                    out.write(e.id() + "," + cell(e.at()) + "," + cell(e.username()) + "," + cell(e.action()) + "," + cell(e.target())
                            + "," + cell(e.detail()) + "," + cell(e.ip()) + "," + e.status() + "\r\n");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /**
     * One CSV cell: quoted, quotes doubled; a value that a spreadsheet would take for a formula
     * (starting with = + - @ or a control character) gets a leading apostrophe (OWASP CSV injection).
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static AuditLog.Query query(Context ctx, int page, int size) {
        Instant from = instant(Params.param(ctx, "from"), "from", false);
        Instant to = instant(Params.param(ctx, "to"), "to", true);
        return new AuditLog.Query(Params.param(ctx, "user"), Params.param(ctx, "action"), from, to, page, size);
    }

    /** A date (the start of that day, or of the next day for an inclusive end) or an ISO instant. */
    private static Instant instant(String text, String name, boolean end) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad_parameter", "参数 " + name + " 应为日期（例如 2024-05-01）或 ISO 时间，实际为「" + text + "」。");
        }
    }

    private static Map<String, Object> entryJson(AuditLog.Entry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("at", e.at());
        json.put("username", e.username());
        json.put("action", e.action());
        json.put("target", e.target());
        json.put("detail", e.detail());
        json.put("ip", e.ip());
        json.put("status", e.status());
        return json;
    }
}
