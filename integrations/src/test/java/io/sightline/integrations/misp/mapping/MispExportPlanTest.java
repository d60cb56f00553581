package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispObject;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MispExportPlanTest {

    private static MispAttribute live(String uuid, String type, String value, boolean deleted, MispObject object) {
        return new MispAttribute("1", uuid, "9", type, "Network activity", value, true, "", deleted, 0, null,
                List.of(), null, object, false);
    }

    private static MispNewAttribute wanted(String type, String value) {
        return new MispNewAttribute(type, "Network activity", value, true, "", null, List.of());
    }

    @Test
    void addsMissingDeletesRemovedKeepsTheRest() {
        MispExportPlan plan = MispExportPlan.of(
                List.of(wanted("ip-dst", "1.1.1.1"), wanted("domain", "new.example"), wanted("domain", "new.example")),
                List.of(live("u1", "ip-dst", "1.1.1.1", false, null), live("u2", "domain", "gone.example", false, null),
                        live("u3", "domain", "new.example", true, null),
                        live("u4", "domain", "in-object.example", false, new MispObject("5", "o", "domain-ip", "network", "", 0, false))));

        assertThat(plan.toAdd()).containsExactly(wanted("domain", "new.example"));
        assertThat(plan.toDelete()).containsExactly("u2");
        assertThat(plan.kept()).isEqualTo(1);
        assertThat(plan.isEmpty()).isFalse();
        assertThat(MispExportPlan.of(List.of(wanted("ip-dst", "1.1.1.1")), List.of(live("u1", "ip-dst", "1.1.1.1", false, null))).isEmpty()).isTrue();
    }
}
