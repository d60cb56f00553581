package io.sightline.server.observabletypes;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Data types: everyone reads them; {@link Permission#MANAGE_OBSERVABLE_TYPE} (the admin profile)
 * defines and deletes custom ones. Built-ins are configured, so they cannot be deleted, and a type
 * still used by an observable is not deleted either (its observables would no longer validate).
 */
@Service
public class ObservableTypeService {
    /** Data type names as TheHive's: letters, digits and - _ . : */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private final ObservableTypeRepository repository;
    private final ObservableTypes types;
    private final AuditLog audit;
    private final Clock clock;

    public ObservableTypeService(ObservableTypeRepository repository, ObservableTypes types, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.types = types;
        this.audit = audit;
        this.clock = clock;
    }

    /** Built-in types first, then custom ones by name. */
    public List<ObservableTypeRecord> list(Principal actor) {
        actor.require(Permission.READ);
        List<ObservableTypeRecord> out = new ArrayList<>();
        for (String name : types.all()) {
            if (types.isBuiltIn(name)) out.add(builtIn(name));
        }
        out.addAll(repository.all());
        return out;
    }

    /** A custom type by id ("~3") or any type by name. */
    public ObservableTypeRecord get(Principal actor, String idOrName) {
        actor.require(Permission.READ);
        if (Ids.looksLikeId(idOrName)) {
            return repository.findById(Ids.parse(idOrName, "Observable type")).orElseThrow(() -> notFound(idOrName));
        }
        if (types.isBuiltIn(idOrName)) return builtIn(idOrName);
        return repository.findByName(idOrName).orElseThrow(() -> notFound(idOrName));
    }

    @Transactional
    public ObservableTypeRecord create(Principal actor, NewObservableType command) {
        actor.require(Permission.MANAGE_OBSERVABLE_TYPE);
        String name = command.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new Invalid("An observable type name has 1 to 64 letters, digits or - _ . : and starts with a letter or digit");
        }
        if (types.isBuiltIn(name) || repository.findByName(name).isPresent()) {
            throw new Conflict("Observable type " + name + " already exists");
        }
        ObservableTypeRecord created = repository.create(name, command.isAttachment(), actor.login(), clock.millis());
        audit.record(actor, "create", "observableType", Ids.format(created.id()), null, ObservableTypeView.of(created));
        refreshAfterCommit();
        return created;
    }

    @Transactional
    public void delete(Principal actor, String idOrName) {
        actor.require(Permission.MANAGE_OBSERVABLE_TYPE);
        ObservableTypeRecord type = get(actor, idOrName);
        if (type.builtIn()) throw new Invalid("Observable type " + type.name() + " is built in and cannot be deleted");
        if (repository.inUse(type.name())) {
            throw new Conflict("Observable type " + type.name() + " is used by observables; delete them before the type");
        }
        repository.delete(type.id());
        audit.record(actor, "delete", "observableType", Ids.format(type.id()), ObservableTypeView.of(type), null);
        refreshAfterCommit();
    }

    private ObservableTypeRecord builtIn(String name) {
        return new ObservableTypeRecord(null, name, types.isAttachment(name), true, "system", 0);
    }

    private static NotFound notFound(String idOrName) {
        return new NotFound("Observable type " + idOrName + " not found");
    }

    private void refreshAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                types.refresh();
            }
        });
    }
}
