package io.sightline.server.query.thehive;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.query.QueryGate;
import io.sightline.server.query.QueryService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/query}: a count answers a bare number; lists are written in chunks so that
 * a query without a page step does not hold every row in memory.
 */
@RestController
public class QueryController {
    private final QueryService queries;
    private final TheHiveQueryReader reader;
    private final JsonMapper json;
    private final QueryGate gate;

    public QueryController(QueryService queries, TheHiveQueryReader reader, JsonMapper json, QueryGate gate) {
        this.queries = queries;
        this.reader = reader;
        this.json = json;
        this.gate = gate;
    }

    /**
     * Written on the request's own thread, chunk by chunk: the first chunk is read before the
     * answer starts, so a failing query still gets its error status. (An asynchronous streamed
     * body would pass each request through the filters twice and let a second thread write the
     * headers while the first one still did, which corrupted answers under load.) The query and
     * its first chunk run in their turn ({@link QueryGate}); a longer list gives the turn up and
     * streams the rest outside it, so a client reading a long answer slowly holds up no one.
     */
    @PostMapping(value = "/api/v1/query", produces = MediaType.APPLICATION_JSON_VALUE)
    public void query(@RequestBody(required = false) JsonNode body, HttpServletResponse response) throws IOException {
        Principal caller = CurrentPrincipal.get();
        caller.require(Permission.READ); // before reading, as a caller without it learns nothing from the errors
        var query = reader.read(body);
        try (QueryGate.Turn turn = gate.enter()) {
            write(queries.run(caller, query), response, turn);
        }
    }

    private void write(QueryService.Result result, HttpServletResponse response, QueryGate.Turn turn) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (result instanceof QueryService.Count c) {
            byte[] number = Long.toString(c.value()).getBytes(StandardCharsets.US_ASCII);
            response.setContentLength(number.length);
            response.getOutputStream().write(number);
            return;
        }
        QueryService.Rows rows = (QueryService.Rows) result;
        List<?> chunk = queries.rows(rows.plan(), 0, QueryService.CHUNK);
        if (rows.total() != null) response.setHeader("X-Total", String.valueOf(rows.total()));
        // Not closed on failure: closing would end the array and pass a cut list off as whole;
        // left open, the answer is invalid JSON and the client knows it is incomplete.
        JsonGenerator gen = json.createGenerator(response.getOutputStream());
        gen.writeStartArray();
        long offset = 0;
        while (!chunk.isEmpty()) {
            for (Object row : chunk) json.writeValue(gen, row);
            offset += chunk.size();
            if (chunk.size() < QueryService.CHUNK) break;
            turn.close();
            gen.flush();
            chunk = queries.rows(rows.plan(), offset, QueryService.CHUNK);
        }
        gen.writeEndArray();
        gen.close();
    }
}
