package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispNewAttribute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a re-export must change in an existing MISP event so that its attributes match the case:
 * attributes to add and attributes (by uuid) to delete. Attributes are the same when type,
 * category and value are — MISP's own duplicate rule — so unchanged ones are left alone.
 *
 * @param toAdd    desired attributes the event lacks
 * @param toDelete uuids of live attributes the case no longer has
 * @param kept     number of attributes already right
 */
public record MispExportPlan(List<MispNewAttribute> toAdd, List<String> toDelete, int kept) {

    public MispExportPlan {
        toAdd = List.copyOf(toAdd);
        toDelete = List.copyOf(toDelete);
    }

    /**
     * Compares the desired attributes with the event's current ones (deleted ones ignored;
     * attributes inside MISP objects are left alone, since the export never creates objects).
     */
    public static MispExportPlan of(List<MispNewAttribute> desired, Iterable<MispAttribute> existing) {
        Map<String, String> live = new HashMap<>();
        for (MispAttribute a : existing) {
            if (!a.deleted() && a.object() == null) {
                live.putIfAbsent(MispNewAttribute.key(a.type(), a.category(), a.value()), a.uuid());
            }
        }
        Map<String, MispNewAttribute> wanted = new LinkedHashMap<>();
        desired.forEach(a -> wanted.putIfAbsent(a.key(), a));
        List<MispNewAttribute> add = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<String, MispNewAttribute> e : wanted.entrySet()) {
            if (live.remove(e.getKey()) != null) {
                kept++;
            } else {
                add.add(e.getValue());
            }
        }
        return new MispExportPlan(add, new ArrayList<>(live.values()), kept);
    }

    public boolean isEmpty() {
        return toAdd.isEmpty() && toDelete.isEmpty();
    }
}
