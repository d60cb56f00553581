package io.sightline.server.cases;

import io.sightline.server.api.ShareJson;
import io.sightline.server.auth.CurrentPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * TheHive v1 case routes: TheHive's JSON read into commands ({@link CaseJson}), answers in {@link CaseView}.
 * Creation, which may bring tasks, pages and a template, is {@code caseassembly}'s route.
 */
@RestController
public class CaseController {
    private final CaseService cases;
    private final CaseAccessService access;

    public CaseController(CaseService cases, CaseAccessService access) {
        this.cases = cases;
        this.access = access;
    }

    @GetMapping("/api/v1/case/{idOrNumber}")
    public Map<String, Object> get(@PathVariable String idOrNumber) {
        return view(cases.get(CurrentPrincipal.get(), idOrNumber));
    }

    @PatchMapping("/api/v1/case/{idOrNumber}")
    public Map<String, Object> update(@PathVariable String idOrNumber, @RequestBody(required = false) JsonNode body) {
        var principal = CurrentPrincipal.get();
        return view(cases.update(principal, idOrNumber, CaseJson.changes(body)));
    }

    @DeleteMapping("/api/v1/case/{idOrNumber}")
    public ResponseEntity<Void> delete(@PathVariable String idOrNumber) {
        cases.delete(CurrentPrincipal.get(), idOrNumber);
        return ResponseEntity.noContent().build();
    }

    /** TheHive's InputManageCaseAccess: the whole organisation, or only the users named. */
    @PostMapping("/api/v1/case/{idOrNumber}/access")
    public ResponseEntity<Void> manageAccess(@PathVariable String idOrNumber, @RequestBody(required = false) JsonNode body) {
        access.setAccess(CurrentPrincipal.get(), idOrNumber, CaseJson.access(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/case/{idOrNumber}/owner")
    public ResponseEntity<Void> changeOwner(@PathVariable String idOrNumber, @RequestBody(required = false) JsonNode body) {
        access.changeOwner(CurrentPrincipal.get(), idOrNumber, CaseJson.owner(body));
        return ResponseEntity.noContent().build();
    }

    /** TheHive's OutputShare list: the other organisations that see the case (none; see {@link CaseAccessService#sharedWith}). */
    @GetMapping("/api/v1/case/{idOrNumber}/shares")
    public List<Map<String, Object>> shares(@PathVariable String idOrNumber) {
        return shareViews(access.sharedWith(CurrentPrincipal.get()));
    }

    /** TheHive's share (POST) and set of shares (PUT): the shares after, none (see {@link CaseAccessService#share}). */
    @PostMapping("/api/v1/case/{idOrNumber}/shares")
    public ResponseEntity<List<Map<String, Object>>> share(@PathVariable String idOrNumber, @RequestBody(required = false) JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(shareViews(access.share(CurrentPrincipal.get(), idOrNumber, CaseJson.shares(body))));
    }

    @PutMapping("/api/v1/case/{idOrNumber}/shares")
    public List<Map<String, Object>> setShares(@PathVariable String idOrNumber, @RequestBody(required = false) JsonNode body) {
        return shareViews(access.share(CurrentPrincipal.get(), idOrNumber, CaseJson.shares(body)));
    }

    @DeleteMapping("/api/v1/case/{idOrNumber}/shares")
    public ResponseEntity<Void> unshare(@PathVariable String idOrNumber, @RequestBody(required = false) JsonNode body) {
        access.unshare(CurrentPrincipal.get(), idOrNumber, ShareJson.organisations(body));
        return ResponseEntity.noContent().build();
    }

    @RequestMapping(path = "/api/v1/case/share/{shareId}", method = {RequestMethod.DELETE, RequestMethod.PATCH})
    public ResponseEntity<Void> removeShare(@PathVariable String shareId) {
        access.removeShare(CurrentPrincipal.get(), shareId);
        return ResponseEntity.noContent().build();
    }

    private static List<Map<String, Object>> shareViews(List<String> organisations) {
        return organisations.stream().map(org -> Map.<String, Object>of("organisationName", org)).toList();
    }

    /** The case with its custom field values, as TheHive shows it. */
    private Map<String, Object> view(CaseRecord c) {
        return CaseView.of(c, cases.customFieldsOf(c.id()));
    }
}
