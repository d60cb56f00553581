package io.sightline.server.web;

/**
 * Which item of the main menu a page belongs to, so the menu can mark it as the current page
 * ({@code aria-current="page"}). One's own API keys belong to "API keys", another user's to "Users".
 */
final class NavSection {
    private NavSection() {}

    /** @param path the request path without the context path; @param login the session user's login */
    static String of(String path, String login) {
        if (path == null || path.isEmpty() || path.equals("/")) return "home";
        if (path.startsWith("/cases")) return "cases";
        if (path.startsWith("/alerts")) return "alerts";
        if (path.startsWith("/tasks")) return "tasks";
        if (path.startsWith("/intel")) return "intel";
        if (path.startsWith("/account/keys") || path.equals("/admin/users/" + login + "/keys")) return "keys";
        if (path.startsWith("/admin/users")) return "users";
        if (path.startsWith("/admin/organisations")) return "organisations";
        if (path.startsWith("/admin/profiles")) return "profiles";
        if (path.startsWith("/about")) return "about";
        return "";
    }
}
