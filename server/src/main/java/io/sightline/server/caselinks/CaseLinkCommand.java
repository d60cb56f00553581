package io.sightline.server.caselinks;

/** What to link a case to, or unlink it from, under a link type; read from TheHive's JSON or the UI's form. */
public sealed interface CaseLinkCommand {
    String type();

    /** Another case of the organisation, by "~id" or number. */
    record ToCase(String type, String caseId) implements CaseLinkCommand {}

    /** An external http(s) URL. */
    record ToUrl(String type, String url) implements CaseLinkCommand {}
}
