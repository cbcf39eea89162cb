package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.OriginalStore;
import org.hetong.archive.UploadJobs;
import org.hetong.ingest.DisplayNames;
import org.hetong.ingest.FailureReason;
import org.hetong.ingest.ImportQueue;
import org.hetong.ingest.IngestLimits;
import org.hetong.ingest.Sizes;

/**
 * Bulk upload: {@code POST /api/uploads} (multipart, any number of files) answers {@code 202 {"jobId"}}
 * once every file of the request is durably in the original store and queued in the catalog;
 * {@code GET /api/uploads/{jobId}} reports progress.
 *
 * <p>The body is read as a stream ({@link MultipartFiles}): each file goes from the
 * socket through the SHA-256 digest straight into the store, so no upload is ever held in memory
 * and no temporary copy is made. A file over the size limit becomes a failed item with its reason;
 * the files after it still arrive.
 */
final class UploadRoutes {
    private final Catalog catalog;
    private final OriginalStore store;
    private final UploadJobs jobs;
    private final ImportQueue queue;
    private final IngestLimits limits;

    UploadRoutes(Catalog catalog, OriginalStore store, UploadJobs jobs, ImportQueue queue, IngestLimits limits) {
        this.catalog = catalog;
        this.store = store;
        this.jobs = jobs;
        this.queue = queue;
        this.limits = limits;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/uploads", this::create);
        routes.post("/api/uploads/{jobId}", this::append);
        routes.get("/api/uploads", this::recent);
        routes.get("/api/uploads/{jobId}", this::progress);
    }

    private void create(Context ctx) throws IOException {
        Integer expected = ctx.queryParam("expect") == null ? null : Params.intParam(ctx, "expect", 0);
        requireMultipart(ctx);
        UploadJobs.Job job = jobs.create("web", expected);
        receive(ctx, job);
    }

    private void append(Context ctx) throws IOException {
        UploadJobs.Job job = jobs.job(ctx.pathParam("jobId"))
                .orElseThrow(() -> ApiException.notFound("找不到上传任务 " + ctx.pathParam("jobId") + "。"));
        requireMultipart(ctx);
        receive(ctx, job);
    }

    private void requireMultipart(Context ctx) {
        if (!JakartaServletFileUpload.isMultipartContent(ctx.req())) {
            throw ApiException.badRequest("not_multipart", "请以 multipart/form-data 格式上传文件（表单字段 file，可多个）。");
        }
        long length = ctx.req().getContentLengthLong();
        if (length > limits.maxRequestBytes()) {
            throw new ApiException(413, "request_too_large", "单次上传 " + Sizes.human(length) + "，超过上限 "
                    + Sizes.human(limits.maxRequestBytes()) + "。请分批上传。");
        }
    }

