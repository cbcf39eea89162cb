package org.hetong.web;

import org.hetong.archive.Role;

/**
 * Who sends a request, and how they proved it: a session cookie from the login page, HTTP Basic,
 * or an API token ({@code tokenId} set).
 */
record Principal(String username, Role role, Via via, String tokenId) {
    enum Via { SESSION, BASIC, TOKEN }

    boolean may(Role required) {
        return required == null || role.includes(required);
    }
}
