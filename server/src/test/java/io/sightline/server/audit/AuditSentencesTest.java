package io.sightline.server.audit;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of audit entry told as a sentence, with its changed fields in words. */
class AuditSentencesTest {
    private static final long AT = 1_796_652_731_000L; // 2026-12-07 14:12:11 UTC
    private final AuditSentences sentences = new AuditSentences(JsonMapper.builder().build());
    private final AuditSentences.Names names = new AuditSentences.Names() {
        @Override public String observable(String id) { return "~7".equals(id) ? "domain evil.example" : null; }
        @Override public String analyzerOfJob(String id) { return "~3".equals(id) ? "VirusTotal_GetReport_3_1" : null; }
    };

    private AuditSentence tell(String actor, String action, String entity, String id, String before, String after) {
        return sentences.of(new AuditLog.Entry(1, 1L, actor, action, entity, id, before, after, AT), names);
    }

    @Test
    void aCreatedCaseIsNamedByItsTitleAndItsChangesAreNotListed() {
        AuditSentence s = tell("alice", "create", "case", "~1", null, "{\"title\":\"Phishing wave\",\"severity\":2,\"severityLabel\":\"MEDIUM\"}");
        assertThat(s.text()).isEqualTo("alice created the case “Phishing wave”");
        assertThat(s.changes()).isEmpty();
        assertThat(s.at()).isEqualTo(AT);
    }

    @Test
    void aCaseChangeListsItsFieldsInWordsWithLabelsAndDatesRatherThanRawValues() {
        AuditSentence s = tell("alice", "update", "case", "~1",
                "{\"title\":\"t\",\"severity\":2,\"severityLabel\":\"MEDIUM\",\"tlp\":2,\"tlpLabel\":\"AMBER\",\"flag\":false,"
                        + "\"tags\":[],\"_updatedAt\":1,\"stage\":\"New\",\"status\":\"New\"}",
                "{\"title\":\"t\",\"severity\":4,\"severityLabel\":\"CRITICAL\",\"tlp\":3,\"tlpLabel\":\"RED\",\"flag\":true,"
                        + "\"tags\":[\"apt\",\"misp\"],\"_updatedAt\":2,\"stage\":\"New\",\"status\":\"New\",\"startDate\":" + AT + "}");
        assertThat(s.predicate()).isEqualTo("changed the flag, severity, start date and 2 other fields of the case");
        assertThat(s.changes()).containsExactly(
                new AuditSentence.FieldChange("flag", "no", "yes"),
                new AuditSentence.FieldChange("severity", "MEDIUM", "CRITICAL"),
                new AuditSentence.FieldChange("start date", null, "7 Dec 2026 at 14:12 UTC"),
                new AuditSentence.FieldChange("tags", "none", "apt, misp"),
                new AuditSentence.FieldChange("TLP", "TLP:AMBER", "TLP:RED"));
    }

    @Test
    void aCaseLinkNamesTheLinkedCaseOrTheUrlAndItsType() {
        assertThat(tell("alice", "link", "case", "~1", null,
                "{\"caseId\":\"~2\",\"number\":12,\"title\":\"Phishing wave\",\"linkType\":\"duplicate\"}").text())
                .isEqualTo("alice linked the case to case #12 “Phishing wave” as duplicate");
        assertThat(tell("bob", "unlink", "case", "~1", "{\"url\":\"https://wiki.example/ir\",\"linkType\":\"runbook\"}", null).text())
                .isEqualTo("bob removed the link of the case to https://wiki.example/ir as runbook");
    }

    @Test
    void anAlertTheMispImportChangedNamesItsServerAndTheFieldsItChanged() {
        AuditSentence s = tell("misp:CIRCL", "update", "alert", "~1",
                "{\"title\":\"#7 before\",\"tags\":[\"tlp:amber\"],\"_updatedAt\":1}",
                "{\"title\":\"#7 after\",\"tags\":[\"added-in-misp\",\"tlp:amber\"],\"_updatedAt\":2}");
        assertThat(s.text()).isEqualTo("MISP server CIRCL changed the tags and title of the alert");
        assertThat(tell("misp:CIRCL", "create", "alert", "~1", null, "{\"title\":\"#7 after\"}").text())
                .isEqualTo("MISP server CIRCL created the alert “#7 after”");
    }

    @Test
    void closingAndReopeningACaseReadAsSuch() {
        assertThat(tell("bob", "update", "case", "~1", "{\"status\":\"InProgress\",\"stage\":\"InProgress\"}",
                "{\"status\":\"TruePositive\",\"stage\":\"Closed\",\"resolutionStatus\":\"TruePositive\",\"summary\":\"done\"}").text())
                .isEqualTo("bob closed the case as TruePositive");
        AuditSentence reopened = tell("bob", "update", "case", "~1", "{\"status\":\"Resolved\",\"stage\":\"Closed\",\"resolutionStatus\":\"Other\"}",
                "{\"status\":\"InProgress\",\"stage\":\"InProgress\"}");
        assertThat(reopened.text()).isEqualTo("bob reopened the case");
        assertThat(reopened.changes()).contains(new AuditSentence.FieldChange("resolution", "Other", null));
    }

    @Test
    void mergesAndExportsOfACaseSayWhatCameInOrWhereItWent() {
        assertThat(tell("bob", "merge", "case", "~1", null, "{\"title\":\"t\"}").predicate()).isEqualTo("merged an alert into the case");
        assertThat(tell("bob", "merge", "case", "~1", "{\"cases\":[\"~4\",\"~5\"]}", "{\"title\":\"t\"}").predicate())
                .isEqualTo("merged 2 cases into this case");
        assertThat(tell("bob", "export", "case", "~1", null, "{\"misp\":\"MISP Server\"}").predicate())
                .isEqualTo("exported the case to MISP server MISP Server");
        assertThat(tell("bob", "delete", "case", "~1", "{\"title\":\"old\"}", null).predicate()).isEqualTo("deleted the case “old”");
    }

