package nl.signaalpoort.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.signaalpoort.json.Mappers;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's error page for what the connector refuses before any servlet sees it (headers over the
 * limit, a request line that is not HTTP): the same problem+json as every other refusal, with a
 * fixed code and sentence, instead of Tomcat's HTML page. Answers the application wrote itself are
 * left alone.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final Map<ProblemCode, byte[]> bodies;

    ProblemErrorReportValve(Map<ProblemCode, byte[]> bodies) {
        this.bodies = Map.copyOf(bodies);
    }

    /** The codes this valve answers with, for the statuses the connector produces. */
    static ProblemCode codeFor(int status) {
        return switch (status) {
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            default -> status < 500 ? ProblemCode.MALFORMED_REQUEST : ProblemCode.INTERNAL_ERROR;
        };
    }

    static byte[] body(ProblemWriter problems, ProblemCode code) throws IOException {
        return Mappers.WEB.writeValueAsBytes(problems.problem(code, "/"));
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        byte[] body = bodies.get(codeFor(status));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response is no longer writable: nothing left to tell.
        }
    }
}
