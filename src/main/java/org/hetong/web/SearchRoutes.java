package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import org.hetong.search.QuerySyntaxException;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchService;

/** {@code GET /api/search}: clause search with highlights and facets. */
final class SearchRoutes {
    private final SearchService search;

    SearchRoutes(SearchService search) {
        this.search = search;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/search", this::search);
    }

    private void search(Context ctx) throws IOException {
        SearchRequest request;
        try {
            request = new SearchRequest(ctx.queryParam("q"), Params.param(ctx, "type"), Params.param(ctx, "kind"),
                    Params.param(ctx, "party"), Params.param(ctx, "year"), Params.param(ctx, "contract"), Params.param(ctx, "risk"),
                    Params.intParam(ctx, "page", 1), Params.intParam(ctx, "size", 20), Params.param(ctx, "sort"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_parameter", e.getMessage());
        }
        try {
            ctx.json(search.search(request));
        } catch (QuerySyntaxException e) {
            throw ApiException.badRequest("query_syntax", e.getMessage());
        }
    }
}
