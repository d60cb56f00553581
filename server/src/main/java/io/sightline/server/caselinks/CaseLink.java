package io.sightline.server.caselinks;

/**
 * One link of a case: to another case ({@code linkedCaseId} with that case's number and title) or
 * to an external {@code url}; never both.
 */
public record CaseLink(long id, long caseId, String linkType, Long linkedCaseId, Long linkedNumber, String linkedTitle,
                       String url) {
    public boolean toCase() {
        return linkedCaseId != null;
    }
}
