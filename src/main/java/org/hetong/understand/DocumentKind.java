package org.hetong.understand;

import java.util.Locale;

/** The kinds of documents in a contract archive. */
public enum DocumentKind {
    CONTRACT("合同"),
    SUPPLEMENT("补充协议"),
    CORRESPONDENCE("往来函件"),
    ATTACHMENT("附件/记录"),
    OTHER("其他");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }

    /** The code used in the API and the index: contract, supplement, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the code (supplement) or the Chinese label (补充协议). */
    public static DocumentKind parse(String value) {
        for (DocumentKind kind : values()) {
            if (kind.code().equalsIgnoreCase(value) || kind.label.equals(value)) {
                return kind;
            }
        }
        if (value != null && (value.equals("补充协议") || value.equals("变更协议") || value.equals("补充"))) {
            return SUPPLEMENT;
        }
        if (value != null && (value.equals("函件") || value.equals("邮件") || value.equals("通知"))) {
            return CORRESPONDENCE;
        }
        if (value != null && value.equals("附件")) {
            return ATTACHMENT;
        }
        throw new IllegalArgumentException("unknown document kind '" + value
                + "'; use one of contract, supplement, correspondence, attachment, other");
    }
}
