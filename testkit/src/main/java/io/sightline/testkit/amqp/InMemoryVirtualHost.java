package io.sightline.testkit.amqp;

import java.util.Map;
import org.apache.qpid.server.model.ManagedObject;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.store.MemoryMessageStore;
import org.apache.qpid.server.store.MessageStore;
import org.apache.qpid.server.virtualhost.AbstractVirtualHost;

/**
 * A Qpid Broker-J virtual host keeping messages in memory. Broker-J's own memory virtual host
 * lives in a plugin that is not published for 10.x, so the embedded test broker brings this one.
 */
@ManagedObject(category = false, type = InMemoryVirtualHost.TYPE)
public class InMemoryVirtualHost extends AbstractVirtualHost<InMemoryVirtualHost> {
    public static final String TYPE = "SightlineMemory";

    public InMemoryVirtualHost(Map<String, Object> attributes, VirtualHostNode<?> node) {
        super(attributes, node);
    }

    @Override
    protected MessageStore createMessageStore() {
        return new MemoryMessageStore();
    }
}
