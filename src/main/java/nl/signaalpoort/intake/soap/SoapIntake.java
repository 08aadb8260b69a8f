package nl.signaalpoort.intake.soap;

import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.intake.soap.contract.FetchContactDataNotices;
import nl.signaalpoort.intake.soap.contract.FetchFeedback;
import nl.signaalpoort.intake.soap.contract.ReportOutcome;
import nl.signaalpoort.intake.soap.contract.ReportOutcomes;
import nl.signaalpoort.intake.soap.contract.SignalChoice;
import nl.signaalpoort.intake.soap.contract.SubmitSignals;
import nl.signaalpoort.intake.soap.contract.WithdrawSignal;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.springframework.stereotype.Component;

/**
 * The one step of route intake-soap: hands each operation of the SOAP channel to
 * {@link SignaalpoortSoapService} and its answer back to CXF. The route runs on the request
 * thread (the endpoint is synchronous), after CXF's in-interceptors (WS-Security, replay guard,
 * schema validation); a refusal is thrown and becomes a SOAP fault through the translator.
 */
@Component(Routes.SOAP_INTAKE)
public class SoapIntake {

    private final SignaalpoortSoapService service;

    public SoapIntake(SignaalpoortSoapService service) {
        this.service = service;
    }

    public void handle(Exchange exchange) {
        Message message = exchange.getMessage();
        String operation = message.getHeader(CxfConstants.OPERATION_NAME, String.class);
        Object answer = switch (operation == null ? "" : operation) {
            case "submitSignals" -> service.submitSignals(message.getBody(SubmitSignals.class));
            case "fetchFeedback" -> service.fetchFeedback(message.getBody(FetchFeedback.class));
            case "reportOutcome" -> service.reportOutcome(message.getBody(ReportOutcome.class));
            case "reportOutcomes" -> service.reportOutcomes(message.getBody(ReportOutcomes.class));
            case "getSignalStatus" -> service.getSignalStatus(message.getBody(SignalChoice.class));
            case "withdrawSignal" -> service.withdrawSignal(message.getBody(WithdrawSignal.class));
            case "fetchContactDataNotices" -> service.fetchContactDataNotices(message.getBody(FetchContactDataNotices.class));
            default -> throw new SoapRefusedException(SoapFaultCode.MALFORMED_SOAP);
        };
        // Nothing of the request goes back as a header of the answer.
        message.removeHeaders("*", "operation*", "Camel*");
        message.setBody(answer);
    }
}
