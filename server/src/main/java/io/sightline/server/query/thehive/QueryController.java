package io.sightline.server.query.thehive;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.query.QueryService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/query}: a count answers a bare number; lists are streamed in chunks so that
 * a query without a page step does not hold every row in memory.
 */
@RestController
public class QueryController {
    private final QueryService queries;
    private final TheHiveQueryReader reader;
    private final JsonMapper json;

    public QueryController(QueryService queries, TheHiveQueryReader reader, JsonMapper json) {
        this.queries = queries;
        this.reader = reader;
        this.json = json;
    }

    /**
     * Declared as {@code ResponseEntity<StreamingResponseBody>}: Spring streams a body only when the
     * declared type says so; a {@code ResponseEntity<?>} holding the stream was serialised as {@code {}}.
     * The first chunk is read before the answer starts, so a failing query still gets its error status.
     */
    @PostMapping(value = "/api/v1/query", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StreamingResponseBody> query(@RequestBody(required = false) JsonNode body) {
        Principal caller = CurrentPrincipal.get();
        caller.require(Permission.READ); // before reading, as a caller without it learns nothing from the errors
        QueryService.Result result = queries.run(caller, reader.read(body));
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (result instanceof QueryService.Count c) {
            return response.body(out -> out.write(Long.toString(c.value()).getBytes(StandardCharsets.US_ASCII)));
        }
        QueryService.Rows rows = (QueryService.Rows) result;
        List<?> first = queries.rows(rows.plan(), 0, QueryService.CHUNK);
        if (rows.total() != null) response = response.header("X-Total", String.valueOf(rows.total()));
        return response.body(out -> {
            // Not closed on failure: closing would end the array and pass a cut list off as whole;
            // left open, the answer is invalid JSON and the client knows it is incomplete.
            JsonGenerator gen = json.createGenerator(out);
            gen.writeStartArray();
            List<?> chunk = first;
            long offset = 0;
            while (!chunk.isEmpty()) {
                for (Object row : chunk) json.writeValue(gen, row);
                gen.flush();
                offset += chunk.size();
                chunk = chunk.size() < QueryService.CHUNK ? List.of() : queries.rows(rows.plan(), offset, QueryService.CHUNK);
            }
            gen.writeEndArray();
            gen.close();
        });
    }
}
