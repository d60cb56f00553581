package io.sightline.server.patterns;

import io.sightline.integrations.attack.AttackStix;
import io.sightline.integrations.attack.AttackTechnique;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.stix.StixFormatException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the ATT&CK catalogue (any user) and replacing it from MITRE's STIX data (platform admins). */
@Service
public class PatternService {
    public record ImportResult(int created, int updated) {
        public int total() { return created + updated; }
    }

    public static final int MAX_PAGE = 1000;

    private final PatternRepository patterns;
    private final AuditLog audit;
    private final Clock clock;

    public PatternService(PatternRepository patterns, AuditLog audit, Clock clock) {
        this.patterns = patterns;
        this.audit = audit;
        this.clock = clock;
    }

    /** A pattern by the hub's "~id" or by its ATT&CK id (T1059.001, any letter case). */
    public PatternRecord get(Principal p, String idOrPatternId) {
        p.require(Permission.READ);
        var found = Ids.looksLikeId(idOrPatternId) ? patterns.findById(Ids.parse(idOrPatternId, "Pattern"))
                : patterns.findByPatternId(idOrPatternId.toUpperCase(Locale.ROOT));
        return found.orElseThrow(() -> new NotFound("Pattern " + idOrPatternId + " not found"));
    }

    public List<PatternRecord> list(Principal p, int offset, int limit) {
        p.require(Permission.READ);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new Invalid("A page of patterns starts at 0 or later and holds 1 to " + MAX_PAGE + " patterns");
        }
        return patterns.list(offset, limit);
    }

    /** The technique a procedure names; an unknown ATT&CK id is the caller's error. */
    public PatternRecord technique(String patternId) {
        return patterns.findByPatternId(patternId.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new Invalid("Unknown ATT&CK pattern " + patternId
                        + ": not in the hub's ATT&CK catalogue (GET /api/v1/pattern/{patternId})"));
    }

    /** Adds or updates every technique of an ATT&CK STIX bundle; nothing is written if the bundle cannot be read. */
    @Transactional
    public ImportResult importAttack(Principal p, InputStream bundle) {
        p.require(Permission.MANAGE_PLATFORM);
        List<AttackTechnique> techniques;
        try {
            techniques = new AttackStix().read(bundle).techniques();
        } catch (StixFormatException e) {
            throw new Invalid("The ATT&CK file is not a STIX bundle: " + e.getMessage());
        }
        if (techniques.isEmpty()) {
            throw new Invalid("The ATT&CK file holds no attack-pattern with a mitre-attack id (revoked and deprecated ones are skipped)");
        }
        ImportResult result = store(techniques, p.login());
        audit.record(p, "import", "pattern", "attack", null,
                Map.of("created", result.created(), "updated", result.updated()));
        return result;
    }

    @Transactional
    public void delete(Principal p, String idOrPatternId) {
        p.require(Permission.MANAGE_PLATFORM);
        PatternRecord pattern = get(p, idOrPatternId);
        patterns.delete(pattern.id());
        audit.record(p, "delete", "pattern", Ids.format(pattern.id()), PatternView.of(pattern), null);
    }

    /** Fills an empty catalogue at start; false when it already held patterns. */
    @Transactional
    public boolean loadIfEmpty(List<AttackTechnique> techniques) {
        if (patterns.count() > 0) return false;
        patterns.insertAll(techniques, "system", clock.millis());
        audit.record((Long) null, "system", "import", "pattern", "attack", null,
                Map.of("created", techniques.size(), "updated", 0));
        return true;
    }

    private ImportResult store(List<AttackTechnique> techniques, String actor) {
        long now = clock.millis();
        int created = 0;
        for (AttackTechnique t : techniques) if (patterns.upsert(t, actor, now)) created++;
        return new ImportResult(created, techniques.size() - created);
    }
}
