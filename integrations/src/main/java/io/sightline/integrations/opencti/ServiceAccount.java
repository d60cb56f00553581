package io.sightline.integrations.opencti;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT}, as pycti 7's connector helper does it with an
 * administrator's token: find the group {@code Connectors}; find the user
 * {@code <connector name>@connector.octi.filigran.io} or create it as {@code [C] <connector name>}
 * (a service account in that group, with the given max confidence); then run the connector with
 * that user's token. Without the group pycti keeps the token it was given, and so does this.
 * The GraphQL is pycti's (client-python {@code opencti_group.py} / {@code opencti_user.py}): the
 * {@code groups}/{@code users} lists with a {@code FilterGroup}, {@code user(id)} for the token,
 * {@code userAdd(input: UserAddInput!)}.
 */
public final class ServiceAccount {
    static final String EMAIL_DOMAIN = "connector.octi.filigran.io";
    static final String GROUP = "Connectors";
    static final String GROUPS = """
            query Groups($first: Int, $filters: FilterGroup) {
              groups(first: $first, filters: $filters) { edges { node { id name } } }
            }""";
    static final String USERS = """
            query UserList($first: Int, $filters: FilterGroup) {
              users(first: $first, filters: $filters) { edges { node { id name user_email } } }
            }""";
    static final String USER_TOKEN = """
            query UserRead($id: String!) {
              user(id: $id) { id name api_token }
            }""";
    static final String USER_ADD = """
            mutation UserAdd($input: UserAddInput!) {
              userAdd(input: $input) { id name api_token }
            }""";
    private static final Logger log = LoggerFactory.getLogger(ServiceAccount.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OpenCtiClient admin;

    /** @param admin a client carrying the administrator's token ({@code OPENCTI_TOKEN}) */
    public ServiceAccount(OpenCtiClient admin) {
        this.admin = admin;
    }

    /** The token the connector must use from now on, or empty to keep the administrator's (no Connectors group). */
    public Optional<String> resolveToken(String connectorName, int maxConfidence) {
        Optional<String> group = findOne(GROUPS, "Groups", "groups", "name", GROUP);
        if (group.isEmpty()) {
            log.warn("No group '{}' in OpenCTI: the service account is not created and the connector runs with OPENCTI_TOKEN's user",
                    GROUP);
            return Optional.empty();
        }
        String email = email(connectorName);
        Optional<String> existing = findOne(USERS, "UserList", "users", "user_email", email);
        JsonNode user;
        if (existing.isPresent()) {
            user = admin.execute("UserRead", USER_TOKEN, admin.json().createObjectNode().put("id", existing.get())).path("user");
            log.info("Connector runs as the existing service account '{}' ({})", user.path("name").asString(""), email);
        } else {
            ObjectNode input = admin.json().createObjectNode()
                    .put("name", "[C] " + connectorName)
                    .put("user_email", email)
                    // Nobody logs in with it: a random password, never shown, as pycti does.
                    .put("password", randomPassword())
                    .put("user_service_account", true);
            input.putArray("groups").add(group.get());
            ObjectNode confidence = input.putObject("user_confidence_level").put("max_confidence", maxConfidence);
            confidence.putArray("overrides");
            ObjectNode vars = admin.json().createObjectNode();
            vars.set("input", input);
            user = admin.execute("UserAdd", USER_ADD, vars).path("userAdd");
            log.info("Created the service account '{}' ({}, group {}, max confidence {})", "[C] " + connectorName, email,
                    GROUP, maxConfidence);
        }
        String token = user.path("api_token").asString(null);
        if (token == null || token.isBlank()) {
            throw OpenCtiException.graphql("UserRead", null, "OpenCTI returned no API token for " + email);
        }
        return Optional.of(token);
    }

    /** pycti's {@code normalize_email_prefix}: characters outside {@code [a-zA-Z0-9._+-]} become one '-'. */
    static String email(String connectorName) {
        String address = connectorName.toLowerCase(Locale.ROOT) + "@" + EMAIL_DOMAIN;
        int at = address.indexOf('@');
        String prefix = address.substring(0, at).replaceAll("[^a-zA-Z0-9._+-]", "-").replaceAll("-+", "-")
                .replaceAll("^-+|-+$", "");
        return prefix + address.substring(at);
    }

    private Optional<String> findOne(String query, String operation, String field, String key, String value) {
        ObjectNode vars = admin.json().createObjectNode().put("first", 1);
        ObjectNode filters = vars.putObject("filters").put("mode", "and");
        ObjectNode filter = filters.putArray("filters").addObject().put("key", key);
        filter.putArray("values").add(value);
        filters.putArray("filterGroups");
        JsonNode edges = admin.execute(operation, query, vars).path(field).path("edges");
        return edges.isEmpty() ? Optional.empty() : Optional.ofNullable(edges.get(0).path("node").path("id").asString(null));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
