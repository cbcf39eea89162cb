package org.hetong.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Streams the files of a {@code multipart/form-data} request one at a time, straight from the
 * socket, using Commons FileUpload's {@link MultipartInput} parser.
 *
 * <p>FileUpload's high-level iterator is not used because in 2.0.0-M4 it caps each part's headers
 * at 512 bytes — less than one long Chinese file name in UTF-8 — and rejects names containing
 * a NUL character outright, failing the whole request; here the header limit is 64 KB and such
 * names are read from the raw header.
 */
final class MultipartFiles {
    static final int PART_HEADER_BYTES = 64 * 1024;
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** Receives each file part; {@code content} is only valid during the call. */
    interface FileHandler {
        void file(String name, InputStream content) throws IOException;
    }

    /** The request was longer than allowed. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("request larger than " + limit + " bytes");
        }
    }

    private MultipartFiles() {}

    static void read(HttpServletRequest request, long maxBytes, FileHandler handler) throws IOException, FileUploadException {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        byte[] boundary = upload.getBoundary(request.getContentType());
        if (boundary == null) {
            throw new FileUploadException("the multipart request has no boundary");
        }
        InputStream body = BoundedInputStream.builder()
                .setInputStream(request.getInputStream())
                .setMaxCount(maxBytes + 1)
                .setOnMaxCount((max, count) -> {
                    throw new TooLargeException(maxBytes);
                })
                .get();
        MultipartInput input = MultipartInput.builder()
                .setInputStream(body)
                .setBoundary(boundary)
                .setPartHeaderSizeMax(PART_HEADER_BYTES)
                .get();
        input.setHeaderCharset(StandardCharsets.UTF_8);
        boolean more = input.skipPreamble();
        while (more) {
            String rawHeaders = input.readHeaders();
            FileItemHeaders headers = upload.getParsedHeaders(rawHeaders);
            String name = fileName(upload, headers);
            if (name == null) {
                input.discardBodyData();
            } else {
                try (InputStream content = input.newInputStream()) {
                    handler.file(name, content);
                    content.transferTo(OutputStreamSink.INSTANCE);
                }
            }
            more = input.readBoundary();
        }
    }

    /** The file name of a part, or null for a plain form field. */
    private static String fileName(JakartaServletFileUpload<?, ?> upload, FileItemHeaders headers) {
        try {
            String name = upload.getFileName(headers);
            if (name != null) {
                return name.isBlank() ? upload.getFieldName(headers) : name;
            }
            return null;
        } catch (InvalidPathException e) {
            String disposition = headers.getHeader("Content-Disposition");
            Matcher m = disposition == null ? null : FILENAME.matcher(disposition);
            return m != null && m.find() ? m.group(1) : "未命名文件";
        }
    }

    /** Discards what a handler left unread of a part. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discard
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discard
        }
    }
}
