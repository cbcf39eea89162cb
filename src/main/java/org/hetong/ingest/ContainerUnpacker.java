package org.hetong.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Takes the files out of a container (mail attachments, archive entries) while Tika walks it, so
 * that each becomes a document of its own with its original kept.
 *
 * <p>Each file is streamed to a scratch file under a name we choose; the name inside the container
 * is kept only as a label. Limits on count, size, total expanded size and expansion ratio are
 * checked while bytes flow, so a zip bomb stops at the limit instead of filling the disk. Inline
 * text parts of a mail (its body) are parsed into the mail's own text instead; inline images
 * (logos, signatures) are skipped.
 */
final class ContainerUnpacker implements EmbeddedDocumentExtractor {
    private final ParsingEmbeddedDocumentExtractor bodyParser;
    private final IngestLimits limits;
    private final Path scratch;
    private final long containerSize;
    private final String relation;
    private final List<EmbeddedFile> files = new ArrayList<>();
    private long expanded;
    private String abortDetail;

    ContainerUnpacker(ParseContext context, IngestLimits limits, Path scratch, long containerSize, String relation) {
        this.bodyParser = new ParsingEmbeddedDocumentExtractor(context);
        this.limits = limits;
        this.scratch = scratch;
        this.containerSize = Math.max(containerSize, 1);
        this.relation = relation;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return abortDetail == null;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (abortDetail != null) {
            return;
        }
        String type = metadata.get(Metadata.CONTENT_TYPE);
        boolean inline = TikaCoreProperties.EmbeddedResourceType.INLINE.toString()
                .equals(metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE));
        String name = nameOf(metadata);
        if (inline && name == null) {
            if (type != null && type.startsWith("text/")) {
                bodyParser.parseEmbedded(stream, handler, metadata, outputHtml);
            }
            return;
        }
        if (files.size() >= limits.maxEntries()) {
            abort("文件数超过上限 " + limits.maxEntries());
            return;
        }
        String label = name == null ? "未命名附件-" + (files.size() + 1) : name;
        Path file = Files.createTempFile(scratch, "embedded-", ".bin");
        long size = 0;
        boolean keep = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = stream.read(buffer)) > 0) {
                size += n;
                expanded += n;
                if (size > limits.maxFileBytes()) {
                    files.add(EmbeddedFile.failed(label, relation, FailureReason.TOO_LARGE,
                            "上限 " + Sizes.human(limits.maxFileBytes())));
                    return;
                }
                if (expanded > limits.maxExpandedBytes()) {
                    abort("解压后总大小超过上限 " + Sizes.human(limits.maxExpandedBytes()));
                    return;
                }
                if (expanded > (1 << 20) && (double) expanded / containerSize > limits.maxRatio()) {
                    abort("压缩比超过 " + (long) limits.maxRatio() + ":1，疑似压缩炸弹");
                    return;
                }
                out.write(buffer, 0, n);
            }
            keep = true;
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
        files.add(EmbeddedFile.unpacked(label, relation, file, size));
    }

    /** Records a file of the container that could not be taken (an encrypted entry, say). */
    void failed(String name, FailureReason reason) {
        String label = name == null || name.isBlank() ? "未命名附件-" + (files.size() + 1) : DisplayNames.clean(name);
        files.add(EmbeddedFile.failed(label, relation, reason, null));
    }

    private void abort(String detail) {
        abortDetail = detail;
    }

    /** Why unpacking stopped early, or null when every file was taken. */
    String abortDetail() {
        return abortDetail;
    }

    List<EmbeddedFile> files() {
        return files;
    }

    /** Removes the scratch files (after a failure, or once they have been imported). */
    void discard() {
        for (EmbeddedFile f : files) {
            if (f.file() != null) {
                try {
                    Files.deleteIfExists(f.file());
                } catch (IOException ignored) {
                    // Scratch space is emptied at the next start anyway.
                }
            }
        }
    }

    private static String nameOf(Metadata metadata) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name == null || name.isBlank()) {
            name = metadata.get(TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID);
        }
        return name == null || name.isBlank() ? null : DisplayNames.clean(name);
    }
}
