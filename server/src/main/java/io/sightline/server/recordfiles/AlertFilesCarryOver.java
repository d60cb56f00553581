package io.sightline.server.recordfiles;

import io.sightline.server.alerts.AlertCarryOver;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import org.springframework.stereotype.Component;

/** An alert's files go with it into the case it is promoted to or merged into, as copies the case holds. */
@Component
class AlertFilesCarryOver implements AlertCarryOver {
    private final RecordFileService files;

    AlertFilesCarryOver(RecordFileService files) {
        this.files = files;
    }

    @Override
    public void carry(Principal p, AlertRecord alert, CaseRecord target) {
        files.copyAlertFilesToCase(p, alert.id(), target.id());
    }
}