    private void receive(Context ctx, UploadJobs.Job job) throws IOException {
        List<UploadJobs.Arrival> arrivals = new ArrayList<>();
        Map<String, String> seenInJob = new HashMap<>();
        for (UploadJobs.Item earlier : jobs.items(job.id(), 0)) {
            if (earlier.sha256() != null) {
                seenInJob.put(earlier.sha256(), earlier.name());
            }
        }
        try {
            MultipartFiles.read(ctx.req(), limits.maxRequestBytes(), (rawName, content) -> {
                String name = DisplayNames.clean(rawName);
                if (arrivals.size() >= limits.maxFilesPerRequest()) {
                    arrivals.add(UploadJobs.Arrival.refused(name, 0, FailureReason.ARCHIVE_LIMIT.code(),
                            "单次上传的文件数超过上限 " + limits.maxFilesPerRequest() + "，此文件未接收。请分批上传。"));
                    return;
                }
                arrivals.add(arrive(content, name, seenInJob));
            });
        } catch (MultipartFiles.TooLargeException e) {
            throw new ApiException(413, "request_too_large", "上传内容超过上限 " + Sizes.human(limits.maxRequestBytes())
                    + "，本次上传未被接收。请分批上传。");
        } catch (FileUploadSizeException e) {
            throw ApiException.badRequest("bad_multipart", "某个文件的表单头超过 " + MultipartFiles.PART_HEADER_BYTES / 1024
                    + " KB（文件名过长？），本次上传未被接收。请缩短文件名后重试。");
        } catch (FileUploadException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MultipartFiles.TooLargeException) {
                    throw new ApiException(413, "request_too_large", "上传内容超过上限 " + Sizes.human(limits.maxRequestBytes())
                            + "，本次上传未被接收。请分批上传。");
                }
            }
            throw ApiException.badRequest("bad_multipart", "上传内容不完整或格式错误（" + e.getMessage() + "），本次上传未被接收，请重试。");
        }
        List<UploadJobs.Item> items = jobs.arrive(job.id(), arrivals);
        queue.wake();
        AuditTrail.note(ctx, job.id(), arrivals.size() + " 个文件");
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (UploadJobs.Item item : items) {
            accepted.add(itemJson(item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.id());
        body.put("accepted", items.size());
        body.put("items", accepted);
        ctx.status(202).json(body);
    }

    private UploadJobs.Arrival arrive(InputStream content, String name, Map<String, String> seenInJob) throws IOException {
        OriginalStore.Stored stored;
        try {
            stored = store.put(content, limits.maxFileBytes());
        } catch (OriginalStore.TooLargeException e) {
            return UploadJobs.Arrival.refused(name, e.limit(), FailureReason.TOO_LARGE.code(),
                    FailureReason.TOO_LARGE.message("上限 " + Sizes.human(limits.maxFileBytes())));
        }
        DocumentRecord known = catalog.findBySha(stored.sha256()).filter(DocumentRecord::isFinished).orElse(null);
        // A scan that waited for OCR is queued again rather than refused: OCR may be available now.
        if (known != null && FailureReason.NEEDS_OCR.code().equals(known.errorCode())) {
            known = null;
        }
        if (known != null && DocumentRecord.FAILED.equals(known.status())) {
            return UploadJobs.Arrival.knownFailure(name, stored.sha256(), stored.sizeBytes(), known.errorCode(),
                    "与已上传的文件 " + known.fileName() + " 内容相同，该文件无法读取：" + known.errorMessage());
        }
        if (known != null || seenInJob.containsKey(stored.sha256())) {
            return UploadJobs.Arrival.duplicate(name, stored.sha256(), stored.sizeBytes());
        }
        seenInJob.put(stored.sha256(), name);
        return UploadJobs.Arrival.queued(name, stored.sha256(), stored.sizeBytes());
    }

    private void progress(Context ctx) {
        UploadJobs.Job job = jobs.job(ctx.pathParam("jobId"))
                .orElseThrow(() -> ApiException.notFound("找不到上传任务 " + ctx.pathParam("jobId") + "。"));
        long since = Math.max(0, Params.longParam(ctx, "since", 0));
        long version = jobs.currentVersion();
        UploadJobs.Counts counts = jobs.counts(job.id());
        List<Map<String, Object>> items = new ArrayList<>();
        for (UploadJobs.Item item : jobs.items(job.id(), since)) {
            items.add(itemJson(item));
        }
        Map<String, Object> body = jobJson(job, counts);
        body.put("version", version);
        body.put("items", items);
        ctx.json(body);
    }

    private void recent(Context ctx) {
        int size = Math.min(Math.max(Params.intParam(ctx, "size", 20), 1), 200);
        List<Map<String, Object>> list = new ArrayList<>();
        for (UploadJobs.Job job : jobs.recent(size)) {
            list.add(jobJson(job, jobs.counts(job.id())));
        }
        ctx.json(Map.of("jobs", list));
    }

    private static Map<String, Object> jobJson(UploadJobs.Job job, UploadJobs.Counts counts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.id());
        body.put("createdAt", job.createdAt());
        body.put("state", job.state());
        body.put("source", job.source());
        body.put("expected", job.expected());
        body.put("received", job.received());
        body.put("total", counts.total());
        body.put("done", counts.done());
        body.put("failed", counts.failed());
        body.put("queued", counts.queued());
        body.put("processing", counts.processing());
        body.put("stored", counts.stored());
        body.put("duplicate", counts.duplicate());
        body.put("finishedAt", job.finishedAt());
        return body;
    }

    private static Map<String, Object> itemJson(UploadJobs.Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", item.seq());
        json.put("name", item.name());
        json.put("status", item.status());
        json.put("documentId", item.status().equals(UploadJobs.FAILED) && item.documentId() == null ? null : item.documentId());
        json.put("errorCode", item.errorCode());
        json.put("error", item.errorMessage());
        json.put("progress", item.progress());
        json.put("sizeBytes", item.sizeBytes());
        json.put("parentSeq", item.parentSeq());
        json.put("version", item.version());
        return json;
    }
}
