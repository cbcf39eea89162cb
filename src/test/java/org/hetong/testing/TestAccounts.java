package org.hetong.testing;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hetong.archive.Role;
import org.hetong.archive.Users;

/**
 * The accounts tests log in with: an administrator (the same password a server process gets from
 * {@code HETONG_ADMIN_PASSWORD}), a reader and an uploader.
 */
public final class TestAccounts {
    public static final String ADMIN = "admin";
    public static final String READER = "reader";
    public static final String UPLOADER = "uploader";
    public static final String PASSWORD = "hetong-test-password";

    private TestAccounts() {}

    /** Creates the three test accounts where they are missing. */
    public static void create(Users users) {
        if (users.find(ADMIN).isEmpty()) {
            users.create(ADMIN, PASSWORD, Role.ADMIN);
        }
        if (users.find(READER).isEmpty()) {
            users.create(READER, PASSWORD, Role.READER);
        }
        if (users.find(UPLOADER).isEmpty()) {
            users.create(UPLOADER, PASSWORD, Role.UPLOADER);
        }
    }

    /** The {@code Authorization} header value of HTTP Basic for this account. */
    public static String basic(String username) {
        return basic(username, PASSWORD);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The administrator's {@code Authorization} header. */
    public static String admin() {
        return basic(ADMIN);
    }

    /** The same request, sent as the administrator. */
    public static HttpRequest asAdmin(HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", admin()).build();
    }
}
