package nl.signaalpoort.intake.soap;

/** A message refused by the SOAP channel itself; the fault carries only the code and its sentence. */
public class SoapRefusedException extends RuntimeException {

    private final SoapFaultCode code;

    public SoapRefusedException(SoapFaultCode code) {
        super(code.name(), null, false, false);
        this.code = code;
    }

    public SoapFaultCode code() {
        return code;
    }
}
