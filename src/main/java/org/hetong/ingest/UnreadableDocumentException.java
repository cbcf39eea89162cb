package org.hetong.ingest;

/** A file that could not be read, with the file, its media type and the reason. */
public final class UnreadableDocumentException extends Exception {
    private final String fileName;
    private final String mediaType;
    private final FailureReason reason;
    private final String detail;

    public UnreadableDocumentException(String fileName, String mediaType, FailureReason reason, String detail, Throwable cause) {
        super(fileName + ": " + reason.code() + (detail == null ? "" : " (" + detail + ")"), cause);
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.reason = reason;
        this.detail = detail;
    }

    public UnreadableDocumentException(String fileName, String mediaType, FailureReason reason, String detail) {
        this(fileName, mediaType, reason, detail, null);
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public FailureReason reason() {
        return reason;
    }

    /** The Chinese message for people: what is wrong with this file and what to do. */
    public String userMessage() {
        return reason.message(detail);
    }
}
