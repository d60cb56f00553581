package io.sightline.opencti.stixify;

import io.sightline.stix.split.OpenCtiTypes;
import io.sightline.testkit.stixify.ReportSource;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * What OpenCTI must receive for a report, computed from the fixture itself: every object whose
 * type OpenCTI imports, minus relationships with an end of an unsupported type.
 */
final class ExpectedObjects {
    private ExpectedObjects() {}

    static Set<String> ids(ReportSource source) {
        Set<String> ids = new HashSet<>();
        for (Iterator<ObjectNode> it = source.objects(0, source.size()); it.hasNext(); ) {
            ObjectNode o = it.next();
            String type = o.path("type").asString();
            if (!OpenCtiTypes.isSupported(type)) continue;
            if (type.equals("relationship") && !(OpenCtiTypes.isSupportedRef(o.path("source_ref").asString())
                    && OpenCtiTypes.isSupportedRef(o.path("target_ref").asString()))) continue;
            ids.add(o.path("id").asString());
        }
        return ids;
    }
}
