package nl.signaalpoort.ops;

import java.time.LocalDate;
import java.util.List;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.api.Problems;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.PostcodeTableRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' API for the postcode table: {@code GET /ops/v1/postcode-tables} lists the loaded
 * versions; {@code POST /ops/v1/postcode-tables?effectiveFrom=yyyy-mm-dd} with the CSV
 * (contracts/routing/postcode-table.md) loads one for today or a later day.
 */
@RestController
public class PostcodeTableController {

    private final PostcodeTableVersions versions;
    private final Messages messages;

    public PostcodeTableController(PostcodeTableVersions versions, Messages messages) {
        this.versions = versions;
        this.messages = messages;
    }

    @GetMapping(path = "/ops/v1/postcode-tables", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<PostcodeTableRepository.Version> list() {
        return versions.versions();
    }

    @PostMapping(path = "/ops/v1/postcode-tables", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PostcodeTableRepository.Version> load(@AuthenticationPrincipal OrganisationPrincipal operator,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom, @RequestBody byte[] csv) {
        return ResponseEntity.status(HttpStatus.CREATED).body(versions.load(effectiveFrom, csv, operator.oin()));
    }

    /** The problem names the line and what is wrong with it (never a value from it). */
    @ExceptionHandler(PostcodeTableVersions.InvalidTableException.class)
    ResponseEntity<ProblemDetail> invalid(PostcodeTableVersions.InvalidTableException e) {
        ProblemDetail problem = Problems.of(ProblemCode.INVALID_POSTCODE_TABLE, messages);
        problem.setProperty("reason", e.getMessage());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
