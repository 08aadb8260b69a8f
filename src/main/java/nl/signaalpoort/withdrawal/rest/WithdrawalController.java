package nl.signaalpoort.withdrawal.rest;

import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.withdrawal.WithdrawalReason;
import nl.signaalpoort.withdrawal.Withdrawals;
import nl.signaalpoort.withdrawal.Withdrawals.Withdrawal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner withdraws one of its signals: {@code POST /api/v1/signals/{signalId}/withdrawal} (or by
 * its reference) with the reason. 201 for the withdrawal, 200 with {@code repeated} for the same
 * one again.
 */
@RestController
public class WithdrawalController {

    /** The reason as sent: checked here, so an unknown one gets its own code rather than "malformed". */
    public record WithdrawalRequest(String reason) {
    }

    private final Withdrawals withdrawals;
    private final PartnerRegistry partners;

    public WithdrawalController(Withdrawals withdrawals, PartnerRegistry partners) {
        this.withdrawals = withdrawals;
        this.partners = partners;
    }

    @PostMapping(path = "/api/v1/signals/{signalId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Withdrawal> byId(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable UUID signalId,
            @RequestBody WithdrawalRequest request) {
        return answer(withdrawals.byId(partner(caller), signalId, reason(request)));
    }

    @PostMapping(path = "/api/v1/signals/by-reference/{reference}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Withdrawal> byReference(@AuthenticationPrincipal OrganisationPrincipal caller, @PathVariable String reference,
            @RequestBody WithdrawalRequest request) {
        return answer(withdrawals.byReference(partner(caller), reference, reason(request)));
    }

    private Partner partner(OrganisationPrincipal caller) {
        return partners.byId(caller.organisationId()).orElseThrow(() -> new ApiProblemException(ProblemCode.FORBIDDEN));
    }

    /** The named reason, or null for none or an unknown one (refused with its code by {@link Withdrawals}). */
    private static WithdrawalReason reason(WithdrawalRequest request) {
        return request == null ? null : WithdrawalReason.named(request.reason());
    }

    private static ResponseEntity<Withdrawal> answer(Withdrawal withdrawal) {
        return ResponseEntity.status(withdrawal.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(withdrawal);
    }
}
