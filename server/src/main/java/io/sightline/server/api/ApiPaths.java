package io.sightline.server.api;

/** Which requests belong to the REST API, whose every answer, errors included, is JSON. */
final class ApiPaths {
    private ApiPaths() {}

    public static boolean isApi(String uri) {
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
    }
}
