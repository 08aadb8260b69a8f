package nl.signaalpoort.api;

/** A request refused for a reason the caller can act on. Its message is the code only: never input values. */
public class ApiProblemException extends RuntimeException {

    private final ProblemCode code;

    public ApiProblemException(ProblemCode code) {
        super(code.name(), null, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
