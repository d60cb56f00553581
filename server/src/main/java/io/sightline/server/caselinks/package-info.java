/**
 * Case links (TheHive 5): a case points at another case of its organisation or at an external URL,
 * each under a link type the analyst chooses. Owns the {@code case_link} table ({@link
 * io.sightline.server.caselinks.CaseLinkRepository} is its only writer); {@link
 * io.sightline.server.caselinks.CaseLinkService} checks the permission and the organisation of both
 * cases, audits each change as a {@code link} or {@code unlink} entry of the case, and the same
 * entries put {@code LinkAdded}/{@code LinkRemoved} events on the case's timeline. The links reach
 * {@code /api/v1/query} as the case's {@code extraData.links}. It sits above {@code cases}, {@code
 * timeline} and {@code query}.
 */
package io.sightline.server.caselinks;
