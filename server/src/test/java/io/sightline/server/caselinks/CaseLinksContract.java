package io.sightline.server.caselinks;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Case links over TheHive 5's routes, their place in queries, audit and timeline; run on H2 and on PostgreSQL. */
abstract class CaseLinksContract extends HubTest {

    @Test
    void linksACaseToAnotherCaseAndToAUrlAndUnlinksThem() {
        String caseId = createCase(admin, unique("linking"));
        String otherTitle = unique("linked");
        String otherId = createCase(admin, otherTitle);
        long otherNumber = admin.get("/api/v1/case/" + otherId).json().get("number").asLong();
        String type = unique("duplicate-of");

        assertThat(admin.post(linkCase(caseId, "add"), Map.of("type", type, "caseId", otherId)).status()).isEqualTo(204);
        assertThat(admin.post(linkUrl(caseId, "add"), Map.of("type", "runbook", "url", "https://wiki.example/ir?id=4")).status())
                .isEqualTo(204);

        JsonNode links = linksOf(caseId);
        assertThat(links.get("caseLinks").size()).isEqualTo(1);
        JsonNode toCase = links.get("caseLinks").get(0);
        assertThat(toCase.get("caseId").asString()).isEqualTo(otherId);
        assertThat(toCase.get("number").asLong()).isEqualTo(otherNumber);
        assertThat(toCase.get("title").asString()).isEqualTo(otherTitle);
        assertThat(toCase.get("linkType").asString()).isEqualTo(type);
        assertThat(links.get("externalLinks").size()).isEqualTo(1);
        assertThat(links.get("externalLinks").get(0).get("url").asString()).isEqualTo("https://wiki.example/ir?id=4");
        assertThat(links.get("externalLinks").get(0).get("linkType").asString()).isEqualTo("runbook");
        // the link belongs to the case it was added on
        assertThat(linksOf(otherId).get("caseLinks").size()).isZero();
        assertThat(strings(admin.get("/api/v1/case/link/types").json())).contains(type, "runbook");

        assertThat(admin.post(linkCase(caseId, "remove"), Map.of("type", type, "caseId", otherId)).status()).isEqualTo(204);
        assertThat(admin.post(linkUrl(caseId, "remove"), Map.of("type", "runbook", "url", "https://wiki.example/ir?id=4"))
                .status()).isEqualTo(204);
        assertThat(linksOf(caseId).get("caseLinks").size()).isZero();
        assertThat(linksOf(caseId).get("externalLinks").size()).isZero();
        assertThat(strings(admin.get("/api/v1/case/link/types").json())).doesNotContain(type);
    }

    @Test
    void aCaseNumberNamesTheLinkedCaseAndTheSameLinkTwiceIsKeptOnce() {
        String caseId = createCase(admin, unique("twice"));
        String otherId = createCase(admin, unique("target"));
        long otherNumber = admin.get("/api/v1/case/" + otherId).json().get("number").asLong();

        assertThat(admin.post(linkCase(caseId, "add"), Map.of("type", "related", "caseId", "" + otherNumber)).status()).isEqualTo(204);
        assertThat(admin.post(linkCase(caseId, "add"), Map.of("type", "related", "caseId", otherId)).status()).isEqualTo(204);
        // another type is another link to the same case
        assertThat(admin.post(linkCase(caseId, "add"), Map.of("type", "parent", "caseId", otherId)).status()).isEqualTo(204);

        JsonNode caseLinks = linksOf(caseId).get("caseLinks");
        assertThat(caseLinks.size()).isEqualTo(2);
        assertThat(caseLinks.get(0).get("linkType").asString()).isEqualTo("related");
        assertThat(caseLinks.get(1).get("linkType").asString()).isEqualTo("parent");
        assertThat(auditActions(caseId)).containsExactly("link", "link", "create");
    }

