package io.sightline.testkit.amqp;

import java.util.Map;
import java.util.Set;
import org.apache.qpid.server.model.AbstractConfiguredObjectTypeFactory;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.plugin.ConfiguredObjectRegistration;

/** Registers {@link InMemoryVirtualHost} with Broker-J (what its annotation processor would generate). */
public final class InMemoryVirtualHostFactory extends AbstractConfiguredObjectTypeFactory<InMemoryVirtualHost> {
    public InMemoryVirtualHostFactory() {
        super(InMemoryVirtualHost.class);
    }

    @Override
    protected InMemoryVirtualHost createInstance(Map<String, Object> attributes, ConfiguredObject<?> parent) {
        return new InMemoryVirtualHost(attributes, (VirtualHostNode<?>) parent);
    }

    /** The model registration listing the class, found by Broker-J through the service loader. */
    public static final class Registration implements ConfiguredObjectRegistration {
        @Override
        public String getType() {
            return "sightline-memory-virtualhost";
        }

        @Override
        @SuppressWarnings("unchecked")
        public Set<Class<? extends ConfiguredObject>> getConfiguredObjectClasses() {
            return Set.of(InMemoryVirtualHost.class);
        }
    }
}
