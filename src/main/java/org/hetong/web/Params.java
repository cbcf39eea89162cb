package org.hetong.web;

import io.javalin.http.Context;

/** Reading query parameters with errors that say which parameter and what is expected. */
final class Params {
    private Params() {}

    static int intParam(Context ctx, String name, int defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_parameter", "参数 " + name + " 应为整数，实际为「" + value + "」。");
        }
    }

    static long longParam(Context ctx, String name, long defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_parameter", "参数 " + name + " 应为整数，实际为「" + value + "」。");
        }
    }

    static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