    @Test
    void alertEventsTellImportIgnoreAndUnlink() {
        assertThat(tell("carol", "create", "alert", "~2", null, "{\"title\":\"Beacon\"}").text()).isEqualTo("carol created the alert “Beacon”");
        assertThat(tell("carol", "update", "alert", "~2", "{\"status\":\"New\"}", "{\"status\":\"Imported\",\"caseId\":\"~9\"}").predicate())
                .isEqualTo("imported the alert into a case");
        AuditSentence ignored = tell("carol", "update", "alert", "~2", "{\"status\":\"New\"}", "{\"status\":\"Ignored\"}");
        assertThat(ignored.predicate()).isEqualTo("ignored the alert");
        assertThat(ignored.changes()).containsExactly(new AuditSentence.FieldChange("status", "New", "Ignored"));
        assertThat(tell("carol", "update", "alert", "~2", "{\"status\":\"Imported\",\"caseId\":\"~9\"}", "{\"status\":\"New\"}").predicate())
                .isEqualTo("took the alert out of its case");
        assertThat(tell("carol", "update", "alert", "~2", "{\"externalLink\":null}", "{\"externalLink\":\"https://x.example\"}").predicate())
                .isEqualTo("changed the source link of the alert");
    }

    @Test
    void observableEventsNameTheObservableByTypeAndValueAndSkipItsReports() {
        assertThat(tell("dan", "create", "observable", "~7", null, "{\"dataType\":\"domain\",\"data\":\"evil.example\"}").text())
                .isEqualTo("dan added observable domain evil.example");
        assertThat(tell("dan", "create", "observable", "~8", null, "{\"dataType\":\"file\",\"attachment\":{\"name\":\"dropper.exe\"}}").predicate())
                .isEqualTo("added observable file dropper.exe");
        AuditSentence flagged = tell("dan", "update", "observable", "~7",
                "{\"dataType\":\"domain\",\"data\":\"evil.example\",\"ioc\":false,\"reports\":{}}",
                "{\"dataType\":\"domain\",\"data\":\"evil.example\",\"ioc\":true,\"reports\":{\"VT\":{}}}");
        assertThat(flagged.predicate()).isEqualTo("changed the IOC flag of observable domain evil.example");
        assertThat(flagged.changes()).containsExactly(new AuditSentence.FieldChange("IOC flag", "no", "yes"));
        assertThat(tell("dan", "delete", "observable", "~7", "{\"dataType\":\"ip\",\"data\":\"198.51.100.7\"}", null).predicate())
                .isEqualTo("deleted observable ip 198.51.100.7");
    }

    @Test
    void analyzerJobsNameTheAnalyzerTheObservableAndTheOutcome() {
        AuditSentence started = tell("dan", "create", "job", "~3", null,
                "{\"analyzerName\":\"VirusTotal_GetReport_3_1\",\"cortexId\":\"Cortex Server\",\"objectType\":\"Observable\",\"objectId\":\"~7\"}");
        assertThat(started.text()).isEqualTo("dan ran analyzer VirusTotal_GetReport_3_1 on observable domain evil.example with Cortex server Cortex Server");
        AuditSentence ended = tell("cortex:Cortex Server", "update", "job", "~3", null,
                "{\"status\":\"Success\",\"endDate\":" + AT + ",\"objectType\":\"Observable\",\"objectId\":\"~7\"}");
        assertThat(ended.text()).isEqualTo("Cortex server Cortex Server reported analyzer VirusTotal_GetReport_3_1 on observable domain evil.example succeeded");
        assertThat(ended.changes()).isEmpty();
        assertThat(tell("cortex:c", "update", "job", "~99", null, "{\"status\":\"Failure\",\"objectId\":\"~42\"}").predicate())
                .isEqualTo("reported analyzer (unknown) on observable ~42 failed");
    }

    @Test
    void otherRecordsFollowTheGeneralRuleAndSystemActorsAreNamed() {
        assertThat(tell("erin", "create", "Task", "~5", null, "{\"title\":\"Contain the host\"}").text())
                .isEqualTo("erin added a task “Contain the host”");
        AuditSentence task = tell("erin", "update", "Task", "~5", "{\"title\":\"Contain the host\",\"status\":\"Waiting\"}",
                "{\"title\":\"Contain the host\",\"status\":\"InProgress\"}");
        assertThat(task.predicate()).isEqualTo("changed the status of the task “Contain the host”");
        assertThat(tell("erin", "create", "customEvent", "~6", null, "{\"title\":\"C2 blocked\"}").predicate())
                .isEqualTo("added a custom event “C2 blocked”");
        assertThat(tell("system", "import", "pattern", "attack", null, null).text()).isEqualTo("The hub imported the pattern");
        assertThat(tell("erin", "revoke", "apiKey", "~1", null, null).predicate()).isEqualTo("revoked the api key");
    }

    @Test
    void longValuesAreShortenedAndNothingIsInterpretedAsMarkup() {
        String longText = "<b>x</b>".repeat(40);
        AuditSentence s = tell("alice", "update", "case", "~1", "{\"description\":\"a\"}", "{\"description\":\"" + longText + "\"}");
        assertThat(s.changes()).hasSize(1);
        assertThat(s.changes().get(0).after()).startsWith("<b>x</b>").endsWith("…").hasSize(161);
        assertThat(List.of(AuditSentences.readable(AT))).containsExactly("7 Dec 2026 at 14:12 UTC");
    }
}
