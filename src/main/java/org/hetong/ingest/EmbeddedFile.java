package org.hetong.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file found inside a container (a mail's attachment, an archive's entry), unpacked to a
 * scratch file named by us. {@code name} is the name or path the container gives it, kept for
 * display and never used as a path. When the entry could not be taken (too large), {@code file}
 * is null and {@code failure} says why.
 */
public record EmbeddedFile(String name, String relation, Path file, long sizeBytes, FailureReason failure, String failureDetail) {
    public EmbeddedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relation, "relation");
        if ((file == null) == (failure == null)) {
            throw new IllegalArgumentException("an embedded file has either its bytes or a failure");
        }
    }

    public static EmbeddedFile unpacked(String name, String relation, Path file, long size) {
        return new EmbeddedFile(name, relation, file, size, null, null);
    }

    public static EmbeddedFile failed(String name, String relation, FailureReason failure, String detail) {
        return new EmbeddedFile(name, relation, null, 0, failure, detail);
    }
}
