package nl.signaalpoort.intake.pgp;

/** A refused OpenPGP file. Carries only the code: never key ids, user ids or content. */
public class PgpRefusedException extends Exception {

    private final PgpProblem problem;

    public PgpRefusedException(PgpProblem problem) {
        super("OpenPGP file refused: " + problem, null, false, false);
        this.problem = problem;
    }

    public PgpProblem problem() {
        return problem;
    }
}
