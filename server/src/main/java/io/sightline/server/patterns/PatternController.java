package io.sightline.server.patterns;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.core.Invalid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** TheHive 5's ATT&CK pattern routes, plus a paged list of the catalogue. */
@RestController
public class PatternController {
    private final PatternService patterns;

    public PatternController(PatternService patterns) {
        this.patterns = patterns;
    }

    @GetMapping("/api/v1/pattern/{patternId}")
    public Map<String, Object> get(@PathVariable String patternId) {
        return PatternView.of(patterns.get(CurrentPrincipal.get(), patternId));
    }

    @GetMapping("/api/v1/pattern")
    public List<Map<String, Object>> list(@RequestParam(defaultValue = "0") int from,
                                          @RequestParam(defaultValue = "100") int size) {
        return patterns.list(CurrentPrincipal.get(), from, size).stream().map(PatternView::of).toList();
    }

    /** TheHive's multipart upload of an ATT&CK STIX bundle ({@code file}); the {@code _json} part is accepted and ignored. */
    @PostMapping("/api/v1/pattern/import/attack")
    public ResponseEntity<Map<String, Object>> importAttack(@RequestPart(value = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) throw new Invalid("A multipart part named file holding an ATT&CK STIX bundle is required");
        PatternService.ImportResult result;
        try {
            result = patterns.importAttack(CurrentPrincipal.get(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("imported", result.total());
        out.put("created", result.created());
        out.put("updated", result.updated());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @DeleteMapping("/api/v1/pattern/{patternId}")
    public ResponseEntity<Void> delete(@PathVariable String patternId) {
        patterns.delete(CurrentPrincipal.get(), patternId);
        return ResponseEntity.noContent().build();
    }
}
