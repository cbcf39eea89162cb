package org.hetong.archive;

import java.util.Locale;

/**
 * What an account may do. Each role includes the ones before it: 查阅 reader (search, view,
 * download), 上传 uploader (+ upload, retry, family links), 管理 admin (+ users, tokens, delete and
 * restore, audit log).
 */
public enum Role {
    READER("reader", "查阅"),
    UPLOADER("uploader", "上传"),
    ADMIN("admin", "管理");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Chinese name shown to people. */
    public String label() {
        return label;
    }

    /** True when this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** A role from its code (reader, uploader, admin) or its Chinese name. */
    public static Role parse(String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Role role : values()) {
                if (role.code.equals(t) || role.label.equals(t)) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("未知的角色「" + text + "」，应为 reader（查阅）、uploader（上传）或 admin（管理）。");
    }
}
