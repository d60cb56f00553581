package io.sightline.server.api;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every {@code /api} route of the application's route table ill-typed, oversized, deeply
 * nested and badly encoded input, and asserts that no answer is a 5xx and every error is
 * {@code {type, message}}. Routes are read from Spring's handler mapping, so new ones are fuzzed too.
 */
abstract class ApiFuzzContract extends HubTest {
    /** JSON values of every type that does not belong somewhere, for each field a route accepts. */
    static final List<String> WRONG_VALUES = List.of("{}", "{\"a\":{\"b\":[1]}}", "[]", "[{}]", "[[\"x\"]]", "18446744073709551616",
            "-99999999999999999999999", "1.5", "1e400", "true", "null", "\"\"", "\"\\u0000\"", "\"x\\u0000y\"",
            "\"" + "x".repeat(70_000) + "\"", "\"" + "é".repeat(257) + "\"", "\"\\ud800\"", "\"~99999999999999999999\"");
    static final List<String> WRONG_BODIES = List.of("", "{", "[", "null", "1", "\"text\"", "[]", "{\"a\":1}",
            "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "{" + "\"a\":{".repeat(2000) + "}".repeat(2001),
            "[" + "1,".repeat(70_000) + "1]", "{\"_name\":\"\\u0000\"}");
    static final List<String> PATH_VALUES = List.of("0", "-1", "~1", "~-1", "~", "99999999999999999999999", "%00", "%ZZ",
            "%C3%28", "..%2F..%2Fetc", "x".repeat(3000), "null", "%F0%9F%92%A9", "a%20b");
    private static final Pattern ACCEPTED = Pattern.compile("accepted fields: ([\\w, ]+)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    private final List<String> failures = new ArrayList<>();
    private TestApi api;
    private Map<String, String> realIds;

    @BeforeEach
    void target() {
        String org = unique("fuzz");
        TestApi orgAdmin = newUser(org, "org-admin");
        String caseId = createCase(orgAdmin, "fuzzed");
        var alert = orgAdmin.post("/api/v1/alert", Map.of("type", "t", "source", "s", "sourceRef", unique("r"), "title", "a",
                "description", "d", "observables", List.of(Map.of("dataType", "ip", "data", "10.0.0.1"))));
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        var obs = orgAdmin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "example.org"));
        assertThat(obs.status()).as(obs.toString()).isEqualTo(201);
        String victim = unique("victim") + "@" + org;
        var user = orgAdmin.post("/api/v1/user", Map.of("login", victim, "name", "victim", "profile", "analyst", "organisation", org));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        api = orgAdmin;
        realIds = Map.of("user", victim, "case", caseId, "alert", alert.json().get("_id").asString(),
                "observable", obs.json().get(0).get("_id").asString(), "org", org);
    }

    @Test
    void noRouteAnswers5xxToMalformedInput() {
        Set<String> fuzzed = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> route : routes.getHandlerMethods().entrySet()) {
            for (String pattern : route.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                Set<RequestMethod> methods = route.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    fuzzRoute(method.name(), pattern, route.getKey(), route.getValue());
                    fuzzed.add(method + " " + pattern);
                }
            }
        }
        assertThat(fuzzed).as("routes fuzzed").hasSizeGreaterThan(40);
        assertThat(failures).as("5xx or non-{type,message} answers").isEmpty();
    }

    private void fuzzRoute(String method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
        String real = realPath(pattern);
        boolean bodyless = method.equals("GET") || method.equals("DELETE");
        String type = bodyless ? null : "application/json";
        String empty = bodyless ? null : "{}";
        for (String value : PATH_VALUES) send(method, pattern.replaceAll("\\{[^}]+}", value) + query(handler, "x"), type, empty);
        // a real target only where that cannot remove what the rest of the test needs
        if (!method.equals("DELETE")) {
            for (String wrong : List.of("abc", "99999999999999999999", "-1", "%00", "")) send(method, real + query(handler, wrong), type, empty);
        }
        if (bodyless) return;
        boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
        if (multipart) {
            send(method, real, "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n{\"data");
            send(method, real, "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n{\"da");
            send(method, real, "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"f\"\r\n\r\nabc");
            return;
        }
        for (String body : WRONG_BODIES) send(method, real, "application/json", body);
        send(method, real, "text/plain", "{}");
        send(method, real, "application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        send(method, real, "multipart/form-data", "--x\r\n");
        var probe = send(method, real, "application/json", "{\"no-such-field-for-fuzzing\":1}");
        Matcher accepted = probe == null ? null : ACCEPTED.matcher(probe.body());
        if (accepted == null || !accepted.find()) return;
        for (String field : accepted.group(1).split(",\\s*")) {
            for (String wrong : WRONG_VALUES) {
                send(method, real, "application/json", "{" + TestApi.JSON.writeValueAsString(field) + ":" + wrong + "}");
            }
        }
    }

    private String realPath(String pattern) {
        String path = pattern;
        for (String var : List.of("caseId", "idOrNumber")) path = path.replace("{" + var + "}", realIds.get("case"));
        if (path.startsWith("/api/v1/alert/")) path = path.replace("{id}", realIds.get("alert"));
        if (path.startsWith("/api/v1/observable/")) path = path.replace("{id}", realIds.get("observable"));
        if (path.startsWith("/api/v1/organisation/")) path = path.replace("{name}", realIds.get("org"));
        if (path.startsWith("/api/v1/user/")) path = path.replace("{id}", realIds.get("user"));
        return path.replaceAll("\\{[^}]+}", "fuzz");
    }

    private static String query(HandlerMethod handler, String value) {
        List<String> names = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param == null) continue;
            String name = !param.name().isEmpty() ? param.name() : p.getParameterName();
            if (name != null) names.add(name + "=" + value);
        }
        return names.isEmpty() ? "" : "?" + String.join("&", names);
    }

    private TestApi.Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private TestApi.Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request;
        try {
            request = api.builder(path);
        } catch (IllegalArgumentException e) {
            return null; // a path the HTTP client itself refuses to send
        }
        if (contentType != null) request.header("Content-Type", contentType);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        TestApi.Response r = api.send(request);
        String sent = body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8));
        String what = method + " " + abbreviate(path) + " " + sent + " -> " + r.status() + " " + abbreviate(r.body());
        if (r.status() >= 500) {
            failures.add(what);
        } else if (r.status() >= 400 && !ApiErrorShape.isTypeAndMessage(r)) {
            failures.add("not {type,message}: " + what);
        }
        return r;
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 120 ? s : s.substring(0, 120) + "…(" + s.length() + ")";
    }
}
