package io.sightline.testkit.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/**
 * The organisations and analysts of {@code bench scale}, made through the hub's API as an
 * administrator would (so their keys are the hub's own), each analyst with an API key of their own.
 */
final class ScaleOrganisations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleOrganisations() {}

    /** Makes the organisations; adds each analyst to {@code clients}, the first organisation's first. */
    static List<ScaleData.Org> create(KeepAliveHttp admin, String url, Connection db, int orgs, int analysts,
                                      List<ScaleQueries.Client> clients) throws Exception {
        List<ScaleData.Org> out = new ArrayList<>();
        for (int o = 0; o < orgs; o++) {
            String name = String.format("scale-org-%02d", o + 1);
            expect(admin.postJson(url + "/api/v1/organisation", "{\"name\":\"" + name + "\",\"description\":\"bench scale\"}"), 201, name);
            List<String> logins = new ArrayList<>();
            for (int a = 0; a < analysts; a++) {
                String login = String.format("analyst%02d@%s.test", a + 1, name);
                expect(admin.postJson(url + "/api/v1/user", "{\"login\":\"" + login + "\",\"name\":\"Analyst " + (a + 1) + "\",\"profile\":\"analyst\","
                        + "\"organisation\":\"" + name + "\",\"email\":\"" + login + "\"}"), 201, login);
                KeepAliveHttp.Response key = admin.postJson(url + "/api/v1/user/" + login + "/keys", "{\"comment\":\"bench scale\"}");
                expect(key, 201, login + "'s key");
                clients.add(new ScaleQueries.Client(login, JSON.readTree(key.body()).get("key").asString(), o));
                logins.add(login);
            }
            out.add(new ScaleData.Org(idOf(db, name), name, List.copyOf(logins)));
        }
        return out;
    }

    private static long idOf(Connection db, String name) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM organisation WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("organisation " + name + " not in the database");
                return rs.getLong(1);
            }
        }
    }

    private static void expect(KeepAliveHttp.Response r, int status, String what) {
        if (r.status() != status) throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
    }
}