    @Test
    void refusesBadLinksAndWritesNothing() {
        String caseId = createCase(admin, unique("refusals"));
        String otherId = createCase(admin, unique("other"));

        expect(admin.post(linkCase(caseId, "add"), Map.of("caseId", otherId)), 400, "type");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", "  ", "caseId", otherId)), 400, "link type is required");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", "x".repeat(65), "caseId", otherId)), 400, "at most 64");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", 3, "caseId", otherId)), 400, "type");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", "a\u0007b", "caseId", otherId)), 400, "control characters");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", "related", "caseId", otherId, "note", "x")), 400, "note");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", "related")), 400, "caseId");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", "related", "caseId", caseId)), 400, "cannot be linked to itself");
        expect(admin.post(linkUrl(caseId, "add"), Map.of("type", "related", "url", "javascript:alert(1)")), 400, "http:// or https://");
        expect(admin.post(linkUrl(caseId, "add"), Map.of("type", "related", "url", "ftp://files.example/x")), 400, "http:// or https://");
        expect(admin.post(linkUrl(caseId, "add"), Map.of("type", "related", "url", "https://")), 400, "URL");
        expect(admin.post(linkUrl(caseId, "add"), Map.of("type", "related", "url", "wiki.example/page")), 400, "http:// or https://");
        expect(admin.post(linkUrl(caseId, "add"), Map.of("type", "related", "url", "https://wiki.example/a page")), 400, "ASCII");
        expect(admin.post(linkUrl(caseId, "add"), Map.of("type", "related", "url", "https://x.example/" + "a".repeat(2100))), 400, "2048");
        expect(admin.post(linkCase(caseId, "add"), Map.of("type", "related", "caseId", "~999999999")), 404, "Case ~999999999 not found");
        expect(admin.post(linkCase("~999999999", "add"), Map.of("type", "related", "caseId", otherId)), 404, "not found");
        expect(admin.post(linkCase(caseId, "remove"), Map.of("type", "related", "caseId", otherId)), 404, "has no link of type related");
        expect(admin.post(linkUrl(caseId, "remove"), Map.of("type", "related", "url", "https://wiki.example/")), 404, "has no link");

        assertThat(linksOf(caseId).get("caseLinks").size()).isZero();
        assertThat(linksOf(caseId).get("externalLinks").size()).isZero();
        assertThat(auditActions(caseId)).containsExactly("create");
    }

    @Test
    void aCaseOfAnotherOrganisationCanNeitherBeLinkedNorLinkFromIt() {
        String org = unique("link-org");
        TestApi outsider = newUser(org, "analyst");
        String theirs = createCase(outsider, unique("theirs"));
        String ours = createCase(admin, unique("ours"));

        var reading = admin.get("/api/v1/case/" + theirs);
        var linking = admin.post(linkCase(ours, "add"), Map.of("type", "related", "caseId", theirs));
        assertThat(linking.status()).isEqualTo(404);
        assertThat(linking.json()).isEqualTo(reading.json());
        assertThat(outsider.post(linkCase(ours, "add"), Map.of("type", "related", "caseId", theirs)).status()).isEqualTo(404);
        assertThat(outsider.post(linkUrl(ours, "add"), Map.of("type", "related", "url", "https://x.example")).status()).isEqualTo(404);

        // their link types are theirs
        assertThat(outsider.post(linkUrl(theirs, "add"), Map.of("type", "outsider-only", "url", "https://x.example")).status())
                .isEqualTo(204);
        assertThat(strings(outsider.get("/api/v1/case/link/types").json())).containsExactly("outsider-only");
        assertThat(strings(admin.get("/api/v1/case/link/types").json())).doesNotContain("outsider-only");
        assertThat(linksOf(ours).get("caseLinks").size()).isZero();
    }

    @Test
    void linkingNeedsTheRightToManageCases() {
        String org = unique("link-readers");
        TestApi analyst = newUser(org, "analyst");
        TestApi reader = newUser(org, "read-only");
        String caseId = createCase(analyst, unique("read"));
        String otherId = createCase(analyst, unique("other"));

        var refused = reader.post(linkCase(caseId, "add"), Map.of("type", "related", "caseId", otherId));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(reader.get("/api/v1/case/link/types").status()).isEqualTo(200);
    }

    @Test
    void linksAreAuditedAndOnTheTimelineAndGoWithADeletedCase() {
        String caseId = createCase(admin, unique("timeline"));
        String otherTitle = unique("gone");
        String otherId = createCase(admin, otherTitle);
        admin.post(linkCase(caseId, "add"), Map.of("type", "related", "caseId", otherId));
        admin.post(linkUrl(caseId, "add"), Map.of("type", "report", "url", "http://intel.example/r/1"));
        admin.post(linkUrl(caseId, "remove"), Map.of("type", "report", "url", "http://intel.example/r/1"));

        JsonNode audit = admin.get("/api/v1/audit?entity=case&entityId=" + caseId).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("unlink");
        assertThat(audit.get(0).get("before").get("url").asString()).isEqualTo("http://intel.example/r/1");
        assertThat(audit.get(2).get("action").asString()).isEqualTo("link");
        assertThat(audit.get(2).get("after").get("caseId").asString()).isEqualTo(otherId);

        JsonNode events = admin.get("/api/v1/case/" + caseId + "/timeline").json().get("events");
        List<String> kinds = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (JsonNode e : events) {
            kinds.add(e.get("kind").asString());
            if (e.get("kind").asString().equals("LinkAdded")) {
                assertThat(e.get("entityId").asString()).isEqualTo(caseId);
                JsonNode d = e.get("details");
                added.add(d.has("url") ? d.get("url").asString() : d.get("title").asString() + " as " + d.get("linkType").asString());
            }
            if (e.get("kind").asString().equals("LinkRemoved")) {
                assertThat(e.get("details").get("url").asString()).isEqualTo("http://intel.example/r/1");
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("LinkRemoved", "LinkAdded", "LinkAdded", "CaseCreated");
        assertThat(added).containsExactlyInAnyOrder(otherTitle + " as related", "http://intel.example/r/1");

        assertThat(admin.delete("/api/v1/case/" + otherId).status()).isEqualTo(204);
        assertThat(linksOf(caseId).get("caseLinks").size()).isZero();
    }

    /** The case's {@code extraData.links} from {@code /api/v1/query}, as thehive4py asks for it. */
    private JsonNode linksOf(String caseId) {
        var r = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", "page", "from", 0, "to", 1, "extraData", List.of("links")))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get(0).get("extraData").get("links");
    }

    private List<String> auditActions(String caseId) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : admin.get("/api/v1/audit?entity=case&entityId=" + caseId).json()) out.add(e.get("action").asString());
        return out;
    }

    private static void expect(TestApi.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("message").asString()).contains(messagePart);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asString());
        return out;
    }

    private static String linkCase(String caseId, String action) {
        return "/api/v1/case/" + caseId + "/link/case/" + action;
    }

    private static String linkUrl(String caseId, String action) {
        return "/api/v1/case/" + caseId + "/link/external/" + action;
    }
}
